package sempgw.policy;

/**
 * The author's per-message opt-in, {@code SEMP-Require: yes}, which turns the message into
 * {@code semp-required} (GATEWAY.md §4). The gateway removes the field before delivery.
 *
 * <p>The field body is one word, {@code yes}, in any ASCII case, with optional comments and
 * folding white space around it (CFWS, RFC 5322 §3.2.2), for example
 * {@code SEMP-Require: Yes (confidential)}. Anything else is not a request: {@code no},
 * {@code true}, {@code yes please}, an unbalanced comment, an empty body. Reading a malformed
 * field as "no" keeps the message at its configured mode; it never weakens that mode.
 */
public final class SempRequireHeader {

    /** The header field name (case-insensitive on the wire, RFC 5322 §1.2.2). */
    public static final String NAME = "SEMP-Require";

    private SempRequireHeader() {
    }

    /** True when this unfolded or folded field body asks for SEMP. {@code null} is false. */
    public static boolean requested(String fieldValue) {
        if (fieldValue == null) {
            return false;
        }
        String word = withoutComments(fieldValue);
        return word != null && isYes(trimSpaces(word));
    }

    /**
     * True when any of the message's {@code SEMP-Require} fields asks for SEMP: a message with
     * both {@code yes} and {@code no} is treated as the stricter of the two.
     */
    public static boolean requestedAny(Iterable<String> fieldValues) {
        for (String value : fieldValues) {
            if (requested(value)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The body with each comment (nested comments and quoted-pairs included, RFC 5322 §3.2.2)
     * replaced by a space and CR/LF by spaces; {@code null} when the comments do not balance.
     */
    private static String withoutComments(String value) {
        StringBuilder out = new StringBuilder(value.length());
        int depth = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (depth > 0) {
                if (c == '\\') {
                    i++;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    out.append(' ');
                }
            } else if (c == '(') {
                depth = 1;
            } else if (c == ')') {
                return null;
            } else {
                out.append(c == '\r' || c == '\n' || c == '\t' ? ' ' : c);
            }
        }
        return depth == 0 ? out.toString() : null;
    }

    /** Without leading and trailing spaces: only WSP counts as blank here (RFC 5234 B.1), not Unicode spaces. */
    private static String trimSpaces(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(start, end);
    }

    /** Exactly {@code yes} in ASCII case (no Unicode case folding: {@code yeſ} is not yes). */
    private static boolean isYes(String word) {
        return word.length() == 3
                && (word.charAt(0) | 0x20) == 'y'
                && (word.charAt(1) | 0x20) == 'e'
                && (word.charAt(2) | 0x20) == 's';
    }
}
