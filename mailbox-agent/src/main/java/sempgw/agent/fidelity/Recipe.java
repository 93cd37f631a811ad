package sempgw.agent.fidelity;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.Objects;
import java.util.Optional;
import sempgw.agent.mime.Base64Codec;
import sempgw.agent.mime.QuotedPrintable;

/**
 * How a part body is produced again from a native enclosure field: the transfer encoding with
 * its parameters and, for a body text, the charset and line breaks. A recipe is only recorded
 * after it was checked to reproduce the original body byte for byte.
 *
 * @param encoding the transfer encoding (RFC 2045 §6)
 * @param lineLength base64: characters per line, 0 for a single line; quoted-printable: the
 *     longest line, soft break included; identity: 0
 * @param finalEol base64 only: whether the last line ends in CRLF
 * @param charset for a body text, the charset its bytes are in
 * @param crlf for a body text, whether LF in the native text stands for CRLF
 */
public record Recipe(Encoding encoding, int lineLength, boolean finalEol, Optional<Charset> charset, boolean crlf) {

    /** The transfer encodings a recipe can apply. */
    public enum Encoding {
        IDENTITY("identity"), BASE64("base64"), QUOTED_PRINTABLE("quoted-printable");

        private final String wire;

        Encoding(String wire) {
            this.wire = wire;
        }

        /** The name in the extension. */
        public String wire() {
            return wire;
        }
    }

    public Recipe {
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(charset, "charset");
        if (lineLength < 0 || lineLength > 998) {
            throw new IllegalArgumentException("line length outside 0-998 (RFC 5322 §2.1.1)");
        }
    }

    /** The body is the content. */
    public static Recipe identity() {
        return new Recipe(Encoding.IDENTITY, 0, false, Optional.empty(), false);
    }

    /** Base64 in lines of {@code lineLength}. */
    public static Recipe base64(int lineLength, boolean finalEol) {
        return new Recipe(Encoding.BASE64, lineLength, finalEol, Optional.empty(), false);
    }

    /** Quoted-printable with lines of at most {@code lineLength}. */
    public static Recipe quotedPrintable(int lineLength) {
        return new Recipe(Encoding.QUOTED_PRINTABLE, lineLength, false, Optional.empty(), false);
    }

    /** This recipe for a body text in {@code cs} with CRLF ({@code crlf}) or LF line breaks. */
    public Recipe forText(Charset cs, boolean crlfBreaks) {
        return new Recipe(encoding, lineLength, finalEol, Optional.of(cs), crlfBreaks);
    }

    /** Writes {@code content} transfer-encoded. */
    public void encode(byte[] content, OutputStream out) throws IOException {
        switch (encoding) {
            case IDENTITY -> out.write(content);
            case BASE64 -> Base64Codec.encode(content, lineLength, finalEol, out);
            case QUOTED_PRINTABLE -> QuotedPrintable.encode(content, lineLength, out);
        }
    }

    /** The bytes of native text {@code text} under this recipe's charset and line breaks. */
    public byte[] textBytes(String text) {
        Charset cs = charset.orElseThrow(() -> new IllegalStateException("not a text recipe"));
        return (crlf ? text.replace("\n", "\r\n") : text).getBytes(cs);
    }
}
