package sempgw.core.crypto;

import java.util.Arrays;

/**
 * The {@code pq-kyber768-x25519} hybrid KEM with semp-go's layouts (SPEC-DIGEST-WIRE §1.2; the
 * spec defines none):
 * <pre>
 * public key  = x25519_pub(32) || kyber_pk(1184)        1216 B
 * private key = x25519_sk(32)  || kyber_sk(2400)        2432 B
 * ciphertext  = x25519_eph_pub(32) || kyber_ct(1088)    1120 B
 * shared      = kyber_ss(32) || x25519_ss(32)             64 B  (CONFORMANCE.md §6.2 order)
 * </pre>
 * Encapsulation draws 32 bytes for the X25519 ephemeral key, then the 32-byte Kyber seed, in
 * semp-go's order. The responder encapsulates to the initiator's key (go's roles; SESSION.md §4.1
 * has them the other way round, which the message order cannot support).
 */
public final class HybridKem implements Kem {

    /** The one instance. */
    public static final HybridKem INSTANCE = new HybridKem();

    private static final int X = X25519Kem.KEY_LENGTH;

    private HybridKem() {
    }

    @Override
    public SuiteId suite() {
        return SuiteId.PQ_KYBER768_X25519;
    }

    @Override
    public int publicKeyLength() {
        return X + Kyber768Round3.PUBLIC_KEY_LENGTH;
    }

    @Override
    public int ciphertextLength() {
        return X + Kyber768Round3.CIPHERTEXT_LENGTH;
    }

    @Override
    public int sharedSecretLength() {
        return 64;
    }

    @Override
    public KemPrivateKey generate(RandomSource random) {
        Curve25519.KeyPair x = Curve25519.active().generate(random);
        byte[][] kyber = Kyber768Round3.generate(random);
        byte[] raw = concat(x.scalar().array(), kyber[1]);
        byte[] pub = concat(x.publicKey(), kyber[0]);
        x.scalar().destroy();
        Arrays.fill(kyber[1], (byte) 0);
        try {
            return new KemPrivateKey(this, SecretBytes.wrap(raw), pub, Kyber768Round3.privateKey(Arrays.copyOfRange(raw, X, raw.length)));
        } catch (CryptoException e) {
            throw new IllegalStateException("generated ML-KEM key is inconsistent", e);
        }
    }

    @Override
    public KemPrivateKey importPrivateKey(byte[] raw) throws CryptoException {
        if (raw.length != X + Kyber768Round3.SECRET_KEY_LENGTH) {
            throw new CryptoException(CryptoException.Kind.INVALID_KEY, "hybrid private key must be 2432 bytes");
        }
        byte[] xsk = Arrays.copyOfRange(raw, 0, X);
        byte[] ksk = Arrays.copyOfRange(raw, X, raw.length);
        try {
            Object d = Kyber768Round3.privateKey(ksk);
            byte[] pub = concat(X25519Kem.publicKeyOf(xsk), Kyber768Round3.publicKeyOf(ksk));
            return new KemPrivateKey(this, SecretBytes.copyOf(raw), pub, d);
        } finally {
            Arrays.fill(xsk, (byte) 0);
            Arrays.fill(ksk, (byte) 0);
        }
    }

    @Override
    public KemEncapsulation encapsulate(byte[] recipientPublicKey, RandomSource random) throws CryptoException {
        if (recipientPublicKey.length != publicKeyLength()) {
            throw new CryptoException(CryptoException.Kind.INVALID_KEY, "hybrid public key must be 1216 bytes");
        }
        byte[] kpk = Arrays.copyOfRange(recipientPublicKey, X, recipientPublicKey.length);
        Curve25519.KeyPair eph = Curve25519.active().generate(random);
        byte[] seed = random.bytes(Kyber768Round3.SEED_LENGTH);
        byte[] xss = null;
        byte[][] k = null;
        try {
            xss = X25519Kem.agree(eph.scalar().array(), recipientPublicKey, CryptoException.Kind.INVALID_KEY); // first 32 bytes
            k = Kyber768Round3.encapsulate(kpk, seed);
            byte[] ct = concat(eph.publicKey(), k[0]);
            return new KemEncapsulation(ct, SecretBytes.wrap(concat(k[1], xss)));
        } finally {
            eph.scalar().destroy();
            Arrays.fill(seed, (byte) 0);
            if (xss != null) {
                Arrays.fill(xss, (byte) 0);
            }
            if (k != null) {
                Arrays.fill(k[1], (byte) 0);
            }
        }
    }

    @Override
    public SecretBytes decapsulate(KemPrivateKey key, byte[] ciphertext) throws CryptoException {
        if (key.kem() != this) {
            throw new CryptoException(CryptoException.Kind.INVALID_KEY, "key belongs to another KEM");
        }
        if (ciphertext.length != ciphertextLength()) {
            throw new CryptoException(CryptoException.Kind.INVALID_CIPHERTEXT, "hybrid ciphertext must be 1120 bytes");
        }
        byte[] raw = key.raw().array();
        byte[] xss = null;
        byte[] kss = null;
        try {
            xss = X25519Kem.agree(raw, ciphertext, CryptoException.Kind.INVALID_CIPHERTEXT); // first 32 bytes of each
            kss = Kyber768Round3.decapsulate(key.prepared(), Arrays.copyOfRange(ciphertext, X, ciphertext.length));
            return SecretBytes.wrap(concat(kss, xss));
        } finally {
            if (xss != null) {
                Arrays.fill(xss, (byte) 0);
            }
            if (kss != null) {
                Arrays.fill(kss, (byte) 0);
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
