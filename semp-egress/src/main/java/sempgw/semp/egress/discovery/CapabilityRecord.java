package sempgw.semp.egress.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code _semp._tcp.<domain>} TXT capability record (DISCOVERY.md §2.2), e.g.
 * {@code v=semp1;s=pq-kyber768-x25519,x25519-chacha20-poly1305;c=h2,ws,quic;mes=26214400}.
 * It signals SEMP support; the configuration document stays the authority for endpoints and
 * limits (DISCOVERY.md §3.2.1), and disagreements between the two are reported, not fatal
 * (DISCOVERY.md §8.2).
 *
 * @param suites          {@code s}: suite identifiers in preference order
 * @param transports      {@code c}: transport identifiers in preference order
 * @param maxEnvelopeSize {@code mes}: the largest envelope the server accepts, in bytes
 * @param problems        MUST-level defects of the record, for the operator's log
 */
public record CapabilityRecord(List<String> suites, List<String> transports, OptionalLong maxEnvelopeSize,
                               List<String> problems) {

    static final String BASELINE_SUITE = "x25519-chacha20-poly1305";
    static final String BASELINE_TRANSPORT = "h2";

    public CapabilityRecord {
        suites = List.copyOf(suites);
        transports = List.copyOf(transports);
        problems = List.copyOf(problems);
    }

    /**
     * Reads one TXT record's text; empty when it is not a SEMP version 1 record or is ambiguous.
     * Unknown parameters are ignored (DISCOVERY.md §2.2).
     */
    static Optional<CapabilityRecord> parse(String text) {
        Optional<Map<String, String>> parsed = TxtParameters.parse(text);
        if (parsed.isEmpty() || !TxtParameters.isSemp1(parsed.get())) {
            return Optional.empty();
        }
        Map<String, String> p = parsed.get();
        List<String> suites = TxtParameters.list(p.get("s"));
        List<String> transports = TxtParameters.list(p.get("c"));
        OptionalLong mes = TxtParameters.nonNegative(p.get("mes"));
        List<String> problems = new ArrayList<>();
        if (!suites.contains(BASELINE_SUITE)) {
            problems.add("s lacks the baseline suite " + BASELINE_SUITE + " (DISCOVERY.md §2.2)");
        }
        if (!transports.contains(BASELINE_TRANSPORT)) {
            problems.add("c lacks the mandatory transport h2 (DISCOVERY.md §2.2)");
        }
        if (p.containsKey("mes") && (mes.isEmpty() || mes.getAsLong() == 0)) {
            problems.add("mes is not a positive integer");
            mes = OptionalLong.empty();
        }
        return Optional.of(new CapabilityRecord(suites, transports, mes, problems));
    }
}
