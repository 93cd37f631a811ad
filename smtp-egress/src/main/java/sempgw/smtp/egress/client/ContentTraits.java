package sempgw.smtp.egress.client;

import java.io.IOException;
import java.io.InputStream;

/**
 * Whether a message's header section or body holds octets above 127. Only computed when a
 * server lacks 8BITMIME or SMTPUTF8 and the answer decides whether the message may go there.
 */
public record ContentTraits(boolean eightBitHeaders, boolean eightBitBody) {

    /** Reads the whole stream once; the header section ends at the first empty line (RFC 5322 §2.1). */
    public static ContentTraits scan(InputStream in) throws IOException {
        byte[] buf = new byte[16 * 1024];
        boolean inHeaders = true;
        boolean headers8 = false;
        boolean body8 = false;
        int lineLength = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            for (int i = 0; i < n; i++) {
                byte b = buf[i];
                if (b < 0) {
                    if (inHeaders) {
                        headers8 = true;
                    } else {
                        body8 = true;
                    }
                }
                if (inHeaders) {
                    if (b == '\n') {
                        if (lineLength == 0) {
                            inHeaders = false;
                        }
                        lineLength = 0;
                    } else if (b != '\r') {
                        lineLength++;
                    }
                }
            }
            if (headers8 && body8) {
                break;
            }
        }
        return new ContentTraits(headers8, body8);
    }

    public boolean eightBit() {
        return eightBitHeaders || eightBitBody;
    }
}
