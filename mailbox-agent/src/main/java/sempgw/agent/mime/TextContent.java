package sempgw.agent.mime;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A body text decoded to Unicode for a native SEMP client, with what it takes to encode it back:
 * the charset used and whether line breaks were CRLF (the native text always uses LF).
 *
 * <p>Charset: the declared {@code charset} parameter (RFC 2046 §4.1.2); an unknown one is
 * {@link MimeError#UNSUPPORTED_CHARSET}. When none is declared, or {@code us-ascii} is declared
 * over 8-bit bytes, the text is read as UTF-8 if it is well-formed UTF-8 and as windows-1252
 * otherwise, as mail readers do. Malformed sequences become U+FFFD; the fidelity check then sees
 * the difference and carries the original bytes.
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
    public static TextContent decode(MimePart part, byte[] content) throws MimeException {
        Slice bytes = Slice.of(content);
        Charset cs;
        var declared = part.type().param("charset");
        if (declared.isPresent()) {
            cs = Charsets.forMime(declared.get()).orElseThrow(() ->
                    new MimeException(MimeError.UNSUPPORTED_CHARSET, "part " + part.label() + " declares an unsupported charset (RFC 2046 §4.1.2)"));
            if (cs.equals(StandardCharsets.US_ASCII) && !bytes.isAscii()) {
                cs = bytes.isUtf8() ? StandardCharsets.UTF_8 : FALLBACK;
            }
        } else {
            cs = bytes.isAscii() ? StandardCharsets.US_ASCII : bytes.isUtf8() ? StandardCharsets.UTF_8 : FALLBACK;
        }
        String raw = new String(content, cs);
        boolean crlf = raw.indexOf('\r') >= 0;
        return new TextContent(crlf ? raw.replace("\r\n", "\n") : raw, cs, crlf);
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
