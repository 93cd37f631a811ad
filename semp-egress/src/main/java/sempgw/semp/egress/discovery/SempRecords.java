package sempgw.semp.egress.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;
import org.xbill.DNS.Name;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * Asks a domain's three SEMP questions at once and reads the answers (DISCOVERY.md §2.1, §2.2,
 * HANDSHAKE.md §3.1):
 *
 * <ol>
 *   <li>{@code _semp._tcp.<domain>} SRV: the servers;</li>
 *   <li>{@code _semp._tcp.<domain>} TXT: the capability record;</li>
 *   <li>{@code _semp.<domain>} TXT: session lifetimes.</li>
 * </ol>
 * Any failed question makes the whole probe {@link SempProbe.Failed}: an answer built on a missing
 * piece could read a SEMP domain as a legacy one. A capability TXT that declares other SEMP
 * majors and not ours makes it {@link SempProbe.OtherMajor}; when {@code v=semp1} is published
 * beside them, ours is used and the others are ignored (CONFORMANCE.md §9.1.2).
 */
final class SempRecords {

    static final String SRV_PREFIX = "_semp._tcp.";
    static final String SESSION_PREFIX = "_semp.";

    private final DnsLookup dns;

    SempRecords(DnsLookup dns) {
        this.dns = dns;
    }

    SempProbe probe(DomainName domain) {
        CompletableFuture<DnsAnswer> srv = dns.ask(domain.dnsName(SRV_PREFIX), Type.SRV);
        CompletableFuture<DnsAnswer> capability = dns.ask(domain.dnsName(SRV_PREFIX), Type.TXT);
        CompletableFuture<DnsAnswer> session = dns.ask(domain.dnsName(SESSION_PREFIX), Type.TXT);
        List<DnsAnswer> answers = Stream.of(srv, capability, session).map(CompletableFuture::join).toList();
        for (DnsAnswer a : answers) {
            if (a instanceof DnsAnswer.Failure f) {
                return new SempProbe.Failed(f);
            }
        }
        DnsAnswer srvAnswer = answers.get(0);
        List<SRVRecord> srvRecords = records(srvAnswer, SRVRecord.class);
        if (!srvRecords.isEmpty() && srvRecords.stream().allMatch(r -> r.getTarget().equals(Name.root))) {
            return new SempProbe.OptedOut(srvAnswer.cacheTtl());
        }
        List<ServerTarget> targets = srvRecords.stream()
                .filter(r -> !r.getTarget().equals(Name.root) && r.getPort() > 0)
                .map(r -> new ServerTarget(host(r.getTarget()), r.getPort(), r.getPriority(), r.getWeight()))
                .toList();
        List<String> notes = new ArrayList<>();
        List<CapabilityRecord> capabilities = semp1(answers.get(1), CapabilityRecord::parse);
        Optional<CapabilityRecord> cap = single(capabilities, "_semp._tcp." + domain, notes);
        cap.ifPresent(c -> c.problems().forEach(p -> notes.add("TXT _semp._tcp." + domain + ": " + p)));
        OptionalLong recordsTtl = min(srvAnswer.cacheTtl(), answers.get(1).cacheTtl());
        List<String> otherMajors = capabilities.isEmpty() ? otherMajors(answers.get(1)) : List.of();
        if (!otherMajors.isEmpty()) {
            return new SempProbe.OtherMajor(otherMajors, recordsTtl);
        }
        if (targets.isEmpty() && capabilities.isEmpty()) {
            return new SempProbe.Absent(recordsTtl);
        }
        SessionTtl sessionTtl = single(semp1(answers.get(2), SessionTtl::parse), "_semp." + domain, notes).orElse(SessionTtl.DEFAULT);
        OptionalLong ttl = OptionalLong.empty();
        for (DnsAnswer a : answers) {
            if (a instanceof DnsAnswer.Records r) {
                ttl = min(ttl, OptionalLong.of(r.ttl()));
            }
        }
        return new SempProbe.Signalled(targets, !capabilities.isEmpty(), cap, sessionTtl, ttl, notes);
    }

    private static <T> List<T> records(DnsAnswer answer, Class<T> type) {
        return answer instanceof DnsAnswer.Records r ? r.records().stream().filter(type::isInstance).map(type::cast).toList() : List.of();
    }

    private static <T> List<T> semp1(DnsAnswer answer, Function<String, Optional<T>> parser) {
        return records(answer, TXTRecord.class).stream().map(TxtParameters::text).map(parser)
                .flatMap(Optional::stream).distinct().toList();
    }

    /** The other SEMP majors the TXT records declare ({@code semp2}, ...), in record order, each once. */
    private static List<String> otherMajors(DnsAnswer answer) {
        return records(answer, TXTRecord.class).stream().map(TxtParameters::text).map(TxtParameters::parse).flatMap(Optional::stream)
                .map(TxtParameters::otherMajor).flatMap(Optional::stream).distinct().toList();
    }

    /** One v=semp1 record is used; several different ones are ambiguous and none is. */
    private static <T> Optional<T> single(List<T> found, String name, List<String> notes) {
        if (found.size() > 1) {
            notes.add("TXT " + name + ": " + found.size() + " different v=semp1 records, all ignored");
            return Optional.empty();
        }
        return found.stream().findFirst();
    }

    static String host(Name name) {
        return name.toString(true).toLowerCase(Locale.ROOT);
    }

    static OptionalLong min(OptionalLong a, OptionalLong b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : OptionalLong.of(Math.min(a.getAsLong(), b.getAsLong()));
    }
}
