package sempgw.policy;

import java.util.Objects;

/**
 * Makes untrusted text (a peer's {@code reason}, a resolver's error) safe for an SMTP reply line
 * and a DSN: printable US-ASCII only, no CR or LF, blanks collapsed, bounded length. A peer's
 * reason is for people and is never parsed (ERRORS.md §15.1); all this does is keep it from
 * injecting reply lines or headers (RFC 5321 §4.2: textstring is HT and SP to {@code ~}).
 */
public final class ReplyText {

    /** The default bound for a peer's reason inside a reply line. */
    public static final int MAX_REASON = 200;

    private ReplyText() {
    }

    /**
     * The text with CR, LF and HT turned into spaces, every other character outside SP..{@code ~}
     * replaced by {@code ?} (one per code point), runs of spaces collapsed, ends trimmed, and cut
     * to {@code max} characters with a trailing {@code ...} when longer.
     */
    public static String sanitize(String raw, int max) {
        Objects.requireNonNull(raw, "raw");
        if (max < 4) {
            throw new IllegalArgumentException("max must leave room for \"...\": " + max);
        }
        StringBuilder out = new StringBuilder(Math.min(raw.length(), max + 1));
        boolean cut = false;
        for (int i = 0; i < raw.length(); ) {
            int c = raw.codePointAt(i);
            i += Character.charCount(c);
            char mapped = c == '\r' || c == '\n' || c == '\t' ? ' ' : (c >= 0x20 && c <= 0x7e ? (char) c : '?');
            if (mapped == ' ' && (out.isEmpty() || out.charAt(out.length() - 1) == ' ')) {
                continue;
            }
            if (out.length() == max) {
                if (mapped != ' ') {
                    cut = true;
                    break;
                }
                continue;
            }
            out.append(mapped);
        }
        String text = out.toString().strip();
        return cut ? text.substring(0, Math.min(text.length(), max - 3)).stripTrailing() + "..." : text;
    }

    /** {@link #sanitize(String, int)} with {@link #MAX_REASON}. */
    public static String sanitize(String raw) {
        return sanitize(raw, MAX_REASON);
    }

    /** True when every character is printable US-ASCII (SP..{@code ~}). */
    static boolean isSafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
