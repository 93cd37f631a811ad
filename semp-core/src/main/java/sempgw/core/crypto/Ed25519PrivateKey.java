package sempgw.core.crypto;

import java.util.Objects;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 private key (RFC 8032 §5.1.5): the 32-byte seed plus its public key. Signatures are
 * deterministic, so they match semp-go's byte for byte. The seed leaves only through
 * {@link #exportSeedInsecure(InsecureSecretAccess)}.
 */
public final class Ed25519PrivateKey {
    /** Seed length in bytes. */
    public static final int SEED_LENGTH = 32;

    private final SecretBytes seed;
    private final byte[] publicBytes;
    private final Ed25519PublicKey publicKey;

    private Ed25519PrivateKey(SecretBytes seed) {
        this.seed = seed;
        this.publicBytes = new byte[Ed25519PublicKey.LENGTH];
        Ed25519.generatePublicKey(seed.array(), 0, publicBytes, 0);
        try {
            this.publicKey = Ed25519PublicKey.of(publicBytes);
        } catch (CryptoException e) {
            throw new IllegalStateException("derived Ed25519 public key is invalid", e);
        }
    }

    /** A fresh key. */
    public static Ed25519PrivateKey generate(RandomSource random) {
        return new Ed25519PrivateKey(SecretBytes.random(SEED_LENGTH, random));
    }

    /**
     * A key from its 32-byte seed (RFC 8032), or Go's 64-byte {@code seed || public} form.
     *
     * @throws CryptoException INVALID_KEY on another length, or a 64-byte form whose public half
     *     does not match the seed
     */
    public static Ed25519PrivateKey fromSeed(byte[] seedOrGoKey) throws CryptoException {
        if (seedOrGoKey.length == SEED_LENGTH) {
            return new Ed25519PrivateKey(SecretBytes.copyOf(seedOrGoKey));
        }
        if (seedOrGoKey.length == 2 * SEED_LENGTH) {
            Ed25519PrivateKey k = new Ed25519PrivateKey(SecretBytes.copyOf(java.util.Arrays.copyOf(seedOrGoKey, SEED_LENGTH)));
            if (!java.util.Arrays.equals(seedOrGoKey, SEED_LENGTH, 2 * SEED_LENGTH, k.publicBytes, 0, SEED_LENGTH)) {
                k.destroy();
                throw new CryptoException(CryptoException.Kind.INVALID_KEY, "Ed25519 key halves do not match");
            }
            return k;
        }
        throw new CryptoException(CryptoException.Kind.INVALID_KEY, "Ed25519 private key must be 32 or 64 bytes");
    }

    /** The public half. */
    public Ed25519PublicKey publicKey() {
        return publicKey;
    }

    /**
     * Signs {@code context.prefix || message}: a 64-byte signature. Signing stays in BouncyCastle
     * where {@link Curve25519} verifies in BoringSSL: Conscrypt 2.6.0's Ed25519 signing leaks
     * native memory the size of each signed message (measured: 3 GiB after 200,000 signatures of
     * 16 KiB), and AWS-LC through Amazon Corretto Crypto Provider, which does not leak, saved
     * 3-16% of compose + seal and nothing measurable on the bridge: not worth a second native
     * library (docs/benchmarks.md).
     *
     * @throws IllegalStateException after {@link #destroy()}
     */
    public byte[] sign(SignatureContext context, byte[] message) {
        Objects.requireNonNull(context, "context");
        if (seed.isDestroyed()) {
            throw new IllegalStateException("Ed25519 key is destroyed");
        }
        byte[] m = context.prefixed(message);
        byte[] sig = new byte[Ed25519PublicKey.SIGNATURE_LENGTH];
        Ed25519.sign(seed.array(), 0, publicBytes, 0, m, 0, m.length, sig, 0);
        return sig;
    }

    /** A copy of the 32-byte seed for encrypted key storage; zero it after use. */
    public byte[] exportSeedInsecure(InsecureSecretAccess access) {
        return seed.toByteArray(access);
    }

    /** Zeroes the seed; the key cannot sign afterwards. */
    public void destroy() {
        seed.destroy();
    }

    /** True after {@link #destroy()}. */
    public boolean isDestroyed() {
        return seed.isDestroyed();
    }

    /** Shows the public key only. */
    @Override
    public String toString() {
        return "Ed25519PrivateKey[public=" + publicKey.toBase64() + ", seed redacted]";
    }
}
