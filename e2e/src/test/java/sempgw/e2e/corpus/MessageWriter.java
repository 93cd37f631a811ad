package sempgw.e2e.corpus;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Writes message octets exactly as given: header fields, text in a chosen charset, raw bytes; every line ends with CRLF. */
final class MessageWriter {
    private final ByteArrayOutputStream out;

    MessageWriter(int expectedSize) {
        this.out = new ByteArrayOutputStream(expectedSize);
    }

    /** A header field; {@code value} may hold folded continuation lines separated by CRLF + WSP. */
    MessageWriter header(String name, String value) {
        return line(name + ": " + value);
    }

    MessageWriter line(String utf8) {
        out.writeBytes(utf8.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(new byte[] {'\r', '\n'});
        return this;
    }

    MessageWriter blank() {
        return line("");
    }

    /** Text whose lines are separated by {@code \n}, written in {@code charset} with CRLF line ends. */
    MessageWriter text(String text, Charset charset) {
        for (String l : text.split("\n", -1)) {
            out.writeBytes(l.getBytes(charset));
            out.writeBytes(new byte[] {'\r', '\n'});
        }
        return this;
    }

    /** Octets that already end with CRLF. */
    MessageWriter raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
