package sempgw.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import sempgw.agent.mime.Base64Codec;
import sempgw.agent.mime.ContentType;
import sempgw.agent.mime.EncodedWords;
import sempgw.agent.mime.QuotedPrintable;

/**
 * MIME entities we compose (CLIENT.md §6.4.2): UTF-8 texts in 7bit or quoted-printable,
 * attachments in base64 with RFC 2183 dispositions and RFC 2231 file names, multiparts with a
 * boundary that cannot occur in their encoded parts.
 */
final class MimeBuilder {
    private static final int MAX_7BIT_LINE = 76;

    /** An entity: its MIME header lines (each ending in CRLF) and its body. */
    record Part(String headers, byte[] body) {
    }

    private MimeBuilder() {
    }

    /** A {@code text/*} part of {@code text}, line breaks made CRLF (RFC 2046 §4.1.1). */
    static Part text(String type, String text) {
        String crlf = text.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
        byte[] bytes = crlf.getBytes(StandardCharsets.UTF_8);
        String ct = "Content-Type: " + type + "; charset=\"utf-8\"\r\n";
        if (sevenBitSafe(crlf)) {
            return new Part(ct + "Content-Transfer-Encoding: 7bit\r\n", bytes);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + bytes.length / 4);
        write(() -> QuotedPrintable.encode(bytes, MAX_7BIT_LINE, out));
        return new Part(ct + "Content-Transfer-Encoding: quoted-printable\r\n", out.toByteArray());
    }

    /**
     * An attachment part of {@code content}, the MIME part {@code section} of its message, shown
     * as {@code filename} made safe to show ({@link Filenames#shown}: a peer's file name is no
     * more trusted than an author's).
     */
    static Part attachment(String mimeType, String filename, String section, byte[] content) {
        ContentType parsed = ContentType.parse(mimeType, ContentType.parse("application/octet-stream", ContentType.TEXT_PLAIN));
        String type = parsed.isMultipart() || (parsed.type().equals("message") && !parsed.is("message/rfc822"))
                ? "application/octet-stream" : parsed.mimeType();
        String name = Filenames.shown(filename, type, section);
        String headers = "Content-Type: " + type + "; name=\"" + nameParam(name) + "\"\r\n"
                + "Content-Disposition: attachment;" + filenameParam(name) + "\r\n";
        if (type.equals("message/rfc822")) {
            String text = new String(content, StandardCharsets.ISO_8859_1);
            if (!text.contains("\0") && text.replace("\r\n", "").indexOf('\r') < 0 && text.replace("\r\n", "").indexOf('\n') < 0
                    && text.lines().allMatch(l -> l.length() <= 998)) {
                boolean ascii = text.chars().allMatch(c -> c < 128);
                return new Part(headers + "Content-Transfer-Encoding: " + (ascii ? "7bit" : "8bit") + "\r\n", content);
            }
            return attachment("application/octet-stream", filename, section, content);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length * 4 / 3 + content.length / 38 + 8);
        write(() -> Base64Codec.encode(content, MAX_7BIT_LINE, false, out));
        return new Part(headers + "Content-Transfer-Encoding: base64\r\n", out.toByteArray());
    }

    /** A {@code multipart/<subtype>} of {@code parts} with {@code boundary} (RFC 2046 §5.1.1). */
    static Part multipart(String subtype, List<Part> parts, String boundary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        for (Part p : parts) {
            out.writeBytes(delimiter);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(p.headers().getBytes(StandardCharsets.UTF_8));
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(p.body());
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(delimiter);
        out.writeBytes("--\r\n".getBytes(StandardCharsets.US_ASCII));
        return new Part("Content-Type: multipart/" + subtype + "; boundary=\"" + boundary + "\"\r\n", out.toByteArray());
    }

    /** Texts with {@code =_} go quoted-printable, so our {@code =_} boundaries never occur in a 7bit part. */
    private static boolean sevenBitSafe(String crlfText) {
        if (crlfText.contains("=_")) {
            return false;
        }
        for (String line : crlfText.split("\r\n", -1)) {
            if (line.length() > MAX_7BIT_LINE || line.endsWith(" ") || line.endsWith("\t")) {
                return false;
            }
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c >= 127 || (c < ' ' && c != '\t')) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String nameParam(String name) {
        return EncodedWords.needsEncoding(name) || name.contains("\"") || name.contains("\\")
                ? EncodedWords.encode(name).replace("\r\n ", "") : name;
    }

    /** {@code filename} per RFC 2183, or RFC 2231 {@code filename*0*=utf-8''...} sections when not plain ASCII. */
    private static String filenameParam(String name) {
        if (!EncodedWords.needsEncoding(name) && !name.contains("\"") && !name.contains("\\") && name.length() < 60) {
            return " filename=\"" + name + "\"";
        }
        StringBuilder pct = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 128 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                pct.append((char) c);
            } else {
                pct.append('%').append(java.util.HexFormat.of().withUpperCase().toHexDigits((byte) c));
            }
        }
        StringBuilder out = new StringBuilder();
        int section = 0;
        int i = 0;
        while (i < pct.length()) {
            int end = Math.min(pct.length(), i + 60);
            while (end < pct.length() && end > i && (pct.charAt(end - 1) == '%' || (end >= 2 && pct.charAt(end - 2) == '%'))) {
                end--;
            }
            out.append("\r\n filename*").append(section).append("*=").append(section == 0 ? "utf-8''" : "")
                    .append(pct, i, end).append(end < pct.length() ? ";" : "");
            section++;
            i = end;
        }
        return out.toString();
    }

    private interface Io {
        void run() throws IOException;
    }

    private static void write(Io io) {
        try {
            io.run();
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory stream failed", e);
        }
    }
}
