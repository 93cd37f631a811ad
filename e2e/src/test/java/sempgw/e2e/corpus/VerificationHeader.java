package sempgw.e2e.corpus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one verification field the receiving gateway puts on a message that arrived over SEMP
 * (GATEWAY.md §6, docs/conversion.md §6): {@code SEMP-Verification: origin=semp; seal=pass;
 * sender-signature=pass; sender-domain=<domain>}, the first of the origin states of CLIENT.md
 * §4.3.3. It must be there exactly once, say pass for both checks and name the sender's domain.
 */
public final class VerificationHeader {
    public static final String NAME = "SEMP-Verification";

    private VerificationHeader() {
    }

    /** Null when {@code values} (every SEMP-Verification field of a message) is one passing field for {@code senderDomain}, else why not. */
    public static String problem(List<String> values, String senderDomain) {
        if (values.size() != 1) {
            return values.size() + " " + NAME + " fields, expected 1: " + values;
        }
        Map<String, String> v = parse(values.getFirst());
        Map<String, String> expected = Map.of("origin", "semp", "seal", "pass", "sender-signature", "pass",
                "sender-domain", senderDomain.toLowerCase(Locale.ROOT));
        for (Map.Entry<String, String> e : expected.entrySet()) {
            if (!e.getValue().equals(v.get(e.getKey()))) {
                return NAME + " has " + e.getKey() + "=" + v.get(e.getKey()) + ", expected " + e.getValue() + ": " + values.getFirst();
            }
        }
        return null;
    }

    /** {@code key=value} pairs separated by {@code ;}, keys and values in lower case. */
    static Map<String, String> parse(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String item : value.split(";")) {
            int eq = item.indexOf('=');
            if (eq > 0) {
                out.putIfAbsent(item.substring(0, eq).strip().toLowerCase(Locale.ROOT), item.substring(eq + 1).strip().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}
