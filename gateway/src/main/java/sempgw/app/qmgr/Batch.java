package sempgw.app.qmgr;

import java.util.List;
import java.util.Objects;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.Recipient;

/**
 * One delivery transaction: some recipients of one entry, all bound for one destination.
 *
 * @param indices the recipients' indices in {@code entry.recipients()}
 * @param expired the message outlived its lifetime: bounce these recipients without trying
 */
record Batch(QueueEntry entry, String destination, List<Integer> indices, boolean expired) {
    Batch {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(destination, "destination");
        indices = List.copyOf(indices);
    }

    List<Recipient> recipients() {
        return indices.stream().map(i -> entry.recipients().get(i).recipient()).toList();
    }
}
