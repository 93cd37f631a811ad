package sempgw.app.bridge;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import sempgw.core.envelope.EnvelopeCodec;
import sempgw.core.envelope.compose.ComposedEnvelope;
import sempgw.store.queue.QueueId;

/**
 * The envelopes composed for a queued message's recipients at one domain, kept while delivery is
 * retried so that a retry sends the very envelope again rather than converting and composing the
 * message once more per attempt (a composition afresh carries the same ids, {@link StableIds}). Reused only for exactly the same recipients
 * and while the envelopes have not expired (ENVELOPE.md §3.2). Thread-safe.
 *
 * <p>In memory, and bounded both in entries and in envelope bytes, oldest dropped first: a peer
 * that is down for hours while large messages wait for it must not fill the heap. Envelopes
 * dropped, or too large to keep at all, are composed afresh at the next attempt (the CPU is the
 * price of a bounded memory), under the same ids ({@link StableIds}).
 */
final class ComposedCache {
    static final int MAX_ENTRIES = 10_000;
    /** Envelope bytes kept at most, by default. */
    static final long MAX_BYTES = 64L << 20;

    private record Key(QueueId id, String domain) {
    }

    private record Composed(List<String> recipients, List<ComposedEnvelope> envelopes, long bytes) {
    }

    private final Map<Key, Composed> entries = new LinkedHashMap<>();
    private final long maxBytes;
    private final ToLongFunction<ComposedEnvelope> size;
    private long bytes;

    /** At most {@link #MAX_BYTES} of envelopes, each measured by its wire size. */
    ComposedCache() {
        this(MAX_BYTES, e -> EnvelopeCodec.encodedLength(e.envelope()));
    }

    ComposedCache(long maxBytes, ToLongFunction<ComposedEnvelope> size) {
        this.maxBytes = maxBytes;
        this.size = size;
    }

    synchronized Optional<List<ComposedEnvelope>> get(QueueId id, String domain, List<String> recipients, Instant now) {
        Composed c = entries.get(new Key(id, domain));
        if (c == null || !c.recipients().equals(recipients)
                || c.envelopes().stream().anyMatch(e -> !now.isBefore(e.envelope().postmark().expires()))) {
            return Optional.empty();
        }
        return Optional.of(c.envelopes());
    }

    void put(QueueId id, String domain, List<String> recipients, List<ComposedEnvelope> envelopes) {
        long n = envelopes.stream().mapToLong(size).sum();
        synchronized (this) {
            remove(id, domain);
            if (n > maxBytes) {
                return;
            }
            entries.put(new Key(id, domain), new Composed(List.copyOf(recipients), List.copyOf(envelopes), n));
            bytes += n;
            Iterator<Composed> oldest = entries.values().iterator();
            while (bytes > maxBytes || entries.size() > MAX_ENTRIES) {
                bytes -= oldest.next().bytes();
                oldest.remove();
            }
        }
    }

    synchronized void remove(QueueId id, String domain) {
        Composed c = entries.remove(new Key(id, domain));
        if (c != null) {
            bytes -= c.bytes();
        }
    }

    /** The envelope bytes kept now. */
    synchronized long bytes() {
        return bytes;
    }
}
