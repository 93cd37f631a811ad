package sempgw.semp.ingress.receive;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * The envelopes already stored, so that a retry after a lost acknowledgment is answered
 * {@code delivered} again without a second copy (ENVELOPE.md §9.1 lets a server deduplicate by
 * {@code postmark.id}). Keyed by (sender domain, {@code postmark.id}), since ids are only unique
 * per sender; an entry lives until the envelope's {@code expires} plus the expiry grace, after
 * which the verifier rejects the envelope anyway.
 *
 * <p>Bounded: at most {@code capacity} entries, oldest evicted first, and memory only. An entry
 * lost to eviction or a restart turns a retry into a second stored copy: a duplicate, never a
 * loss (the house rule).
 *
 * <p>Two copies of one envelope may arrive at once (envelopes of a session run concurrently,
 * TRANSPORT.md §4.3.2; a retry on a second connection, §8.3): {@link #claim} lets one of them at
 * a time from the duplicate check to its {@link #remember}, so the second finds the first stored
 * and is answered {@code delivered} again, never stored twice. Thread-safe.
 */
final class DeliveredEnvelopes {
    private final Map<String, Instant> delivered = new LinkedHashMap<>();
    private final int capacity;
    private final Map<String, CountDownLatch> claims = new ConcurrentHashMap<>();

    /** Held while one copy of an envelope is checked, decided and stored; {@link #close} lets the next copy in. */
    final class Claim implements AutoCloseable {
        private final String key;
        private final CountDownLatch done;

        private Claim(String key, CountDownLatch done) {
            this.key = key;
            this.done = done;
        }

        @Override
        public void close() {
            claims.remove(key, done);
            done.countDown();
        }
    }

    DeliveredEnvelopes(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Waits until no other copy of this envelope is being handled, then holds it.
     *
     * @throws IllegalStateException interrupted while waiting (the pipeline answers {@code server_unavailable})
     */
    Claim claim(String fromDomain, String postmarkId) {
        String key = key(fromDomain, postmarkId);
        CountDownLatch mine = new CountDownLatch(1);
        while (true) {
            CountDownLatch other = claims.putIfAbsent(key, mine);
            if (other == null) {
                return new Claim(key, mine);
            }
            try {
                other.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while another copy of the envelope was handled", e);
            }
        }
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
