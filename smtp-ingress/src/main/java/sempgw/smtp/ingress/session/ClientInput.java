package sempgw.smtp.ingress.session;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;

/**
 * Everything the client sends, read through one buffer that this class alone owns: command
 * lines are taken from it one at a time, DATA in large chunks, and what is left over belongs to
 * the next command (PIPELINING, RFC 2920). Before every read that may block, held replies are
 * written ({@link ReplyOutput#flushToClient()}).
 *
 * <p>Timeouts are deadlines, not idle times, so a client trickling one octet at a time cannot
 * hold a session forever (slow-loris): a whole command line must arrive within the command
 * timeout, as with Postfix's {@code smtpd_per_record_deadline}; DATA sets its own deadline
 * through {@link #fill(long)}.
 *
 * <p>Memory is one {@value #BUFFER_SIZE}-octet buffer per connection, whatever the message size.
 */
public final class ClientInput {
    static final int BUFFER_SIZE = 64 * 1024;
    private static final byte LF = '\n';

    /** One line read by {@link #readLine}. */
    public sealed interface Line {
        /** @param octets the line up to and including its LF */
        record Text(byte[] octets) implements Line {
        }

        /** The line was longer than allowed; it has been read and discarded up to its LF. */
        record TooLong() implements Line {
        }

        /** The client closed the connection (a partial last line is dropped). */
        record End() implements Line {
        }
    }

    private final Socket transport;
    private final InputStream in;
    private final ReplyOutput replies;
    private final Duration commandTimeout;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int position;
    private int limit;
    private boolean ended;

    public ClientInput(Socket transport, InputStream in, ReplyOutput replies, Duration commandTimeout) {
        this.transport = transport;
        this.in = in;
        this.replies = replies;
        this.commandTimeout = commandTimeout;
    }

    public byte[] buffer() {
        return buffer;
    }

    public int position() {
        return position;
    }

    /** Octets read from the client and not yet consumed. */
    public int available() {
        return limit - position;
    }

    public void consume(int n) {
        if (n < 0 || n > available()) {
            throw new IllegalArgumentException("consume " + n + " of " + available());
        }
        position += n;
    }

    /**
     * Reads more from the client, keeping what is unconsumed.
     *
     * @param deadline {@link System#nanoTime()} by which something must have arrived
     * @return false at the end of the stream
     * @throws SocketTimeoutException when the deadline passes
     */
    public boolean fill(long deadline) throws IOException {
        if (ended) {
            return false;
        }
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        transport.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, remaining / 1_000_000)));
        if (position == limit) {
            position = 0;
            limit = 0;
        } else if (limit == buffer.length) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            throw new IllegalStateException("input buffer full");
        }
        if (replies.hasPending() && in.available() == 0) {
            replies.flushToClient();
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            ended = true;
            return false;
        }
        limit += n;
        return true;
    }

    /** A deadline {@code timeout} from now, for {@link #fill(long)}. */
    public static long deadlineIn(Duration timeout) {
        return System.nanoTime() + timeout.toNanos();
    }

    /**
     * Reads one line of at most {@code max} octets with its line end, within the command timeout.
     *
     * @throws SocketTimeoutException when the line does not arrive in time
     */
    public Line readLine(int max) throws IOException {
        long deadline = deadlineIn(commandTimeout);
        int scanned = 0;
        while (true) {
            int lf = indexOfLf(position + scanned);
            if (lf >= 0) {
                int length = lf + 1 - position;
                if (length > max) {
                    position = lf + 1;
                    return new Line.TooLong();
                }
                byte[] octets = Arrays.copyOfRange(buffer, position, lf + 1);
                position = lf + 1;
                return new Line.Text(octets);
            }
            if (available() > max) {
                return skipLine(deadline);
            }
            scanned = available();
            if (!fill(deadline)) {
                position = limit;
                return new Line.End();
            }
        }
    }

    private Line skipLine(long deadline) throws IOException {
        while (true) {
            int lf = indexOfLf(position);
            if (lf >= 0) {
                position = lf + 1;
                return new Line.TooLong();
            }
            position = limit;
            if (!fill(deadline)) {
                return new Line.End();
            }
        }
    }

    private int indexOfLf(int from) {
        for (int i = from; i < limit; i++) {
            if (buffer[i] == LF) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Drops everything read and not consumed. After STARTTLS nothing sent in plain text before
     * the handshake may be taken as a command (RFC 3207 §4.2, CVE-2011-0411).
     *
     * @return how many octets were dropped
     */
    public int discardBuffered() {
        int dropped = available();
        position = limit;
        return dropped;
    }

    /** Marks the client as gone: every further read ends. */
    public void end() {
        ended = true;
        position = limit;
    }

    public boolean ended() {
        return ended;
    }
}
