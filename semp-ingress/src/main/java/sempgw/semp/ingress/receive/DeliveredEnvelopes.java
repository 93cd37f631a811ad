package sempgw.semp.ingress.receive;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The envelopes already stored, so that a retry after a lost acknowledgment is answered
 * {@code delivered} again without a second copy (ENVELOPE.md §9.1 lets a server deduplicate by
 * {@code postmark.id}). Keyed by (sender domain, {@code postmark.id}), since ids are only unique
 * per sender; an entry lives until the envelope's {@code expires} plus the expiry grace, after
 * which the verifier rejects the envelope anyway.
 *
 * <p>Bounded: at most {@code capacity} entries, oldest evicted first, and memory only. An entry
 * lost to eviction or a restart turns a retry into a second stored copy: a duplicate, never a
 * loss (the house rule). Thread-safe.
 */
final class DeliveredEnvelopes {
    private final Map<String, Instant> delivered = new LinkedHashMap<>();
    private final int capacity;

    DeliveredEnvelopes(int capacity) {
        this.capacity = capacity;
    }

    /** Whether this envelope was stored and its entry is still live at {@code now}. */
    synchronized boolean contains(String fromDomain, String postmarkId, Instant now) {
        Instant until = delivered.get(key(fromDomain, postmarkId));
        return until != null && now.isBefore(until);
    }

    /** Records a stored envelope until {@code until}. */
    synchronized void remember(String fromDomain, String postmarkId, Instant until, Instant now) {
        Iterator<Instant> oldest = delivered.values().iterator();
        while (oldest.hasNext()) {
            Instant next = oldest.next();
            if (delivered.size() < capacity && now.isBefore(next)) {
                break;
            }
            oldest.remove();
        }
        delivered.put(key(fromDomain, postmarkId), until);
    }

    synchronized int size() {
        return delivered.size();
    }

    private static String key(String fromDomain, String postmarkId) {
        return fromDomain + '\0' + postmarkId;
    }
}
