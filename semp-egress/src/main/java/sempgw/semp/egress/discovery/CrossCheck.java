package sempgw.semp.egress.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Compares what DNS advertises with what the configuration document says. A disagreement is
 * flagged for the operator (DISCOVERY.md §8.2 SHOULD), not fatal: the document is the endpoint
 * registry (DISCOVERY.md §3.2.1) and the smaller size limit wins anyway.
 */
final class CrossCheck {

    private CrossCheck() {
    }

    static List<String> discrepancies(Optional<CapabilityRecord> capability, SempConfiguration config) {
        List<String> out = new ArrayList<>();
        if (capability.isEmpty()) {
            return out;
        }
        CapabilityRecord cap = capability.get();
        if (!cap.suites().isEmpty() && !Set.copyOf(cap.suites()).equals(Set.copyOf(config.suites()))) {
            out.add("suites differ: TXT s=" + String.join(",", cap.suites()) + ", document " + String.join(",", config.suites()));
        }
        Set<String> federation = config.federation().byTransport().keySet();
        if (!cap.transports().isEmpty() && !Set.copyOf(cap.transports()).equals(federation)) {
            out.add("transports differ: TXT c=" + String.join(",", cap.transports()) + ", document federation "
                    + String.join(",", federation));
        }
        if (cap.maxEnvelopeSize().isPresent() && cap.maxEnvelopeSize().getAsLong() != config.maxEnvelopeSize()) {
            out.add("envelope limit differs: TXT mes=" + cap.maxEnvelopeSize().getAsLong() + ", document "
                    + config.maxEnvelopeSize() + "; the smaller applies");
        }
        return out;
    }
}
