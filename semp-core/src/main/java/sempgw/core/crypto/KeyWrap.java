package sempgw.core.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Wraps a symmetric key ({@code K_brief}, {@code K_enclosure}) for one recipient public key, in
 * semp-go's construction (SPEC-DIGEST-WIRE §3.2; ENVELOPE.md §4.4 fixes only "suite KEM" and
 * "associated data = recipient public key"):
 * <pre>
 * (ss, kemCT) = KEM.Encapsulate(recipientPub)
 * PRK     = HKDF-Extract-SHA512(salt = kemCT || recipientPub, IKM = ss)
 * wrapKey = HKDF-Expand-SHA512(PRK, "SEMP-v1-wrap", 32)
 * entry   = kemCT || ChaCha20-Poly1305(wrapKey, nonce = 0^12, K, aad = recipientPub)
 * </pre>
 * The all-zero nonce is safe because every wrap key is fresh. A wrapped 32-byte key is 80 bytes
 * (baseline) or 1168 bytes (hybrid).
 *
 * <pre>{@code
 * byte[] entry = KeyWrap.wrap(suite.kem(), recipientPublicKey, kBrief, random);
 * SecretBytes k = KeyWrap.unwrap(recipientPrivateKey, entry);
 * }</pre>
 */
public final class KeyWrap {
    private static final byte[] LABEL = "SEMP-v1-wrap".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZERO_NONCE = new byte[12];

    private KeyWrap() {
    }

    /** The length of a wrapped key of {@code keyLength} bytes under {@code kem}. */
    public static int wrappedLength(Kem kem, int keyLength) {
        return kem.ciphertextLength() + keyLength + ChaCha20Poly1305.INSTANCE.tagLength();
    }

    /**
     * Wraps {@code key} for {@code recipientPublicKey}.
     *
     * @throws CryptoException INVALID_KEY for a public key the KEM cannot use
     */
    public static byte[] wrap(Kem kem, byte[] recipientPublicKey, SecretBytes key, RandomSource random) throws CryptoException {
        KemEncapsulation e = kem.encapsulate(recipientPublicKey, random);
        SecretBytes wrapKey = wrapKey(e.sharedSecret(), e.ciphertext(), recipientPublicKey);
        try {
            byte[] ct = ChaCha20Poly1305.INSTANCE.seal(wrapKey, ZERO_NONCE, key.array(), recipientPublicKey);
            byte[] out = Arrays.copyOf(e.ciphertext(), e.ciphertext().length + ct.length);
            System.arraycopy(ct, 0, out, e.ciphertext().length, ct.length);
            return out;
        } finally {
            wrapKey.destroy();
            e.sharedSecret().destroy();
        }
    }

    /**
     * Unwraps an entry made for {@code recipient}'s public key. The KEM is the key's own; the entry
     * is split at {@code length - 48} for a 32-byte key.
     *
     * @throws CryptoException INVALID_CIPHERTEXT for an entry of the wrong shape,
     *     AUTHENTICATION_FAILED when it was not made for this key
     */
    public static SecretBytes unwrap(KemPrivateKey recipient, byte[] entry) throws CryptoException {
        Kem kem = recipient.kem();
        int ctLen = kem.ciphertextLength();
        int tag = ChaCha20Poly1305.INSTANCE.tagLength();
        if (entry.length <= ctLen + tag) {
            throw new CryptoException(CryptoException.Kind.INVALID_CIPHERTEXT, "wrapped key too short for " + kem.suite());
        }
        byte[] kemCt = Arrays.copyOf(entry, ctLen);
        SecretBytes ss = kem.decapsulate(recipient, kemCt);
        byte[] pub = recipient.publicKeyRef();
        SecretBytes wrapKey = wrapKey(ss, kemCt, pub);
        try {
            byte[] k = ChaCha20Poly1305.INSTANCE.open(wrapKey, ZERO_NONCE, Arrays.copyOfRange(entry, ctLen, entry.length), pub);
            return SecretBytes.wrap(k);
        } finally {
            wrapKey.destroy();
            ss.destroy();
        }
    }

    private static SecretBytes wrapKey(SecretBytes ss, byte[] kemCt, byte[] recipientPub) {
        byte[] salt = Arrays.copyOf(kemCt, kemCt.length + recipientPub.length);
        System.arraycopy(recipientPub, 0, salt, kemCt.length, recipientPub.length);
        return HkdfSha512.INSTANCE.derive(salt, ss, LABEL, 32);
    }
}
