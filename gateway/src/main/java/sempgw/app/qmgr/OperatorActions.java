package sempgw.app.qmgr;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.store.queue.MessageQueue;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.QueueId;
import sempgw.store.queue.RecipientState;
import sempgw.store.queue.RecipientStatus;

/**
 * What the operator can do to the queue of a running gateway (Postfix's {@code postsuper -h/-H/-d}
 * and {@code postqueue -f}): hold, release, delete one message, or retry everything deferred now.
 * Every action is logged with the queue id.
 */
public final class OperatorActions {
    private static final Logger LOG = LoggerFactory.getLogger(OperatorActions.class);

    private final MessageQueue queue;
    private final QueueManager manager;
    private final Clock clock;

    public OperatorActions(MessageQueue queue, QueueManager manager, Clock clock) {
        this.queue = queue;
        this.manager = manager;
        this.clock = clock;
    }

    /** Puts every pending recipient on hold; returns how many, or empty if there is no such message. */
    public Optional<Integer> hold(QueueId id) throws IOException {
        return change(id, RecipientState.HELD, s -> s.state() == RecipientState.QUEUED || s.state() == RecipientState.DEFERRED, "held");
    }

    /** Makes every held recipient due now; returns how many, or empty if there is no such message. */
    public Optional<Integer> release(QueueId id) throws IOException {
        Optional<Integer> n = change(id, null, s -> s.state() == RecipientState.HELD, "released");
        n.ifPresent(count -> manager.retryNow(id));
        return n;
    }

    /** Removes the message whatever its state, without notice to the sender. */
    public boolean delete(QueueId id) throws IOException {
        boolean removed = queue.delete(id);
        if (removed) {
            LOG.info("{}: deleted by the operator", id);
        }
        return removed;
    }

    /** Makes every deferred recipient due now, whatever its backoff; returns how many. */
    public int flush() {
        int count = 0;
        for (QueueEntry entry : queue.entries()) {
            int deferred = 0;
            for (int i = 0; i < entry.recipients().size(); i++) {
                if (entry.recipients().get(i).state() == RecipientState.DEFERRED && !manager.inFlight(entry.id(), i)) {
                    deferred++;
                }
            }
            if (deferred > 0) {
                manager.forceRetry(entry.id());
                count += deferred;
            }
        }
        LOG.info("flush: {} deferred recipients due now", count);
        return count;
    }

    /** @param to the new state; null means "QUEUED if never tried, else DEFERRED", due now */
    private Optional<Integer> change(QueueId id, RecipientState to, java.util.function.Predicate<RecipientStatus> which, String verb)
            throws IOException {
        Optional<QueueEntry> found = queue.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        QueueEntry entry = found.get();
        Instant now = clock.instant();
        int count = 0;
        for (int i = 0; i < entry.recipients().size(); i++) {
            RecipientStatus s = entry.recipients().get(i);
            if (which.test(s)) {
                RecipientState state = to != null ? to : s.attempts() == 0 ? RecipientState.QUEUED : RecipientState.DEFERRED;
                Instant next = to != null ? s.nextAttempt() : now;
                queue.update(id, i, state, next, s.lastReply(), s.lastReason(), s.delayNotified());
                count++;
            }
        }
        LOG.info("{}: {} by the operator ({} recipients)", id, verb, count);
        return Optional.of(count);
    }
}
