package sempgw.e2e.corpus;

import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.ParseException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A MIME entity read from its octets without re-encoding anything: its header fields as sent
 * (unfolded), its body octets and, for a multipart, its parts, each again as the exact octets
 * between two delimiter lines (RFC 2046 §5.1.1). The exact octets matter: a multipart/signed
 * signature covers its first part as transmitted (RFC 1847 §2.1).
 *
 * @param raw the entity's octets: header, blank line, body
 * @param fields the header fields in order, unfolded (RFC 5322 §2.2.3), values decoded as UTF-8 (RFC 6532)
 * @param body the octets after the blank line
 * @param parts the parts of a multipart body, else empty
 */
public record MimeEntity(byte[] raw, List<Field> fields, byte[] body, List<MimeEntity> parts) {

    /** One header field, unfolded, its value with the leading blank removed. */
    public record Field(String name, String value) {
    }

    public static MimeEntity parse(byte[] raw) {
        int split = headerEnd(raw);
        List<Field> fields = fields(new String(raw, 0, split < 0 ? raw.length : split, StandardCharsets.UTF_8));
        byte[] body = split < 0 ? new byte[0] : Arrays.copyOfRange(raw, bodyStart(raw, split), raw.length);
        MimeEntity headerOnly = new MimeEntity(raw, fields, body, List.of());
        ContentType type = headerOnly.contentType();
        if (!type.getPrimaryType().equalsIgnoreCase("multipart") || type.getParameter("boundary") == null) {
            return headerOnly;
        }
        List<MimeEntity> parts = new ArrayList<>();
        for (byte[] part : split(body, type.getParameter("boundary"))) {
            parts.add(parse(part));
        }
        return new MimeEntity(raw, fields, body, List.copyOf(parts));
    }

    /** Only the header fields of {@code raw}: no body, no parts (cheap for a large message). */
    public static List<Field> header(byte[] raw) {
        int split = headerEnd(raw);
        return fields(new String(raw, 0, split < 0 ? raw.length : split, StandardCharsets.UTF_8));
    }

    /** The values of every field named {@code name}, in order. */
    public List<String> values(String name) {
        return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).map(Field::value).toList();
    }

    public Optional<String> value(String name) {
        return values(name).stream().findFirst();
    }

    /** Content-Type, {@code text/plain; charset=us-ascii} when absent or unreadable (RFC 2045 §5.2). */
    public ContentType contentType() {
        try {
            return new ContentType(value("Content-Type").orElse("text/plain; charset=us-ascii"));
        } catch (ParseException e) {
            return new ContentType("text", "plain", null);
        }
    }

    /** The lower-case type/subtype. */
    public String mediaType() {
        return contentType().getBaseType().toLowerCase(Locale.ROOT);
    }

    public boolean isMultipart() {
        return !parts.isEmpty() || mediaType().startsWith("multipart/");
    }

    /** The body with its Content-Transfer-Encoding undone (RFC 2045 §6). */
    public byte[] decodedBody() {
        String cte = value("Content-Transfer-Encoding").orElse("7bit").strip().toLowerCase(Locale.ROOT);
        return switch (cte) {
            case "base64" -> java.util.Base64.getMimeDecoder().decode(body);
            case "quoted-printable" -> QuotedPrintable.decode(body);
            default -> body.clone();
        };
    }

    private static int headerEnd(byte[] b) {
        if (b.length >= 2 && b[0] == '\r' && b[1] == '\n' || b.length >= 1 && b[0] == '\n') {
            return 0;
        }
        for (int i = 0; i + 1 < b.length; i++) {
            if (b[i] == '\n' && (b[i + 1] == '\n' || b[i + 1] == '\r' && i + 2 < b.length && b[i + 2] == '\n')) {
                return i + 1;
            }
        }
        return -1;
    }

    private static int bodyStart(byte[] b, int blankLine) {
        return b[blankLine] == '\r' ? blankLine + 2 : blankLine + 1;
    }

    private static List<Field> fields(String header) {
        List<Field> fields = new ArrayList<>();
        StringBuilder current = null;
        for (String line : header.split("\r?\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && current != null) {
                current.append(line);
            } else {
                if (current != null) {
                    fields.add(field(current.toString()));
                }
                current = new StringBuilder(line);
            }
        }
        if (current != null) {
            fields.add(field(current.toString()));
        }
        return fields;
    }

    private static Field field(String unfolded) {
        int colon = unfolded.indexOf(':');
        if (colon < 0) {
            return new Field(unfolded.strip(), "");
        }
        return new Field(unfolded.substring(0, colon).strip(), unfolded.substring(colon + 1).strip());
    }

    /**
     * The parts of a multipart body: the octets after each delimiter line up to the CRLF that
     * precedes the next one (that CRLF belongs to the delimiter, RFC 2046 §5.1.1). Preamble and
     * epilogue are dropped; transport padding after a delimiter is allowed.
     */
    static List<byte[]> split(byte[] body, String boundary) {
        String dash = "--" + boundary;
        List<byte[]> parts = new ArrayList<>();
        int partStart = -1;
        int lineStart = 0;
        while (lineStart < body.length) {
            int nl = indexOf(body, (byte) '\n', lineStart);
            int lineEnd = nl < 0 ? body.length : nl + 1;
            String line = new String(body, lineStart, lineEnd - lineStart, StandardCharsets.ISO_8859_1).stripTrailing();
            boolean close = line.equals(dash + "--");
            if (close || line.equals(dash)) {
                if (partStart >= 0) {
                    int end = lineStart;
                    if (end > partStart && body[end - 1] == '\n') {
                        end--;
                        if (end > partStart && body[end - 1] == '\r') {
                            end--;
                        }
                    }
                    parts.add(Arrays.copyOfRange(body, partStart, Math.max(partStart, end)));
                }
                if (close) {
                    return parts;
                }
                partStart = lineEnd;
            }
            lineStart = lineEnd;
        }
        return parts;
    }

    private static int indexOf(byte[] b, byte v, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
