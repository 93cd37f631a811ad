package sempgw.smtp.egress.client;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes message content as SMTP DATA: a period at the start of a line is doubled
 * (RFC 5321 §4.5.2) and {@link #finish()} ends the data with {@code <CRLF>.<CRLF>}
 * (RFC 5321 §4.1.1.4), adding a CRLF first if the content does not end with one.
 *
 * <p>Queued content already has CRLF line ends, so it goes out byte for byte. A bare LF or a
 * bare CR, which RFC 5321 §2.3.8 forbids, is sent as CRLF: the next hop then sees the same line
 * structure we do, and a bare {@code <LF>.<LF>} can never end the data early (SMTP smuggling).
 * A line longer than {@link #MAX_LINE} octets (RFC 5321 §4.5.3.1.6: 1000 with the CRLF), which
 * the listener accepts as Postfix does, is broken by inserting {@code <CRLF><SPACE>}, as
 * Postfix's {@code smtp_line_length_limit} does: a header line stays one folded field and a
 * base64 decoder skips the space; a text line gets a line break and a space, the least damage a
 * next hop that holds to RFC 5321 allows. Runs of ordinary octets are passed on in one write.
 * Closing does not close the socket stream.
 */
public final class DotStuffingOutputStream extends FilterOutputStream {
    /** The longest line sent, without its CRLF. */
    public static final int MAX_LINE = 998;
    private static final byte[] FOLD = {'\r', '\n', ' '};

    private boolean lineStart = true;
    private int column;
    private boolean pendingCr;
    private boolean finished;

    public DotStuffingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] buf, int off, int len) throws IOException {
        if (finished) {
            throw new IOException("data already finished");
        }
        int end = off + len;
        int runStart = off;
        for (int i = off; i < end; i++) {
            byte b = buf[i];
            if (pendingCr) {
                pendingCr = false;
                if (b == '\n') {
                    lineStart = true;
                    column = 0;
                    continue;
                }
                out.write(buf, runStart, i - runStart);
                runStart = i;
                out.write('\n');
                lineStart = true;
                column = 0;
            }
            if (b == '\r') {
                pendingCr = true;
                lineStart = false;
            } else if (b == '\n') {
                out.write(buf, runStart, i - runStart);
                runStart = i;
                out.write('\r');
                lineStart = true;
                column = 0;
            } else {
                if (column >= MAX_LINE) {
                    out.write(buf, runStart, i - runStart);
                    runStart = i;
                    out.write(FOLD);
                    column = 1;
                } else if (lineStart && b == '.') {
                    out.write(buf, runStart, i - runStart);
                    runStart = i;
                    out.write('.');
                    column++;
                }
                lineStart = false;
                column++;
            }
        }
        out.write(buf, runStart, end - runStart);
    }

    /** Completes the last line and writes the end-of-data indication; does not flush. */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        if (pendingCr) {
            out.write('\n');
            lineStart = true;
            column = 0;
        }
        if (!lineStart) {
            out.write('\r');
            out.write('\n');
        }
        out.write(new byte[] {'.', '\r', '\n'});
        finished = true;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() {
        finished = true;
    }
}
