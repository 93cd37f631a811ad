package sempgw.agent.mime;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A body text decoded to Unicode for a native SEMP client, with what it takes to encode it back:
 * the charset used and whether line breaks were CRLF (the native text always uses LF).
 *
 * <p>Charset: the declared {@code charset} parameter (RFC 2046 §4.1.2). When none is declared, the
 * declared one is unknown here ({@code unknown-8bit}, {@code x-user-defined}, {@code utf-7}), or
 * {@code us-ascii} is declared over 8-bit bytes, the text is read as UTF-8 if it is well-formed
 * UTF-8 and as windows-1252 otherwise, as mail readers do; a declared label mail readers widen
 * (ISO-8859-1 to windows-1252, GB2312 to GBK, ...) is widened the same way when the declared
 * charset cannot read the bytes ({@link Charsets#decode}). Malformed sequences become U+FFFD; the
 * fidelity check then sees the difference and carries the original bytes, so the message still
 * arrives byte for byte at a gateway.
 *
 * @param text the text with LF line breaks
 * @param charset the charset the bytes were read with
 * @param crlf true when the content used CRLF line breaks
 */
public record TextContent(String text, Charset charset, boolean crlf) {
    private static final Charset FALLBACK = Charset.forName("windows-1252");

    public TextContent {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(charset, "charset");
    }

    /** The text of {@code part} whose decoded content is {@code content}. */
    public static TextContent decode(MimePart part, byte[] content) {
        Slice bytes = Slice.of(content);
        Charset cs = part.type().param("charset").flatMap(Charsets::forMime)
                .filter(declared -> !declared.equals(StandardCharsets.US_ASCII) || bytes.isAscii())
                .orElseGet(() -> bytes.isAscii() ? StandardCharsets.US_ASCII : bytes.isUtf8() ? StandardCharsets.UTF_8 : FALLBACK);
        Charsets.Decoded read = Charsets.decode(content, cs);
        String raw = read.text();
        boolean crlf = raw.indexOf('\r') >= 0;
        return new TextContent(crlf ? raw.replace("\r\n", "\n") : raw, read.charset(), crlf);
    }

    /** The bytes {@code text} encodes to under this content's charset and line breaks. */
    public byte[] encode(String nativeText) {
        return (crlf ? nativeText.replace("\n", "\r\n") : nativeText).getBytes(charset);
    }

    /** Shows the charset only. */
    @Override
    public String toString() {
        return "TextContent[" + charset + "]";
    }
}
