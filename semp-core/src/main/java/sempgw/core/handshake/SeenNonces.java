package sempgw.core.handshake;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * An in-memory {@link NonceLedger}: remembers each handshake nonce for {@code window} (use the
 * longest session TTL you grant, HANDSHAKE.md §6.2), holding at most {@code capacity} nonces.
 * Share one instance across all handshakes of a server. Thread-safe.
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
    public boolean firstUse(byte[] nonce, Instant now) {
        return seen.add(Base64.getEncoder().encodeToString(nonce), now.plus(window), now);
    }
}
