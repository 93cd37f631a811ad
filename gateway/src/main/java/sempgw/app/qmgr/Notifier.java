package sempgw.app.qmgr;

import java.io.IOException;
import java.util.List;
import sempgw.store.queue.QueueEntry;

/**
 * Queues one delivery status notification to a message's sender (Postfix's bounce(8) role).
 * Called only for a non-null sender and recipients whose NOTIFY asks for it
 * (RFC 3461 §4.1); returns once the notification is durably queued.
 */
@FunctionalInterface
public interface Notifier {
    /**
     * @param notices one or more recipients, all of the same {@link Notice.Kind} family
     *     (failures and expiries together, or delays)
     * @throws IOException the notification is not queued; the caller keeps the recipients
     *     pending and tries again later, so no notice is lost
     */
    void send(QueueEntry entry, List<Notice> notices) throws IOException;
}
