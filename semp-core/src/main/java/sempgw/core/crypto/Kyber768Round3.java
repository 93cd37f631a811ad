package sempgw.core.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;

/**
 * CRYSTALS-Kyber768 as submitted to NIST round 3, the variant semp-go speaks, rebuilt on FIPS 203
 * ML-KEM-768 (SPEC-DIGEST-WIRE §1.2; docs/interop.md "Kyber768 variant"):
 * <pre>
 * encapsulate(pk, seed): m = SHA3-256(seed); (K, c) = ML-KEM.Encaps_internal(pk, m); ss = SHAKE256(K || SHA3-256(c))[0..32)
 * decapsulate(sk, c):    ss = SHAKE256(ML-KEM.Decaps(sk, c) || SHA3-256(c))[0..32)
 * </pre>
 * Keys and ciphertexts have the same layout in both; only implicit rejection of an invalid
 * ciphertext differs, and there both sides fail anyway.
 *
 * <p>ML-KEM is {@link MlKem768#active()}: the JDK's where the VM has its vector intrinsics,
 * else BouncyCastle's; key generation is BouncyCastle's, from raw seeds.
 */
final class Kyber768Round3 {
    static final int PUBLIC_KEY_LENGTH = 1184;
    static final int SECRET_KEY_LENGTH = 2400;
    static final int CIPHERTEXT_LENGTH = 1088;
    static final int SHARED_SECRET_LENGTH = 32;
    static final int SEED_LENGTH = 32;

    private static final MLKEMParameters PARAMS = MLKEMParameters.ml_kem_768;
    /** Offsets in the FIPS 203 decapsulation key {@code dk_pke(1152) || ek(1184) || H(ek)(32) || z(32)}. */
    private static final int EK_OFFSET = 1152;
    private static final int HEK_OFFSET = EK_OFFSET + PUBLIC_KEY_LENGTH;
    private static final int Q = 3329;

    private Kyber768Round3() {
    }

    /** A fresh key pair as {raw pk (1184), raw sk (2400)} from 64 bytes of {@code random} (d || z). */
    static byte[][] generate(RandomSource random) {
        byte[] seed = random.bytes(64);
        MLKEMPrivateKeyParameters k = new MLKEMPrivateKeyParameters(PARAMS, seed);
        Arrays.fill(seed, (byte) 0);
        byte[] sk = k.withPreferredFormat(MLKEMPrivateKeyParameters.EXPANDED_KEY).getEncoded();
        byte[] pk = k.getPublicKey();
        k.destroy();
        return new byte[][] {pk, sk};
    }

    /**
     * The provider key of a raw 2400-byte secret key, to keep beside the key. Checks the embedded
     * hash of the public key (FIPS 203 §7.3).
     */
    static Object privateKey(byte[] rawSk) throws CryptoException {
        if (rawSk.length != SECRET_KEY_LENGTH) {
            throw new CryptoException(CryptoException.Kind.INVALID_KEY, "Kyber768 secret key must be 2400 bytes");
        }
        byte[] h = Digests.sha3_256(Arrays.copyOfRange(rawSk, EK_OFFSET, HEK_OFFSET));
        if (!MessageDigest.isEqual(h, Arrays.copyOfRange(rawSk, HEK_OFFSET, HEK_OFFSET + 32))) {
            throw new CryptoException(CryptoException.Kind.INVALID_KEY, "Kyber768 secret key is inconsistent");
        }
        return MlKem768.active().prepare(rawSk);
    }

    /** The raw public key embedded in a raw secret key. */
    static byte[] publicKeyOf(byte[] rawSk) {
        return Arrays.copyOfRange(rawSk, EK_OFFSET, HEK_OFFSET);
    }

    /**
     * Round-3 encapsulation with an explicit 32-byte seed, after the encapsulation key check of
     * FIPS 203 §7.2 (every coefficient below q).
     *
     * @return {ciphertext (1088), shared secret (32)}
     */
    static byte[][] encapsulate(byte[] rawPk, byte[] seed) throws CryptoException {
        if (rawPk.length != PUBLIC_KEY_LENGTH || !coefficientsInRange(rawPk)) {
            throw new CryptoException(CryptoException.Kind.INVALID_KEY, "invalid Kyber768 public key");
        }
        byte[] m = Digests.sha3_256(seed);
        try {
            byte[][] ck = MlKem768.active().encapsulate(rawPk, m);
            byte[] ss = round3SharedSecret(ck[1], ck[0]);
            Arrays.fill(ck[1], (byte) 0);
            return new byte[][] {ck[0], ss};
        } finally {
            Arrays.fill(m, (byte) 0);
        }
    }

    /** Round-3 decapsulation with a key from {@link #privateKey}. */
    static byte[] decapsulate(Object sk, byte[] ciphertext) throws CryptoException {
        if (ciphertext.length != CIPHERTEXT_LENGTH) {
            throw new CryptoException(CryptoException.Kind.INVALID_CIPHERTEXT, "Kyber768 ciphertext must be 1088 bytes");
        }
        byte[] k = MlKem768.active().decapsulate(sk, ciphertext);
        byte[] ss = round3SharedSecret(k, ciphertext);
        Arrays.fill(k, (byte) 0);
        return ss;
    }

    /** ss = SHAKE256(K || SHA3-256(c))[0..32), the round-3 key derivation step. */
    static byte[] round3SharedSecret(byte[] k, byte[] c) {
        return Digests.shake256(SHARED_SECRET_LENGTH, k, Digests.sha3_256(c));
    }

    /** FIPS 203 §7.2 modulus check: ByteDecode12 of the 1152-byte vector gives values below q only. */
    private static boolean coefficientsInRange(byte[] pk) {
        for (int i = 0; i < EK_OFFSET; i += 3) {
            int b0 = pk[i] & 0xFF;
            int b1 = pk[i + 1] & 0xFF;
            int b2 = pk[i + 2] & 0xFF;
            if ((b0 | (b1 & 0x0F) << 8) >= Q || (b1 >> 4 | b2 << 4) >= Q) {
                return false;
            }
        }
        return true;
    }
}
