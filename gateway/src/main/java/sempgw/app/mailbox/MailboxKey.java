package sempgw.app.mailbox;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import sempgw.core.crypto.SuiteId;
import sempgw.core.keys.KeyId;
import sempgw.core.keys.KeyType;

/**
 * One key of a mailbox, public side: what is published as its key record (KEY.md §4.4) and what
 * {@code mailbox list} shows, with its {@link KeyState}. Never holds private material.
 *
 * @param type {@code identity} or {@code encryption}
 * @param algorithm {@code ed25519} for identity keys, the suite id for encryption keys
 * @param publicKey the raw public key
 * @param created when it was generated
 * @param expires when its published record expires
 * @param state current, retired or revoked
 */
public record MailboxKey(KeyType type, String algorithm, byte[] publicKey, Instant created, Instant expires, KeyState state) {
    static final String IDENTITY_ALGORITHM = "ed25519";

    public MailboxKey {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(state, "state");
        publicKey = publicKey.clone();
        boolean known = switch (type) {
            case IDENTITY -> algorithm.equals(IDENTITY_ALGORITHM);
            case ENCRYPTION -> SuiteId.parse(algorithm).isPresent();
            case DEVICE, DOMAIN -> false;
        };
        if (!known) {
            throw new IllegalArgumentException("a mailbox holds ed25519 identity keys and suite encryption keys, not " + type + " " + algorithm);
        }
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** Its {@code key_id}: lowercase hex of SHA-256 over the public key (KEY.md §4.4). */
    public String keyId() {
        return KeyId.of(publicKey).hex();
    }

    /** The suite of an encryption key. */
    public Optional<SuiteId> suite() {
        return type == KeyType.ENCRYPTION ? SuiteId.parse(algorithm) : Optional.empty();
    }

    /** The same key in {@code next} state. */
    public MailboxKey with(KeyState next) {
        return new MailboxKey(type, algorithm, publicKey, created, expires, next);
    }

    boolean isCurrent() {
        return state instanceof KeyState.Current;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MailboxKey k && k.type == type && k.algorithm.equals(algorithm) && Arrays.equals(k.publicKey, publicKey)
                && k.created.equals(created) && k.expires.equals(expires) && k.state.equals(state);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "MailboxKey[" + type.wireName() + " " + algorithm + " " + keyId() + ", " + state + "]";
    }
}
