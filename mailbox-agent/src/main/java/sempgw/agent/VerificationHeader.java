package sempgw.agent;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code SEMP-Verification} header: one per message we hand to a mailbox, at the top, with
 * {@code ;}-separated {@code key=value} pairs in a fixed order:
 * <pre>
 * SEMP-Verification: origin=semp; seal=pass; sender-signature=pass; sender-domain=example.com
 * SEMP-Verification: origin=legacy; seal=none; sender-signature=none
 * SEMP-Verification: origin=legacy-verified-semp-sender; seal=none; sender-signature=none; sender-domain=example.com
 * </pre>
 * Values: {@code origin} {@code semp | legacy | legacy-verified-semp-sender} (CLIENT.md §4.3.3);
 * {@code seal} {@code pass | fail | none}; {@code sender-signature}
 * {@code pass | fail | unknown-key | none} (ENVELOPE.md §6.5.3); {@code sender-domain} a
 * canonical domain. Parsing ignores case, whitespace and unknown keys, and refuses a duplicated
 * or missing key or an inconsistent combination.
 */
public final class VerificationHeader {
    /** The header name. */
    public static final String NAME = "SEMP-Verification";

    private VerificationHeader() {
    }

    /** The field value for {@code v} (without name and CRLF). */
    public static String render(Verification v) {
        StringBuilder s = new StringBuilder("origin=").append(v.origin().token())
                .append("; seal=").append(token(v.seal().name()))
                .append("; sender-signature=").append(token(v.senderSignature().name()));
        v.senderDomain().ifPresent(d -> s.append("; sender-domain=").append(d));
        return s.toString();
    }

    /** The whole field, {@code SEMP-Verification: value CRLF}. */
    public static String field(Verification v) {
        return NAME + ": " + render(v) + "\r\n";
    }

    /** The verification a field value states, or empty when it is not a valid value. */
    public static Optional<Verification> parse(String value) {
        Map<String, String> pairs = new HashMap<>();
        for (String item : value.replaceAll("[\\r\\n]", "").split(";")) {
            int eq = item.indexOf('=');
            if (eq < 0) {
                return Optional.empty();
            }
            String key = item.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (pairs.put(key, item.substring(eq + 1).strip().toLowerCase(Locale.ROOT)) != null) {
                return Optional.empty();
            }
        }
        try {
            Verification.Origin origin = null;
            for (Verification.Origin o : Verification.Origin.values()) {
                if (o.token().equals(pairs.get("origin"))) {
                    origin = o;
                }
            }
            if (origin == null || !pairs.containsKey("seal") || !pairs.containsKey("sender-signature")) {
                return Optional.empty();
            }
            return Optional.of(new Verification(origin, Verification.Check.valueOf(constant(pairs.get("seal"))),
                    Verification.SignatureCheck.valueOf(constant(pairs.get("sender-signature"))),
                    Optional.ofNullable(pairs.get("sender-domain"))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String token(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String constant(String token) {
        if (!token.matches("[a-z-]+")) {
            throw new IllegalArgumentException("not a token");
        }
        return token.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
