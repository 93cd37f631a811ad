package sempgw.app.mailbox;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import sempgw.core.keys.RevocationReason;

/**
 * Where a mailbox key is in its life (KEY.md §7.2, §8): current (published, in use), retired
 * (revoked as {@code superseded} by a rotation, its private key kept to decrypt what senders
 * with cached keys still send, until {@code decryptUntil}), or revoked (published as revoked
 * forever, private key erased).
 */
public sealed interface KeyState {

    /** Whether the store holds the private key in this state. */
    default boolean hasPrivateKey() {
        return !(this instanceof Revoked);
    }

    /** Published and in use. */
    record Current() implements KeyState {
    }

    /**
     * Superseded by {@code replacementKeyId} at {@code at}; still opens envelopes until
     * {@code decryptUntil} (KEY.md §7.2 step 4).
     */
    record Retired(Instant at, Instant decryptUntil, String replacementKeyId) implements KeyState {
        public Retired {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(decryptUntil, "decryptUntil");
            Objects.requireNonNull(replacementKeyId, "replacementKeyId");
        }
    }

    /** Revoked at {@code at} for {@code reason} (KEY.md §8.2); the private key is gone. */
    record Revoked(Instant at, RevocationReason reason, Optional<String> replacementKeyId) implements KeyState {
        public Revoked {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(replacementKeyId, "replacementKeyId");
        }
    }
}
