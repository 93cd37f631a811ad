package sempgw.e2e.corpus;

import java.io.ByteArrayOutputStream;

/**
 * Decoding of the quoted-printable transfer encoding (RFC 2045 §6.7): {@code =XX} octets, soft
 * line breaks ({@code =} at the end of a line) removed, and the blanks at the end of an encoded
 * line dropped (rule 3: they may have been added in transport). Line breaks stay CRLF. A
 * malformed {@code =} is kept as it is, as RFC 2045 §6.7 (1) suggests.
 */
final class QuotedPrintable {

    private QuotedPrintable() {
    }

    static byte[] decode(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        int lineStart = 0;
        while (lineStart < in.length) {
            int nl = lineStart;
            while (nl < in.length && in[nl] != '\n') {
                nl++;
            }
            int end = nl > lineStart && nl < in.length && in[nl - 1] == '\r' ? nl - 1 : nl;
            while (end > lineStart && (in[end - 1] == ' ' || in[end - 1] == '\t')) {
                end--;
            }
            boolean soft = end > lineStart && in[end - 1] == '=';
            decodeLine(in, lineStart, soft ? end - 1 : end, out);
            if (!soft && nl < in.length) {
                out.write('\r');
                out.write('\n');
            }
            lineStart = nl + 1;
        }
        return out.toByteArray();
    }

    private static void decodeLine(byte[] in, int from, int to, ByteArrayOutputStream out) {
        for (int i = from; i < to; i++) {
            if (in[i] == '=' && i + 2 < to) {
                int hi = Character.digit(in[i + 1], 16);
                int lo = Character.digit(in[i + 2], 16);
                if (hi >= 0 && lo >= 0) {
                    out.write(hi << 4 | lo);
                    i += 2;
                    continue;
                }
            }
            out.write(in[i]);
        }
    }
}
