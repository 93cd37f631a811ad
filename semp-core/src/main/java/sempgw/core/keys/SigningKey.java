package sempgw.core.keys;

import java.util.Objects;
import sempgw.core.crypto.Ed25519PrivateKey;
import sempgw.core.crypto.InsecureSecretAccess;
import sempgw.core.crypto.SignatureContext;

/** The private half of an Ed25519 signing key, typed by role. */
public abstract sealed class SigningKey permits DomainSigningPrivateKey, IdentityPrivateKey {
    private final Ed25519PrivateKey key;

    SigningKey(Ed25519PrivateKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /** The public half, typed by role. */
    public abstract VerifyingKey publicKey();

    /** The fingerprint of the public half. */
    public final KeyId keyId() {
        return publicKey().keyId();
    }

    /** An Ed25519 signature over {@code context.prefix || message} (ENVELOPE.md §4.3). */
    public final byte[] sign(SignatureContext context, byte[] message) {
        return key.sign(context, message);
    }

    /** The 32-byte RFC 8032 seed, for encrypted key storage only; zero the copy after use. */
    public final byte[] exportSeedInsecure(InsecureSecretAccess access) {
        return key.exportSeedInsecure(access);
    }

    /** Zeroes the seed; the key cannot sign afterwards. */
    public final void destroy() {
        key.destroy();
    }

    /** True after {@link #destroy()}. */
    public final boolean isDestroyed() {
        return key.isDestroyed();
    }

    final Ed25519PrivateKey ed25519() {
        return key;
    }

    /** Shows the fingerprint only. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + keyId() + ", redacted]";
    }
}
