package sempgw.smtp.egress.dsn;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import sempgw.store.queue.DeliveryAgent.ContentSource;

/**
 * The part of the original message a DSN returns (RFC 3461 §4.3): the whole message, or its
 * header section only. A message larger than the cap is returned as headers only, and the
 * report says so.
 *
 * @param bytes what to attach, ending with CRLF
 * @param full whether this is the whole message
 * @param truncated whether the whole message was asked for but was too large
 * @param eightBit whether the attached octets include any above 127
 */
record ReturnedContent(byte[] bytes, boolean full, boolean truncated, boolean eightBit) {

    static ReturnedContent read(ContentSource source, boolean wantFull, long maxFull) throws IOException {
        if (wantFull) {
            try (InputStream in = source.open()) {
                byte[] all = in.readNBytes(Math.toIntExact(Math.min(maxFull + 1, Integer.MAX_VALUE - 8)));
                if (all.length <= maxFull) {
                    return of(all, true, false);
                }
            }
        }
        try (InputStream in = source.open()) {
            return of(headers(new java.io.BufferedInputStream(in), maxFull), false, wantFull);
        }
    }

    /** The header section: up to and including the empty line that ends it (RFC 5322 §2.1). */
    private static byte[] headers(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        int lineLength = 0;
        int b;
        while (out.size() < max && (b = in.read()) >= 0) {
            out.write(b);
            if (b == '\n') {
                if (lineLength == 0) {
                    break;
                }
                lineLength = 0;
            } else if (b != '\r') {
                lineLength++;
            }
        }
        return out.toByteArray();
    }

    private static ReturnedContent of(byte[] bytes, boolean full, boolean truncated) {
        boolean eightBit = false;
        for (byte x : bytes) {
            if (x < 0) {
                eightBit = true;
                break;
            }
        }
        boolean endsWithCrlf = bytes.length >= 2 && bytes[bytes.length - 2] == '\r' && bytes[bytes.length - 1] == '\n';
        if (!endsWithCrlf) {
            byte[] ended = java.util.Arrays.copyOf(bytes, bytes.length + 2);
            ended[bytes.length] = '\r';
            ended[bytes.length + 1] = '\n';
            bytes = ended;
        }
        return new ReturnedContent(bytes, full, truncated, eightBit);
    }
}
