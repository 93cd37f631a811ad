package sempgw.core.keys;

import java.util.Objects;
import sempgw.core.crypto.Ed25519PublicKey;
import sempgw.core.crypto.SignatureContext;

/** The public half of an Ed25519 signing key, typed by role. */
public abstract sealed class VerifyingKey permits DomainSigningPublicKey, IdentityPublicKey {
    private final Ed25519PublicKey key;
    private final KeyId keyId;

    VerifyingKey(Ed25519PublicKey key) {
        this.key = Objects.requireNonNull(key, "key");
        this.keyId = KeyId.of(key.bytes());
    }

    /** The fingerprint. */
    public final KeyId keyId() {
        return keyId;
    }

    /** A copy of the raw 32-byte key. */
    public final byte[] bytes() {
        return key.bytes();
    }

    /** The raw key in standard base64, as published ({@code public_key}). */
    public final String toBase64() {
        return key.toBase64();
    }

    /** Wire {@code algorithm} of every signing key. */
    public final String algorithm() {
        return "ed25519";
    }

    /** Verifies an Ed25519 signature over {@code context.prefix || message}; false on any mismatch. */
    public final boolean verify(SignatureContext context, byte[] message, byte[] signature) {
        return key.verify(context, message, signature);
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((VerifyingKey) o).key.equals(key);
    }

    @Override
    public final int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + keyId + "]";
    }
}
