package sempgw.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the queued message into one buffer, bounded by the size limit, with every line ending
 * made CRLF (RFC 5322 §2.1: a bare CR or LF is not a line ending; queued content is CRLF
 * already, so this is a copy in the normal case). The parser then slices this buffer.
 */
final class MessageReader {
    private static final int CHUNK = 64 * 1024;

    private MessageReader() {
    }

    static byte[] read(InputStream in, long maxBytes) throws ConversionException {
        byte[] raw;
        try {
            raw = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new ConversionException(ConversionError.READ_FAILED, "reading the queued message failed", e);
        }
        if (raw.length > maxBytes) {
            throw new ConversionException(ConversionError.TOO_LARGE, "the message exceeds " + maxBytes + " bytes");
        }
        return crlf(raw);
    }

    /** {@code raw} with bare CR and bare LF turned into CRLF; {@code raw} itself when there are none. */
    static byte[] crlf(byte[] raw) {
        if (isCrlf(raw)) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length + CHUNK);
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (b == '\r') {
                out.write('\r');
                out.write('\n');
                if (i + 1 < raw.length && raw[i + 1] == '\n') {
                    i++;
                }
            } else if (b == '\n') {
                out.write('\r');
                out.write('\n');
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static boolean isCrlf(byte[] raw) {
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\r' ? i + 1 >= raw.length || raw[i + 1] != '\n' : raw[i] == '\n' && (i == 0 || raw[i - 1] != '\r')) {
                return false;
            }
        }
        return true;
    }
}
