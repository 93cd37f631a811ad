package sempgw.semp.ingress;

/**
 * Peer-supplied values as they may appear in a log line, for every package of the SEMP server:
 * identifiers and domains cut to {@value #MAX} characters with anything outside ASCII letters,
 * digits and {@code . - _ :} replaced by {@code ?}; free texts (rejection details, exception
 * text that may quote peer input) without control characters and cut to {@value #MAX_TEXT}. A
 * crafted {@code postmark.id}, domain, message type or field can neither forge nor flood log
 * lines.
 */
public final class LogSafe {
    /** Longest identifier kept: a domain name's 253 characters. */
    public static final int MAX = 253;
    /** Longest text kept. */
    public static final int MAX_TEXT = 200;

    private LogSafe() {
    }

    /** An identifier or domain from the peer; {@code -} when empty. */
    public static String of(String peerValue) {
        String s = peerValue.length() > MAX ? peerValue.substring(0, MAX) + "..." : peerValue;
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean plain = c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == ':');
            out.append(plain ? c : '?');
        }
        return out.isEmpty() ? "-" : out.toString();
    }

    /** Operator text that may quote peer input: control and line-separator characters replaced by {@code ?}. */
    public static String text(String detail) {
        String s = detail.length() > MAX_TEXT ? detail.substring(0, MAX_TEXT) + "..." : detail;
        return s.codePoints().map(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029 ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
