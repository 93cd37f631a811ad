package sempgw.core.crypto;

import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * X25519 used as a KEM (SESSION.md §4.1; SPEC-DIGEST-WIRE §1.2): the "ciphertext" is a fresh
 * ephemeral public key and the shared secret is the X25519 output. An all-zero output (a
 * low-order peer point) is rejected (RFC 7748 §6.1). Key generation and agreement run in the
 * fastest {@link Curve25519} implementation.
 */
public final class X25519Kem implements Kem {

    /** The one instance. */
    public static final X25519Kem INSTANCE = new X25519Kem();

    static final int KEY_LENGTH = 32;

    private X25519Kem() {
    }

    @Override
    public SuiteId suite() {
        return SuiteId.X25519_CHACHA20_POLY1305;
    }

    @Override
    public int publicKeyLength() {
        return KEY_LENGTH;
    }

    @Override
    public int ciphertextLength() {
        return KEY_LENGTH;
    }

    @Override
    public int sharedSecretLength() {
        return KEY_LENGTH;
    }

    @Override
    public KemPrivateKey generate(RandomSource random) {
        Curve25519.KeyPair pair = Curve25519.active().generate(random);
        return new KemPrivateKey(this, pair.scalar(), pair.publicKey(), null);
    }

    @Override
    public KemPrivateKey importPrivateKey(byte[] raw) throws CryptoException {
        if (raw.length != KEY_LENGTH) {
            throw new CryptoException(CryptoException.Kind.INVALID_KEY, "X25519 private key must be 32 bytes");
        }
        return new KemPrivateKey(this, SecretBytes.copyOf(raw), publicKeyOf(raw), null);
    }

    @Override
    public KemEncapsulation encapsulate(byte[] recipientPublicKey, RandomSource random) throws CryptoException {
        if (recipientPublicKey.length != KEY_LENGTH) {
            throw new CryptoException(CryptoException.Kind.INVALID_KEY, "X25519 public key must be 32 bytes");
        }
        Curve25519.KeyPair eph = Curve25519.active().generate(random);
        try {
            byte[] ss = agree(eph.scalar().array(), recipientPublicKey, CryptoException.Kind.INVALID_KEY);
            return new KemEncapsulation(eph.publicKey(), SecretBytes.wrap(ss));
        } finally {
            eph.scalar().destroy();
        }
    }

    @Override
    public SecretBytes decapsulate(KemPrivateKey key, byte[] ciphertext) throws CryptoException {
        if (key.kem() != this) {
            throw new CryptoException(CryptoException.Kind.INVALID_KEY, "key belongs to another KEM");
        }
        if (ciphertext.length != KEY_LENGTH) {
            throw new CryptoException(CryptoException.Kind.INVALID_CIPHERTEXT, "X25519 ciphertext must be 32 bytes");
        }
        return SecretBytes.wrap(agree(key.raw().array(), ciphertext, CryptoException.Kind.INVALID_CIPHERTEXT));
    }

    /** The X25519 public key of a 32-byte scalar (clamped internally, RFC 7748 §5). */
    static byte[] publicKeyOf(byte[] scalar) {
        byte[] pub = new byte[KEY_LENGTH];
        X25519.scalarMultBase(scalar, 0, pub, 0);
        return pub;
    }

    /**
     * X25519(scalar, point), rejecting an all-zero result (RFC 7748 §6.1). The failure is reported
     * as {@code kind}: a bad recipient key when encapsulating, a bad ciphertext when decapsulating.
     */
    static byte[] agree(byte[] scalar, byte[] point, CryptoException.Kind kind) throws CryptoException {
        byte[] out = new byte[KEY_LENGTH];
        if (!Curve25519.active().agree(scalar, point, out)) {
            throw new CryptoException(kind, "X25519 agreement is all-zero (low-order point)");
        }
        return out;
    }
}
