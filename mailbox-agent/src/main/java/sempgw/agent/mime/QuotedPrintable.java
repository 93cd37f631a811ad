package sempgw.agent.mime;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Quoted-printable bodies (RFC 2045 §6.7). Decoding: {@code =XX} in either case, soft line
 * breaks ({@code =} then optional whitespace then CRLF), whitespace at the end of an encoded line
 * removed (rule 3); a malformed {@code =} is kept as written. Encoding: CRLF in the content is a
 * hard line break, {@code =}, controls, DEL and 8-bit bytes are escaped in upper-case hex, space
 * and tab are escaped only before a line break, and soft breaks keep every line within
 * {@code lineLength} characters, the {@code =} included.
 */
public final class QuotedPrintable {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private QuotedPrintable() {
    }

    /** The decoded content of {@code body}. */
    public static byte[] decode(Slice body) {
        byte[] buf = body.buf();
        byte[] out = new byte[body.length()];
        int n = 0;
        int pos = body.from();
        while (pos < body.to()) {
            int le = Lines.next(buf, pos, body.to());
            int ce = Lines.contentEnd(buf, pos, le);
            boolean hardBreak = ce < le;
            int e = ce;
            while (e > pos && (buf[e - 1] == ' ' || buf[e - 1] == '\t')) {
                e--;
            }
            boolean soft = e > pos && buf[e - 1] == '=' && (hardBreak || le == body.to());
            int stop = soft ? e - 1 : e;
            for (int i = pos; i < stop; i++) {
                if (buf[i] == '=' && i + 2 < stop) {
                    int h = Character.digit(buf[i + 1], 16);
                    int l = Character.digit(buf[i + 2], 16);
                    if (h >= 0 && l >= 0) {
                        out[n++] = (byte) (h * 16 + l);
                        i += 2;
                        continue;
                    }
                }
                out[n++] = buf[i];
            }
            if (hardBreak && !soft) {
                out[n++] = '\r';
                out[n++] = '\n';
            }
            pos = le;
        }
        return Arrays.copyOf(out, n);
    }

    /** Writes {@code data} quoted-printable encoded with lines of at most {@code lineLength} characters. */
    public static void encode(byte[] data, int lineLength, OutputStream out) throws IOException {
        int column = 0;
        int i = 0;
        while (i < data.length) {
            if (data[i] == '\r' && i + 1 < data.length && data[i + 1] == '\n') {
                out.write('\r');
                out.write('\n');
                column = 0;
                i += 2;
                continue;
            }
            int b = data[i] & 0xff;
            boolean lineEnd = i + 1 == data.length || (data[i + 1] == '\r' && i + 2 < data.length && data[i + 2] == '\n');
            boolean literal = (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !lineEnd);
            int width = literal ? 1 : 3;
            int room = lineEnd ? lineLength : lineLength - 1;
            if (column + width > room) {
                out.write('=');
                out.write('\r');
                out.write('\n');
                column = 0;
            }
            if (literal) {
                out.write(b);
            } else {
                out.write('=');
                out.write(HEX[b >> 4]);
                out.write(HEX[b & 15]);
            }
            column += width;
            i++;
        }
    }
}
