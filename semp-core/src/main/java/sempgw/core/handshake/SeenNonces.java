package sempgw.core.handshake;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * An in-memory {@link NonceLedger}: remembers each handshake nonce for {@code window} (use the
 * longest session TTL you grant, HANDSHAKE.md §6.2), holding at most {@code capacity} nonces.
 * When all {@code capacity} are within their window it forgets the oldest to record a new one
 * ({@link Recorded#FIRST_USE_EVICTED_OLDEST}), never refusing a handshake for want of room; size it
 * for the expected rate of authenticated handshakes times the window. Share one instance across all handshakes of a server. Thread-safe.
 */
public final class SeenNonces implements NonceLedger {
    private final Duration window;
    private final TimedSet seen;

    public SeenNonces(Duration window, int capacity) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
        this.window = window;
        this.seen = new TimedSet(capacity);
    }

    @Override
    public boolean seen(byte[] nonce, Instant now) {
        return seen.contains(key(nonce), now);
    }

    @Override
    public Recorded record(byte[] nonce, Instant now) {
        return switch (seen.put(key(nonce), now.plus(window), now)) {
            case ADDED -> Recorded.FIRST_USE;
            case ADDED_EVICTING_LIVE -> Recorded.FIRST_USE_EVICTED_OLDEST;
            case PRESENT -> Recorded.REPLAYED;
        };
    }

    private static String key(byte[] nonce) {
        return Base64.getEncoder().encodeToString(nonce);
    }
}
