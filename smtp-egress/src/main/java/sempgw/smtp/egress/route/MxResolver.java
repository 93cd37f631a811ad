package sempgw.smtp.egress.route;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Type;
import sempgw.smtp.egress.client.Target;

/**
 * Turns a {@link Route} into the addresses to try, in order (RFC 5321 §5.1):
 *
 * <ol>
 *   <li>MX records of the domain, sorted by preference, equal preferences in random order.</li>
 *   <li>A single MX of preference 0 and exchange "." is a null MX: the domain accepts no mail,
 *       a permanent failure with 556 5.1.10 (RFC 7505 §3, §4.3).</li>
 *   <li>No MX records (NOERROR, no data): the domain itself is the implicit MX (RFC 5321 §5.1).</li>
 *   <li>Each exchange's A, then AAAA, records; at most {@value #MAX_TARGETS} addresses in all
 *       (Postfix's smtp_mx_address_limit).</li>
 *   <li>NXDOMAIN for the domain is permanent (5.1.2); SERVFAIL, other errors and timeouts are
 *       temporary (4.4.3), never read as "no records" (GATEWAY.md §4).</li>
 *   <li>A {@code .onion} domain, or exchange, is never looked up (RFC 7686 §2): the domain is
 *       permanently unroutable by SMTP (5.1.2), an exchange under it is skipped.</li>
 * </ol>
 * A route to a named host skips the MX step; an address literal needs no DNS at all.
 */
public final class MxResolver {

    static final int MAX_TARGETS = 5;

    private final DnsClient dns;
    private final RandomGenerator random;

    public MxResolver(Resolver resolver, RandomGenerator random) {
        this.dns = new DnsClient(resolver);
        this.random = Objects.requireNonNull(random);
    }

    public Resolution resolve(Route route) {
        return switch (route) {
            case Route.Mx mx -> mx(mx.domain(), mx.port());
            case Route.Host host -> host(host.host(), host.port());
            case Route.Unix unix -> new Resolution.Targets(List.of(new Target.Unix(unix.path())));
        };
    }

    private Resolution host(String host, int port) {
        if (isAddressLiteral(host)) {
            return new Resolution.Targets(List.of(new Target.Inet(host, InetAddress.ofLiteral(host), port)));
        }
        return addresses(List.of(host), port, host);
    }

    private Resolution mx(String domain, int port) {
        if (domain.isEmpty()) {
            return new Resolution.Unroutable("5.1.3 the recipient address has no domain", true);
        }
        if (DnsClient.isOnion(domain)) {
            return new Resolution.Unroutable("5.1.2 domain " + domain + " is a Tor onion service, reachable only over SEMP, not by SMTP;"
                    + " not looked up in DNS (RFC 7686)", true);
        }
        return switch (dns.query(domain, Type.MX)) {
            case DnsClient.Answer.NxDomain() -> new Resolution.Unroutable("5.1.2 domain " + domain + " does not exist (NXDOMAIN)", true);
            case DnsClient.Answer.Failure(String reason) -> new Resolution.Unroutable("4.4.3 " + reason, false);
            case DnsClient.Answer.NoData() -> addresses(List.of(domain), port, domain);
            case DnsClient.Answer.Records(List<Record> records) -> exchanges(domain, records, port);
        };
    }

    private Resolution exchanges(String domain, List<Record> records, int port) {
        List<MXRecord> mxs = records.stream().map(MXRecord.class::cast).toList();
        boolean nullMx = mxs.stream().anyMatch(mx -> mx.getTarget().equals(Name.root));
        if (nullMx && mxs.size() == 1 && mxs.getFirst().getPriority() == 0) {
            return new Resolution.Unroutable("556 5.1.10 domain " + domain + " accepts no mail (null MX, RFC 7505)", true);
        }
        Map<Integer, List<String>> byPreference = new TreeMap<>();
        for (MXRecord mx : mxs) {
            if (!mx.getTarget().equals(Name.root)) {
                String host = mx.getTarget().toString(true).toLowerCase(java.util.Locale.ROOT);
                byPreference.computeIfAbsent(mx.getPriority(), p -> new ArrayList<>()).add(host);
            }
        }
        List<String> ordered = new ArrayList<>();
        for (List<String> equal : byPreference.values()) {
            Collections.shuffle(equal, random);
            ordered.addAll(equal);
        }
        return addresses(List.copyOf(new LinkedHashSet<>(ordered)), port, domain);
    }

    /** The A then AAAA addresses of each host in order, up to the limit. */
    private Resolution addresses(List<String> hosts, int port, String domain) {
        List<Target> targets = new ArrayList<>();
        Set<InetAddress> seen = new LinkedHashSet<>();
        String temporary = null;
        for (String host : hosts) {
            for (int type : new int[] {Type.A, Type.AAAA}) {
                switch (dns.query(host, type)) {
                    case DnsClient.Answer.Records(List<Record> records) -> {
                        for (Record r : records) {
                            InetAddress address = r instanceof ARecord a ? a.getAddress() : ((AAAARecord) r).getAddress();
                            if (seen.add(address) && targets.size() < MAX_TARGETS) {
                                targets.add(new Target.Inet(host, address, port));
                            }
                        }
                    }
                    case DnsClient.Answer.Failure(String reason) -> temporary = reason;
                    case DnsClient.Answer.NoData() -> { }
                    case DnsClient.Answer.NxDomain() -> { }
                }
            }
        }
        if (!targets.isEmpty()) {
            return new Resolution.Targets(targets);
        }
        if (temporary != null) {
            return new Resolution.Unroutable("4.4.3 " + temporary, false);
        }
        return new Resolution.Unroutable("5.4.4 no address found for " + String.join(", ", hosts)
                + (hosts.equals(List.of(domain)) ? "" : " (mail exchangers of " + domain + ")"), true);
    }

    private static boolean isAddressLiteral(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }
}
