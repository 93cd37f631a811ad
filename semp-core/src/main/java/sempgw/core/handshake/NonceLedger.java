package sempgw.core.handshake;

import java.time.Instant;

/**
 * Replay prevention for handshake nonces across the whole server (HANDSHAKE.md §6.2:
 * "Implementations MUST reject handshakes with nonces they have seen within the session TTL
 * window"). A responder looks a nonce up when the init arrives, before any costly work, and
 * records it only once the handshake is authenticated, so that unauthenticated inits can neither
 * fill the ledger nor push the nonces of real handshakes out of it. {@link SeenNonces} is an
 * in-memory one.
 */
public interface NonceLedger {

    /** What {@link #record} did. */
    enum Recorded {
        /** First use within the window: the nonce is now remembered. */
        FIRST_USE,
        /** Seen before within the window (HANDSHAKE.md §6.2: reject). */
        REPLAYED,
        /**
         * The ledger is full of nonces still within their window and remembers nothing new: the
         * handshake is refused with the recoverable {@code server_at_capacity}, never by
         * forgetting a live nonce.
         */
        FULL
    }

    /** Whether {@code nonce} was recorded within the window; records nothing. */
    boolean seen(byte[] nonce, Instant now);

    /** Records {@code nonce} for the window, after its handshake is authenticated. */
    Recorded record(byte[] nonce, Instant now);
}
