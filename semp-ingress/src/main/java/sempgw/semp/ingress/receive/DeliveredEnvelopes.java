package sempgw.semp.ingress.receive;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
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
 * <p>Bounded: at most {@code capacity} entries, oldest evicted first. Kept across restarts in a
 * {@link DeliveredJournal} when one is given. An entry lost to eviction, or to a restart without
 * the journal, turns a retry into a second stored copy: a duplicate, never a loss (the house
 * rule). Entries are keyed by a hash of (sender domain, {@code postmark.id}) ({@link #key}), in
 * memory as on disk.
 *
 * <p>Two copies of one envelope may arrive at once (envelopes of a session run concurrently,
 * TRANSPORT.md §4.3.2; a retry on a second connection, §8.3): {@link #claim} lets one of them at
 * a time from the duplicate check to its {@link #remember}, so the second finds the first stored
 * and is answered {@code delivered} again, never stored twice. Thread-safe.
 */
final class DeliveredEnvelopes {
    private static final HexFormat HEX = HexFormat.of();
    /** Key length in hex digits: 128 bits of SHA-256. */
    private static final int KEY_CHARS = 32;

    private final Map<String, Instant> delivered = new LinkedHashMap<>();
    private final int capacity;
    private final DeliveredJournal journal;
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

    /** In memory only. */
    DeliveredEnvelopes(int capacity) {
        this(capacity, DeliveredJournal.none());
    }

    /** Starting with the entries {@code journal} read, and recording every new one in it. */
    DeliveredEnvelopes(int capacity, DeliveredJournal journal) {
        this.capacity = capacity;
        this.journal = journal;
        delivered.putAll(journal.takeLoaded());
        Iterator<String> oldest = delivered.keySet().iterator();
        while (delivered.size() > capacity) {
            oldest.next();
            oldest.remove();
        }
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
        String key = key(fromDomain, postmarkId);
        delivered.put(key, until);
        journal.append(key, until);
        if (journal.wantsRewrite(delivered.size())) {
            journal.rewrite(delivered);
        }
    }

    synchronized int size() {
        return delivered.size();
    }

    /** The first 128 bits of SHA-256(sender domain, NUL, {@code postmark.id}), in hex. */
    static String key(String fromDomain, String postmarkId) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((fromDomain + '\0' + postmarkId).getBytes(StandardCharsets.UTF_8));
            return HEX.formatHex(h, 0, KEY_CHARS / 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Whether {@code s} has the form of a {@link #key}. */
    static boolean isKey(String s) {
        return s.length() == KEY_CHARS && s.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }
}
