package sempgw.semp.egress.discovery;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * The SMTP capability check for a domain without SEMP, or with another major version of it only
 * (DISCOVERY.md §7.2, CONFORMANCE.md §9.1.3): DNS only, never an SMTP connection.
 *
 * <ol>
 *   <li>MX records -&gt; {@code Legacy}; a lone null MX ({@code 0 .}) -&gt; {@code NotFound}
 *       (RFC 7505 §3).</li>
 *   <li>NXDOMAIN -&gt; {@code NotFound}.</li>
 *   <li>No MX: A or AAAA records make the domain its own implicit MX (RFC 5321 §5.1) -&gt;
 *       {@code Legacy}; none -&gt; {@code NotFound}.</li>
 *   <li>Any failure that leaves the answer open -&gt; {@code Temporary}.</li>
 * </ol>
 */
final class MailCheck {

    /** A result and the TTL of the DNS facts it rests on, if they carried one. */
    record Outcome(DiscoveryResult result, OptionalLong ttl) {
    }

    private final DnsLookup dns;

    MailCheck(DnsLookup dns) {
        this.dns = dns;
    }

    Outcome check(DomainName domain) {
        Name name = domain.dnsName("");
        DnsAnswer mx = dns.ask(name, Type.MX).join();
        return switch (mx) {
            case DnsAnswer.Failure f -> new Outcome(Discoveries.temporary(f), OptionalLong.empty());
            case DnsAnswer.NxDomain n -> new Outcome(new DiscoveryResult.NotFound(domain + " does not exist (NXDOMAIN)"), n.negativeTtl());
            case DnsAnswer.Records r -> exchanges(domain, r);
            case DnsAnswer.NoData n -> addresses(domain, name, n.negativeTtl());
        };
    }

    private static Outcome exchanges(DomainName domain, DnsAnswer.Records r) {
        List<MXRecord> mxs = r.records().stream().filter(MXRecord.class::isInstance).map(MXRecord.class::cast).toList();
        if (mxs.size() == 1 && mxs.getFirst().getTarget().equals(Name.root)) {
            return new Outcome(new DiscoveryResult.NotFound(domain + " accepts no mail (null MX, RFC 7505)"), OptionalLong.of(r.ttl()));
        }
        String hosts = String.join(" ", mxs.stream().filter(m -> !m.getTarget().equals(Name.root))
                .map(m -> m.getPriority() + " " + SempRecords.host(m.getTarget())).toList());
        return new Outcome(new DiscoveryResult.Legacy("MX " + hosts), OptionalLong.of(r.ttl()));
    }

    private Outcome addresses(DomainName domain, Name name, OptionalLong mxTtl) {
        CompletableFuture<DnsAnswer> a = dns.ask(name, Type.A);
        CompletableFuture<DnsAnswer> aaaa = dns.ask(name, Type.AAAA);
        List<DnsAnswer> answers = List.of(a.join(), aaaa.join());
        OptionalLong positive = OptionalLong.empty();
        OptionalLong negative = mxTtl;
        DnsAnswer.Failure failure = null;
        for (DnsAnswer answer : answers) {
            switch (answer) {
                case DnsAnswer.Records r -> positive = SempRecords.min(positive, OptionalLong.of(r.ttl()));
                case DnsAnswer.Failure f -> failure = f;
                case DnsAnswer.NoData n -> negative = SempRecords.min(negative, n.negativeTtl());
                case DnsAnswer.NxDomain n -> negative = SempRecords.min(negative, n.negativeTtl());
            }
        }
        if (positive.isPresent()) {
            return new Outcome(new DiscoveryResult.Legacy("no MX, address records (implicit MX, RFC 5321 §5.1)"),
                    SempRecords.min(positive, mxTtl));
        }
        if (failure != null) {
            return new Outcome(Discoveries.temporary(failure), OptionalLong.empty());
        }
        return new Outcome(new DiscoveryResult.NotFound(domain + " has no MX, A or AAAA records"), negative);
    }
}
