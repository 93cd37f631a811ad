package sempgw.store.queue;

import java.io.IOException;
import java.io.OutputStream;

/**
 * One message being written into the queue: {@code addRecipient* -> content -> commit | abort}.
 * Nothing is visible to the queue manager, and nothing survives a crash, before {@link #commit()}
 * returns. {@link #close()} aborts an uncommitted submission, so try-with-resources is safe.
 * Not thread-safe: one SMTP transaction owns it.
 */
public interface Submission extends AutoCloseable {

    void addRecipient(Recipient recipient);

    /**
     * The stream to write the message content to (the DATA octets, dot-unstuffed, CRLF line
     * ends). Written to disk as it arrives, so memory stays constant whatever the size.
     * Closing it does not commit.
     */
    OutputStream content() throws IOException;

    /**
     * Makes the message durable (content, envelope and every recipient fsync'd) and hands it
     * to the queue manager. Returns only after the data is on stable storage; the caller may
     * then reply {@code 250}. Concurrent commits share fsyncs (group commit).
     *
     * @throws IOException the message is not queued; the caller must answer {@code 4xx}
     */
    QueueId commit() throws IOException;

    /** Discards everything written; idempotent, and a no-op after a successful commit. */
    void abort();

    @Override
    default void close() {
        abort();
    }
}
