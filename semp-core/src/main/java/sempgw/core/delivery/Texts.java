package sempgw.core.delivery;

/**
 * Reason text as it may cross the wire and reach logs: at most {@link #MAX_CHARS} characters,
 * control characters replaced, so a peer's text cannot forge log lines (ERRORS.md §15.1: the
 * text is for people, never parsed).
 */
final class Texts {
    static final int MAX_CHARS = 512;

    private Texts() {
    }

    static String clean(String text) {
        String s = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? '?' : c);
        }
        return out.toString();
    }
}
