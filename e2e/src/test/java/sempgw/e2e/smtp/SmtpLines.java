package sempgw.e2e.smtp;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Line-level SMTP framing shared by the test client and the sink (RFC 5321 §2.3.8, §4.5.2). */
final class SmtpLines {
    static final byte[] CRLF = {'\r', '\n'};

    private SmtpLines() {
    }

    /**
     * Reads one line including its terminator (CRLF, or a bare LF), or null at end of stream.
     *
     * @throws IOException if the line exceeds {@code limit} octets
     */
    static byte[] readLine(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) >= 0) {
            line.write(b);
            if (b == '\n') {
                return line.toByteArray();
            }
            if (line.size() > limit) {
                throw new IOException("line longer than " + limit + " octets");
            }
        }
        if (line.size() == 0) {
            return null;
        }
        throw new EOFException("connection closed inside a line");
    }

    /** The line without its CRLF or LF. */
    static byte[] strip(byte[] line) {
        int n = line.length;
        if (n > 0 && line[n - 1] == '\n') {
            n--;
        }
        if (n > 0 && line[n - 1] == '\r') {
            n--;
        }
        return java.util.Arrays.copyOf(line, n);
    }

    /**
     * Writes message content as DATA: each line starting with "." gets one more (RFC 5321 §4.5.2),
     * then the terminating {@code .CRLF}. The content must end with CRLF.
     */
    static void writeDotStuffed(byte[] content, OutputStream out) throws IOException {
        if (content.length < 2 || content[content.length - 2] != '\r' || content[content.length - 1] != '\n') {
            throw new IllegalArgumentException("message content must end with CRLF");
        }
        boolean lineStart = true;
        int from = 0;
        for (int i = 0; i < content.length; i++) {
            if (lineStart && content[i] == '.') {
                out.write(content, from, i - from);
                out.write('.');
                from = i;
            }
            lineStart = content[i] == '\n';
        }
        out.write(content, from, content.length - from);
        out.write(new byte[] {'.', '\r', '\n'});
    }
}
