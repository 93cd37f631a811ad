package sempgw.app.qmgr;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import sempgw.store.queue.QueueId;

/**
 * When each queue entry is next due: at most one time per entry, the earliest asked for.
 * Thread-safe. This is the queue manager's whole in-memory view of the deferred queue.
 */
final class Schedule {
    private record Due(Instant at, QueueId id) implements Comparable<Due> {
        @Override
        public int compareTo(Due o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : id.compareTo(o.id);
        }
    }

    private final TreeSet<Due> byTime = new TreeSet<>();
    private final Map<QueueId, Instant> byId = new HashMap<>();

    /** Asks for {@code id} to be looked at no later than {@code at}. */
    synchronized void add(QueueId id, Instant at) {
        Instant current = byId.get(id);
        if (current != null && !at.isBefore(current)) {
            return;
        }
        if (current != null) {
            byTime.remove(new Due(current, id));
        }
        byId.put(id, at);
        byTime.add(new Due(at, id));
    }

    synchronized void remove(QueueId id) {
        Instant current = byId.remove(id);
        if (current != null) {
            byTime.remove(new Due(current, id));
        }
    }

    /** Removes and returns up to {@code max} entries due at {@code now}, earliest first. */
    synchronized List<QueueId> takeDue(Instant now, int max) {
        List<QueueId> out = new ArrayList<>();
        while (out.size() < max && !byTime.isEmpty() && !byTime.first().at().isAfter(now)) {
            Due d = byTime.pollFirst();
            byId.remove(d.id());
            out.add(d.id());
        }
        return out;
    }

    synchronized Optional<Instant> next() {
        return byTime.isEmpty() ? Optional.empty() : Optional.of(byTime.first().at());
    }

    synchronized int size() {
        return byId.size();
    }
}
