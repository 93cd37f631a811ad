package sempgw.core.handshake;

import java.time.Instant;

/**
 * Replay prevention for handshake nonces across the whole server (HANDSHAKE.md §6.2:
 * "Implementations MUST reject handshakes with nonces they have seen within the session TTL
 * window"). {@link SeenNonces} is an in-memory one.
 */
@FunctionalInterface
public interface NonceLedger {

    /** Records {@code nonce}; false when it was seen before within the window. */
    boolean firstUse(byte[] nonce, Instant now);
}
