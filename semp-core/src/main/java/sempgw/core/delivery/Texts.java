package sempgw.core.delivery;

/**
 * Reason text as it may cross the wire and reach logs: at most {@link #MAX_CHARS} UTF-16 units,
 * never cut inside a surrogate pair, with control characters, line separators and lone
 * surrogates replaced by {@code ?}, so a peer's text cannot forge log lines and our own text
 * always encodes to valid UTF-8 (ERRORS.md §15.1: the text is for people, never parsed).
 */
final class Texts {
    static final int MAX_CHARS = 512;

    private Texts() {
    }

    static String clean(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARS));
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            int n = Character.charCount(c);
            if (out.length() + n > MAX_CHARS) {
                break;
            }
            boolean unsafe = Character.isISOControl(c) || c == 0x2028 || c == 0x2029
                    || Character.getType(c) == Character.SURROGATE;
            if (unsafe) {
                out.append('?');
            } else {
                out.appendCodePoint(c);
            }
            i += n;
        }
        return out.toString();
    }
}
