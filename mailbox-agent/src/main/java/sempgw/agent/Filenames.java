package sempgw.agent;

import java.util.Map;
import sempgw.agent.mime.MimePart;

/**
 * Attachment file names for the enclosure (ENVELOPE.md §6.3 {@code filename}): the part's own
 * name without directory components or control characters, else {@code part-<section>} with an
 * extension for the type ({@code smime.p7s}, {@code signature.asc} and {@code smime.p7m} keep
 * their conventional names).
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

    static String of(MimePart p) {
        String name = p.filename().map(Filenames::clean).orElse("");
        if (!name.isEmpty()) {
            return name;
        }
        String type = p.type().mimeType();
        String conventional = CONVENTIONAL.get(type);
        return conventional != null ? conventional : "part-" + p.label() + EXTENSIONS.getOrDefault(type, ".bin");
    }

    /** {@code name} without path components, controls, or surrounding space, at most 255 characters. */
    static String clean(String name) {
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder out = new StringBuilder(base.length());
        base.codePoints().filter(c -> !Character.isISOControl(c)).forEach(out::appendCodePoint);
        String s = out.toString().strip();
        if (s.equals(".") || s.equals("..")) {
            return "";
        }
        return s.codePointCount(0, s.length()) > MAX_LENGTH ? s.substring(0, s.offsetByCodePoints(0, MAX_LENGTH)) : s;
    }
}
