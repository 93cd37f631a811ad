package sempgw.store.queue;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A snapshot of one queued message: its envelope and per-recipient state (not its content,
 * which is read with {@link MessageQueue#openContent}).
 *
 * @param size content size in octets, as received
 */
public record QueueEntry(QueueId id, Sender sender, Origin origin, List<RecipientStatus> recipients, Instant arrivedAt, long size) {
    public QueueEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(origin, "origin");
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(arrivedAt, "arrivedAt");
    }

    /** True when every recipient has reached a final state: the entry may be removed. */
    public boolean isDone() {
        return recipients.stream().allMatch(r -> r.state().isFinal());
    }
}
