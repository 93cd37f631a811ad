package sempgw.semp.egress.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import sempgw.core.ClockTolerance;
import sempgw.core.crypto.SuiteId;
import sempgw.core.keys.IdentityPublicKey;
import sempgw.core.keys.UserEncryptionPublicKey;

/**
 * What a peer publishes for one of its users, verified (KEY.md §3.1, §5.1, §8.3): the usable
 * encryption keys and the identity keys that may have signed an enclosure. A user the peer has
 * no keys for has empty lists: that is an answer, not a failure.
 *
 * @param address    the canonical address (ENVELOPE.md §2.3)
 * @param encryption encryption keys neither revoked nor expired when fetched, with their expiry
 * @param identity   identity keys, including ones revoked as {@code superseded} or
 *                   {@code cessation_of_operation} (ENVELOPE.md §6.5.3 accepts historically
 *                   published, now revoked keys); never one revoked for any other reason
 * @param fetchedAt  when the peer was asked
 * @param expiresAt  when the cached answer goes stale
 */
public record UserKeys(String address, List<EncryptionKey> encryption, List<IdentityKey> identity, Instant fetchedAt,
                       Instant expiresAt) {

    /** A current encryption key and the {@code expires} of its record. */
    public record EncryptionKey(UserEncryptionPublicKey key, Instant expires) {
        public EncryptionKey {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(expires, "expires");
        }
    }

    /** An identity key, and whether it has been revoked (for a reason that keeps old signatures valid). */
    public record IdentityKey(IdentityPublicKey key, boolean revoked) {
        public IdentityKey {
            Objects.requireNonNull(key, "key");
        }
    }

    public UserKeys {
        Objects.requireNonNull(address, "address");
        encryption = List.copyOf(encryption);
        identity = List.copyOf(identity);
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** True when the peer published any usable key for the address. */
    public boolean found() {
        return !encryption.isEmpty() || !identity.isEmpty();
    }

    /** The encryption keys of {@code suite} not expired at {@code now} (CONFORMANCE.md §9.3.1, no grace), in published order. */
    public List<UserEncryptionPublicKey> encryptionKeys(SuiteId suite, Instant now) {
        return encryption.stream().filter(k -> k.key().suite() == suite && !ClockTolerance.expired(k.expires(), now, Duration.ZERO))
                .map(EncryptionKey::key).toList();
    }

    /** The identity key whose fingerprint is {@code keyId}, revoked or not. */
    public Optional<IdentityPublicKey> identityKey(String keyId) {
        return identity.stream().map(IdentityKey::key).filter(k -> k.keyId().hex().equals(keyId)).findFirst();
    }

    /** Shows the address's domain and the key counts only. */
    @Override
    public String toString() {
        return "UserKeys[@" + address.substring(address.lastIndexOf('@') + 1) + ", " + encryption.size() + " encryption, "
                + identity.size() + " identity]";
    }
}
