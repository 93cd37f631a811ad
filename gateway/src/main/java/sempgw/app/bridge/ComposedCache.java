package sempgw.app.bridge;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sempgw.core.envelope.compose.ComposedEnvelope;
import sempgw.store.queue.QueueId;

/**
 * The envelopes composed for a queued message's recipients at one domain, kept while delivery is
 * retried so the peer sees the same {@code postmark.id} again (DELIVERY.md §3: duplicate
 * detection) rather than a new envelope per attempt. Reused only for exactly the same recipients
 * and while the envelopes have not expired (ENVELOPE.md §3.2); in memory and bounded, oldest
 * dropped first. Thread-safe.
 */
final class ComposedCache {
    static final int MAX_ENTRIES = 10_000;

    private record Key(QueueId id, String domain) {
    }

    private record Composed(List<String> recipients, List<ComposedEnvelope> envelopes) {
    }

    private final Map<Key, Composed> entries = new LinkedHashMap<>(64, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Composed> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    synchronized Optional<List<ComposedEnvelope>> get(QueueId id, String domain, List<String> recipients, Instant now) {
        Composed c = entries.get(new Key(id, domain));
        if (c == null || !c.recipients().equals(recipients)
                || c.envelopes().stream().anyMatch(e -> !now.isBefore(e.envelope().postmark().expires()))) {
            return Optional.empty();
        }
        return Optional.of(c.envelopes());
    }

    synchronized void put(QueueId id, String domain, List<String> recipients, List<ComposedEnvelope> envelopes) {
        entries.put(new Key(id, domain), new Composed(List.copyOf(recipients), List.copyOf(envelopes)));
    }

    synchronized void remove(QueueId id, String domain) {
        entries.remove(new Key(id, domain));
    }
}
