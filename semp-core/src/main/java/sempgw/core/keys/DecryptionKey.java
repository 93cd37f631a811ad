package sempgw.core.keys;

import java.util.Objects;
import sempgw.core.crypto.CryptoException;
import sempgw.core.crypto.InsecureSecretAccess;
import sempgw.core.crypto.KemPrivateKey;
import sempgw.core.crypto.KeyWrap;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SuiteId;

/** The private half of a KEM key, typed by role: it unwraps envelope keys. */
public abstract sealed class DecryptionKey permits DomainEncryptionPrivateKey, UserEncryptionPrivateKey {
    private final SuiteId suite;
    private final KemPrivateKey key;

    DecryptionKey(SuiteId suite, KemPrivateKey key) {
        this.suite = Objects.requireNonNull(suite, "suite");
        this.key = Objects.requireNonNull(key, "key");
    }

    /** The public half, typed by role. */
    public abstract EncryptionPublicKey publicKey();

    /** The suite whose KEM this key serves. */
    public final SuiteId suite() {
        return suite;
    }

    /** The fingerprint of the public half. */
    public final KeyId keyId() {
        return publicKey().keyId();
    }

    /**
     * Unwraps a seal recipient-map entry made for this key (SPEC-DIGEST-WIRE §3.2).
     *
     * @throws CryptoException when the entry is malformed or was not made for this key
     */
    public final SecretBytes unwrap(byte[] entry) throws CryptoException {
        return KeyWrap.unwrap(key, entry);
    }

    /** The raw private key in semp-go's layout, for encrypted key storage only. */
    public final byte[] exportInsecure(InsecureSecretAccess access) {
        return key.exportInsecure(access);
    }

    /** Zeroes the private bytes. */
    public final void destroy() {
        key.destroy();
    }

    /** True after {@link #destroy()}. */
    public final boolean isDestroyed() {
        return key.isDestroyed();
    }

    final KemPrivateKey kemKey() {
        return key;
    }

    /** Shows the fingerprint only. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + suite + ", " + keyId() + ", redacted]";
    }
}
