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
        /**
         * First use within the window, and the nonce is now remembered; but the ledger was full of
         * nonces still within their window and forgot the oldest early to make room. The handshake
         * goes on: refusing it would let any peer that can authenticate (it signs with a key its
         * own domain publishes) fill the ledger and lock every other peer out, while a replay of
         * the forgotten nonce still cannot finish a handshake without the initiator's ephemeral
         * private key.
         */
        FIRST_USE_EVICTED_OLDEST,
        /** Seen before within the window (HANDSHAKE.md §6.2: reject). */
        REPLAYED
    }

    /** Whether {@code nonce} was recorded within the window; records nothing. */
    boolean seen(byte[] nonce, Instant now);

    /** Records {@code nonce} for the window, after its handshake is authenticated. */
    Recorded record(byte[] nonce, Instant now);
}
