package sempgw.smtp.egress.client;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads SMTP replies (RFC 5321 §4.2) from a server's stream, with its own buffer so that the
 * caller can tell whether the server sent more than was asked for (the STARTTLS response
 * injection check, RFC 3207 §4.2).
 *
 * <p>Limits: a reply line may be {@value #MAX_LINE} octets (RFC 5321 §4.5.3.1.5 asks for 512;
 * real servers send longer), a reply {@value #MAX_LINES} lines. A longer line or reply, a line
 * without a valid code, or a continuation with another code is a {@link ProtocolException}.
 * Text is decoded as UTF-8 (RFC 6531 §3.7.4 lets SMTPUTF8 servers send it).
 */
public final class ReplyReader {

    static final int MAX_LINE = 4096;
    static final int MAX_LINES = 200;

    private final InputStream in;
    private final byte[] buffer = new byte[8192];
    private int pos;
    private int limit;

    public ReplyReader(InputStream in) {
        this.in = in;
    }

    /** Reads one complete, possibly multi-line, reply. */
    public SmtpReply read() throws IOException {
        List<String> lines = new ArrayList<>();
        int code = -1;
        while (true) {
            String line = readLine();
            if (line.length() < 3 || !isCode(line) || (line.length() > 3 && line.charAt(3) != '-' && line.charAt(3) != ' ')) {
                throw new ProtocolException("malformed reply line from server: " + printable(line));
            }
            int lineCode = Integer.parseInt(line, 0, 3, 10);
            if (code >= 0 && lineCode != code) {
                throw new ProtocolException("reply code changed within a multi-line reply (RFC 5321 §4.2.1)");
            }
            code = lineCode;
            lines.add(line.length() > 4 ? line.substring(4) : "");
            boolean last = line.length() == 3 || line.charAt(3) == ' ';
            if (last) {
                return SmtpReply.of(code, lines);
            }
            if (lines.size() >= MAX_LINES) {
                throw new ProtocolException("reply longer than " + MAX_LINES + " lines");
            }
        }
    }

    /** True when octets the caller has not read yet are already buffered. */
    public boolean hasBufferedInput() {
        return pos < limit;
    }

    private String readLine() throws IOException {
        byte[] line = new byte[128];
        int length = 0;
        while (true) {
            if (pos == limit && !fill()) {
                throw new EOFException("connection closed by server");
            }
            byte b = buffer[pos++];
            if (b == '\n') {
                int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
                return new String(line, 0, end, StandardCharsets.UTF_8);
            }
            if (length == MAX_LINE) {
                throw new ProtocolException("reply line longer than " + MAX_LINE + " octets");
            }
            if (length == line.length) {
                line = java.util.Arrays.copyOf(line, Math.min(MAX_LINE, line.length * 2));
            }
            line[length++] = b;
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    private static boolean isCode(String line) {
        char c = line.charAt(0);
        return c >= '2' && c <= '5' && Character.isDigit(line.charAt(1)) && Character.isDigit(line.charAt(2));
    }

    private static String printable(String line) {
        String cut = line.length() > 80 ? line.substring(0, 80) + "..." : line;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
