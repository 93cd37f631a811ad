package sempgw.store.queue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable queue. Entries are written through {@link #begin}, read by the queue manager,
 * updated per recipient as delivery agents report, and removed once every recipient is final.
 * Implementations are thread-safe.
 */
public interface MessageQueue extends AutoCloseable {

    /** Starts writing a message. */
    Submission begin(Sender sender, Origin origin);

    /** Every entry currently in the queue, oldest first (after a restart: everything recovered). */
    List<QueueEntry> entries();

    Optional<QueueEntry> find(QueueId id);

    /** Opens the decrypted content of an entry. */
    InputStream openContent(QueueId id) throws IOException;

    /**
     * Records a recipient's new state. Final states need not be fsync'd before returning:
     * after a crash a recipient may be tried again (a duplicate), never lost.
     * Removes the entry once every recipient is final.
     *
     * @param recipientIndex the index into {@link QueueEntry#recipients()}
     */
    QueueEntry update(QueueId id, int recipientIndex, RecipientState state, Instant nextAttempt, Optional<String> reply, boolean delayNotified)
            throws IOException;

    /**
     * Records a recipient's new state with the reason code that came with its reply
     * ({@link DeliveryResult#reason()}), kept beside it ({@link RecipientStatus#lastReason()}).
     * The default drops the reason, for queues that do not keep one.
     */
    default QueueEntry update(QueueId id, int recipientIndex, RecipientState state, Instant nextAttempt, Optional<String> reply,
            Optional<DeliveryResult.Reason> reason, boolean delayNotified) throws IOException {
        return update(id, recipientIndex, state, nextAttempt, reply, delayNotified);
    }

    /** Removes an entry whatever its state ({@code queue delete}). */
    boolean delete(QueueId id) throws IOException;

    /** Registers the queue manager's callback for each newly committed entry. */
    void onCommit(java.util.function.Consumer<QueueEntry> listener);

    @Override
    void close() throws IOException;
}
