package sempgw.app.bridge;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The verified SEMP correspondents of CLIENT.md §4.3.1, in memory: for each
 * {@code (From address, SEMP-Address, SEMP-Identity fingerprint)} that passed the four-step
 * verification, when it did. A result older than {@code maxAge} is not believed, so the
 * correspondent is verified again ("SHOULD re-verify at least every 30 days"); a signal with
 * another fingerprint is another key, verified afresh ("whenever an upgrade signal from the same
 * correspondent arrives with a different fingerprint"). A signal that failed, or could not be
 * checked, is not checked again for {@link #REFUTED_FOR}. At most {@code capacity} results of
 * each kind are kept, the least recently used dropped first. Thread-safe.
 */
final class VerifiedSenders {
    /** The re-verify age CLIENT.md §4.3.1 recommends at most. */
    static final Duration MAX_AGE = Duration.ofDays(30);
    /** Results kept, as many as the user keys cache keeps addresses. */
    static final int CAPACITY = 10_000;

    /** One verified correspondent, addresses canonical (ENVELOPE.md §2.3). */
    record Key(String from, String address, String fingerprint) {
    }

    /**
     * How long a signal that failed is not checked again: a sender, or a forger, repeating it costs
     * one discovery and one key fetch per hour, not one per message.
     */
    static final Duration REFUTED_FOR = Duration.ofHours(1);

    private final Duration maxAge;
    private final Map<Key, Instant> verified;
    private final Map<Key, Instant> refuted;

    VerifiedSenders(int capacity, Duration maxAge) {
        if (capacity < 1 || maxAge.isNegative() || maxAge.compareTo(MAX_AGE) > 0) {
            throw new IllegalArgumentException("capacity must be positive and maxAge within 0 to 30 days");
        }
        this.maxAge = maxAge;
        this.verified = bounded(capacity);
        this.refuted = bounded(capacity);
    }

    private static Map<Key, Instant> bounded(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Instant> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True when {@code key} was verified less than {@code maxAge} before {@code now}. */
    synchronized boolean fresh(Key key, Instant now) {
        Instant at = verified.get(key);
        return at != null && now.isBefore(at.plus(maxAge));
    }

    synchronized void put(Key key, Instant verifiedAt) {
        verified.put(key, verifiedAt);
        refuted.remove(key);
    }

    /** True when {@code key} failed less than {@link #REFUTED_FOR} before {@code now}: not worth asking again yet. */
    synchronized boolean refutedRecently(Key key, Instant now) {
        Instant at = refuted.get(key);
        return at != null && now.isBefore(at.plus(REFUTED_FOR));
    }

    /** {@code key} failed a check, or could not be checked, at {@code at}. */
    synchronized void refute(Key key, Instant at) {
        refuted.put(key, at);
    }
}
