package sempgw.smtp.ingress.session;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import sempgw.smtp.ingress.protocol.SmtpReply;

/**
 * The stream replies go out on. Replies are held until the server is about to wait for the
 * client ({@link ClientInput} calls {@link #flushToClient()} before a read that may block), so
 * the replies to a pipelined group leave in one segment, as RFC 2920 §3.2 recommends and Postfix
 * does. {@link #flush()} therefore does not write: SubEthaSMTP flushes after every reply.
 *
 * <p>Writing to a client that does not read blocks, and sockets have no write timeout; so each
 * write to the client is given a deadline, after which the watchdog closes the connection.
 *
 * <p>Thread-safe, and every write is appended whole, so {@code 421 Service shutting down}
 * written from the stopping thread never splits a reply the session thread is writing.
 */
public final class ReplyOutput extends OutputStream {
    private static final int WRITE_THROUGH = 16 * 1024;

    private final OutputStream transport;
    private final ScheduledExecutorService watchdog;
    private final Duration writeTimeout;
    private byte[] pending = new byte[512];
    private int count;
    private boolean closed;

    public ReplyOutput(OutputStream transport, ScheduledExecutorService watchdog, Duration writeTimeout) {
        this.transport = transport;
        this.watchdog = watchdog;
        this.writeTimeout = writeTimeout;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("connection closed");
        }
        if (count + len > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, count + len));
        }
        System.arraycopy(b, off, pending, count, len);
        count += len;
        if (count >= WRITE_THROUGH) {
            flushToClient();
        }
    }

    /** Queues one reply line. */
    public void send(SmtpReply reply) throws IOException {
        byte[] line = (reply.line() + "\r\n").getBytes(StandardCharsets.UTF_8);
        write(line, 0, line.length);
    }

    /** Writes one reply and everything before it to the client now. */
    public synchronized void sendNow(SmtpReply reply) throws IOException {
        send(reply);
        flushToClient();
    }

    /** Deferred: see the class comment. */
    @Override
    public void flush() {
    }

    /** Writes every held reply to the client. */
    public synchronized void flushToClient() throws IOException {
        if (count > 0 && !closed) {
            int n = count;
            count = 0;
            ScheduledFuture<?> deadline = watchdog.schedule(this::abandon, writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
            try {
                transport.write(pending, 0, n);
                transport.flush();
            } finally {
                deadline.cancel(false);
            }
        }
    }

    /** True if replies are waiting to be written. */
    public synchronized boolean hasPending() {
        return count > 0;
    }

    /** The write deadline passed: closing the stream closes the socket and fails the blocked write. */
    private void abandon() {
        try {
            transport.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close a stalled connection", e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            flushToClient();
        } finally {
            closed = true;
            transport.close();
        }
    }
}
