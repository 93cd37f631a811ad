package sempgw.agent.mime;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Base64;

/**
 * Base64 bodies (RFC 2045 §6.8). Decoding is lenient as §6.8 asks: characters outside the
 * alphabet are ignored and decoding stops at padding. Encoding is parameterized by line length
 * and by whether the last line ends in CRLF, the two ways encoders differ.
 */
public final class Base64Codec {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final int[] VALUE = new int[256];

    static {
        Arrays.fill(VALUE, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUE[alphabet.charAt(i)] = i;
        }
    }

    private Base64Codec() {
    }

    /** The decoded content of {@code body}. */
    public static byte[] decode(Slice body) {
        byte[] out = new byte[body.length() / 4 * 3 + 3];
        int n = 0;
        int acc = 0;
        int bits = 0;
        for (int i = body.from(); i < body.to(); i++) {
            int b = body.buf()[i] & 0xff;
            if (b == '=') {
                break;
            }
            int v = VALUE[b];
            if (v < 0) {
                continue;
            }
            acc = (acc << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[n++] = (byte) (acc >> bits);
                acc &= (1 << bits) - 1;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * Writes {@code data} base64-encoded: lines of {@code lineLength} characters (0 for one line)
     * joined by CRLF, and a final CRLF when {@code finalEol}.
     */
    public static void encode(byte[] data, int lineLength, boolean finalEol, OutputStream out) throws IOException {
        Base64.Encoder encoder = lineLength > 0 ? Base64.getMimeEncoder(lineLength, CRLF) : Base64.getEncoder();
        try (OutputStream wrapped = encoder.wrap(new NonClosing(out))) {
            wrapped.write(data);
        }
        if (finalEol && data.length > 0) {
            out.write(CRLF);
        }
    }

    /** Keeps the encoder's close from closing the destination. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
