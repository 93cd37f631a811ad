package sempgw.core.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable-until-destroyed secret byte string: a symmetric key, a shared secret, a seed.
 * Reading it requires {@link InsecureSecretAccess}; comparison is constant-time; {@code toString}
 * redacts; {@link #destroy()} zeroes the bytes, after which every use throws
 * {@link IllegalStateException}.
 */
public final class SecretBytes {
    private final byte[] bytes;
    private volatile boolean destroyed;

    private SecretBytes(byte[] owned) {
        this.bytes = owned;
    }

    /** A secret holding a copy of {@code value}. The caller should zero its own array. */
    public static SecretBytes copyOf(byte[] value) {
        return new SecretBytes(value.clone());
    }

    /** {@code length} fresh random bytes. */
    public static SecretBytes random(int length, RandomSource random) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return new SecretBytes(b);
    }

    /** Takes ownership of {@code owned} without copying: for this package's freshly made arrays. */
    static SecretBytes wrap(byte[] owned) {
        return new SecretBytes(owned);
    }

    /** The number of bytes. */
    public int length() {
        return bytes.length;
    }

    /** A copy of the secret bytes; zero it after use. */
    public byte[] toByteArray(InsecureSecretAccess access) {
        Objects.requireNonNull(access, "access");
        return live().clone();
    }

    /** The internal array, for primitives in this package. Never hand it out. */
    byte[] array() {
        return live();
    }

    /** Constant-time comparison of contents (lengths are not secret). */
    public boolean equalsSecret(SecretBytes other) {
        return MessageDigest.isEqual(live(), other.live());
    }

    /** Zeroes the bytes; later uses throw {@link IllegalStateException}. Idempotent. */
    public void destroy() {
        destroyed = true;
        Arrays.fill(bytes, (byte) 0);
    }

    /** True after {@link #destroy()}. */
    public boolean isDestroyed() {
        return destroyed;
    }

    private byte[] live() {
        if (destroyed) {
            throw new IllegalStateException("secret was destroyed");
        }
        return bytes;
    }

    /** Redacted: shows the length only. */
    @Override
    public String toString() {
        return "SecretBytes[" + bytes.length + " bytes, redacted]";
    }
}
