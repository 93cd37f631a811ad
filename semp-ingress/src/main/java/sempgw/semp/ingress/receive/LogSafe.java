package sempgw.semp.ingress.receive;

/**
 * Peer-supplied values as they may appear in a log line: identifiers cut to {@value #MAX}
 * characters with anything outside ASCII letters, digits and {@code . - _ :} replaced by
 * {@code ?}; texts without control characters. A crafted {@code postmark.id}, domain or field
 * cannot forge or flood log lines.
 */
final class LogSafe {
    static final int MAX = 64;

    private LogSafe() {
    }

    static String of(String peerValue) {
        String s = peerValue.length() > MAX ? peerValue.substring(0, MAX) + "..." : peerValue;
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean plain = c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == ':');
            out.append(plain ? c : '?');
        }
        return out.isEmpty() ? "-" : out.toString();
    }

    /** Operator text that may quote peer input: control characters replaced, at most 200 characters. */
    static String text(String detail) {
        String s = detail.length() > 200 ? detail.substring(0, 200) + "..." : detail;
        return s.codePoints().map(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029 ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
