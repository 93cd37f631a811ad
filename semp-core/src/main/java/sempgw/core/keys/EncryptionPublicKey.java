package sempgw.core.keys;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import sempgw.core.crypto.CryptoException;
import sempgw.core.crypto.CryptoSuite;
import sempgw.core.crypto.Kem;
import sempgw.core.crypto.KeyWrap;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SuiteId;

/**
 * The public half of a KEM key (X25519, or the 1216-byte hybrid), typed by role: envelope keys
 * are wrapped to it (ENVELOPE.md §4.4).
 */
public abstract sealed class EncryptionPublicKey permits DomainEncryptionPublicKey, UserEncryptionPublicKey {
    private final SuiteId suite;
    private final byte[] bytes;
    private final KeyId keyId;

    EncryptionPublicKey(SuiteId suite, byte[] raw) throws CryptoException {
        this.suite = Objects.requireNonNull(suite, "suite");
        if (raw.length != CryptoSuite.of(suite).kem().publicKeyLength()) {
            throw new CryptoException(CryptoException.Kind.INVALID_KEY,
                    "public key for " + suite + " must be " + CryptoSuite.of(suite).kem().publicKeyLength() + " bytes");
        }
        this.bytes = raw.clone();
        this.keyId = KeyId.of(bytes);
    }

    /** The suite whose KEM this key serves. */
    public final SuiteId suite() {
        return suite;
    }

    /** The KEM of {@link #suite()}. */
    public final Kem kem() {
        return CryptoSuite.of(suite).kem();
    }

    /** The fingerprint, the key of this recipient's seal map entry. */
    public final KeyId keyId() {
        return keyId;
    }

    /** A copy of the raw public key. */
    public final byte[] bytes() {
        return bytes.clone();
    }

    /** The raw key in standard base64, as published ({@code public_key}). */
    public final String toBase64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * Wraps {@code key} to this public key (SPEC-DIGEST-WIRE §3.2): the bytes of one seal
     * recipient-map entry before base64.
     */
    public final byte[] wrap(SecretBytes key, RandomSource random) throws CryptoException {
        return KeyWrap.wrap(kem(), bytes, key, random);
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((EncryptionPublicKey) o).suite == suite
                && Arrays.equals(((EncryptionPublicKey) o).bytes, bytes);
    }

    @Override
    public final int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + suite + ", " + keyId + "]";
    }
}
