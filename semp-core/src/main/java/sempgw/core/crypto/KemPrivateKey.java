package sempgw.core.crypto;

import java.util.Objects;

/**
 * The private half of a KEM key pair, holding its public half. It can decapsulate; its raw bytes
 * leave only through {@link #exportInsecure(InsecureSecretAccess)} (key storage). Ephemeral
 * handshake keys must be {@link #destroy() destroyed} right after decapsulation
 * (CONFORMANCE.md §6.3).
 */
public final class KemPrivateKey {
    private final Kem kem;
    private final SecretBytes raw;
    private final byte[] publicKey;
    private volatile Object prepared;

    KemPrivateKey(Kem kem, SecretBytes raw, byte[] publicKey, Object prepared) {
        this.kem = Objects.requireNonNull(kem, "kem");
        this.raw = Objects.requireNonNull(raw, "raw");
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        this.prepared = prepared;
    }

    /** The KEM this key belongs to. */
    public Kem kem() {
        return kem;
    }

    /** A copy of the public key (X25519: 32 bytes; hybrid: {@code x25519_pub || kyber_pk}, 1216 bytes). */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /**
     * Recovers a shared secret encapsulated to this key. See {@link Kem#decapsulate}.
     *
     * @throws IllegalStateException after {@link #destroy()}
     */
    public SecretBytes decapsulate(byte[] ciphertext) throws CryptoException {
        return kem.decapsulate(this, ciphertext);
    }

    /**
     * The raw private key in semp-go's layout, for encrypted key storage only. Zero the copy
     * after use.
     */
    public byte[] exportInsecure(InsecureSecretAccess access) {
        return raw.toByteArray(access);
    }

    /** Zeroes the private bytes and drops the provider's key object; the key is unusable afterwards. */
    public void destroy() {
        raw.destroy();
        if (prepared instanceof javax.security.auth.Destroyable d) {
            try {
                d.destroy();
            } catch (javax.security.auth.DestroyFailedException e) {
                // The provider keeps its copy; dropping the reference below is all that is left.
            }
        }
        prepared = null;
    }

    /** True after {@link #destroy()}. */
    public boolean isDestroyed() {
        return raw.isDestroyed();
    }

    SecretBytes raw() {
        return raw;
    }

    byte[] publicKeyRef() {
        return publicKey;
    }

    Object prepared() {
        Object p = prepared;
        if (p == null && raw.isDestroyed()) {
            throw new IllegalStateException("key was destroyed");
        }
        return p;
    }

    /** Redacted. */
    @Override
    public String toString() {
        return "KemPrivateKey[" + kem.suite() + ", redacted]";
    }
}
