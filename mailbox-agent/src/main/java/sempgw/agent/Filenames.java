package sempgw.agent;

import java.util.Map;
import sempgw.agent.mime.MimePart;

/**
 * Attachment file names that a reader is shown: the enclosure's {@code filename} for native SEMP
 * clients (ENVELOPE.md §6.3) and the {@code filename} we render from a native peer's attachment.
 * The name is the part's own without directory components, control characters or invisible
 * format characters (Unicode general category Cf: the bidirectional marks, embeddings, overrides
 * and isolates, zero-width characters, the word joiner, the byte order mark, ...) and line or
 * paragraph separators, so {@code invoice<U+202E>fdp.exe} is shown as {@code invoicefdp.exe}
 * and not as {@code invoiceexe.pdf}. A name that is then empty, or only an extension
 * ({@code .exe}), is replaced by {@code part-<section>} with an extension for the type
 * ({@code smime.p7s}, {@code signature.asc} and {@code smime.p7m} keep their conventional
 * names). The MIME carried for gateways is never changed: its header keeps the name as written.
 */
final class Filenames {
    private static final Map<String, String> CONVENTIONAL = Map.of(
            "application/pkcs7-signature", "smime.p7s", "application/x-pkcs7-signature", "smime.p7s",
            "application/pgp-signature", "signature.asc", "application/pkcs7-mime", "smime.p7m",
            "application/x-pkcs7-mime", "smime.p7m", "application/pgp-encrypted", "pgp-encrypted.asc");
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("text/plain", ".txt"), Map.entry("text/html", ".html"), Map.entry("text/calendar", ".ics"),
            Map.entry("message/rfc822", ".eml"), Map.entry("image/png", ".png"), Map.entry("image/jpeg", ".jpg"),
            Map.entry("image/gif", ".gif"), Map.entry("application/pdf", ".pdf"), Map.entry("text/csv", ".csv"));
    private static final int MAX_LENGTH = 255;

    private Filenames() {
    }

    /** The enclosure file name of the leaf {@code p}. */
    static String of(MimePart p) {
        return shown(p.filename().orElse(""), p.type().mimeType(), p.label());
    }

    /**
     * {@code name} {@link #clean cleaned}, else the conventional name of {@code mimeType} (lower
     * case {@code type/subtype}), else {@code part-<section>} with an extension for the type.
     */
    static String shown(String name, String mimeType, String section) {
        String s = clean(name);
        if (!s.isEmpty()) {
            return s;
        }
        String conventional = CONVENTIONAL.get(mimeType);
        return conventional != null ? conventional : "part-" + section + EXTENSIONS.getOrDefault(mimeType, ".bin");
    }

    /**
     * {@code name} without path components, controls, invisible format characters (Cf), line or
     * paragraph separators, or surrounding space, at most 255 characters; {@code ""} when nothing
     * is left before its extension ({@code ""}, {@code .}, {@code ..}, {@code .exe}).
     */
    static String clean(String name) {
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder out = new StringBuilder(base.length());
        base.codePoints().filter(c -> !hidden(c)).forEach(out::appendCodePoint);
        String s = strip(out.toString());
        if (!hasStem(s)) {
            return "";
        }
        return s.codePointCount(0, s.length()) > MAX_LENGTH ? strip(s.substring(0, s.offsetByCodePoints(0, MAX_LENGTH))) : s;
    }

    /** Characters a file name must not show: controls, and those that are invisible or reorder or break the line. */
    private static boolean hidden(int c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static boolean blank(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** {@code s} without leading and trailing white space, no-break spaces included. */
    private static String strip(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && blank(s.codePointAt(from))) {
            from += Character.charCount(s.codePointAt(from));
        }
        while (to > from && blank(s.codePointBefore(to))) {
            to -= Character.charCount(s.codePointBefore(to));
        }
        return s.substring(from, to);
    }

    /** Whether something visible stands before the last dot of {@code s} (or in {@code s}, without a dot). */
    private static boolean hasStem(String s) {
        int dot = s.lastIndexOf('.');
        return s.substring(0, dot < 0 ? s.length() : dot).codePoints().anyMatch(c -> c != '.' && !blank(c));
    }
}
