package sempgw.core.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * ChaCha20-Poly1305 (RFC 8439) on the JDK provider, the fastest here (PERF-ANCHORS.md). The JDK
 * refuses to re-initialise a cipher with the same key and nonce, so each operation takes a new
 * {@link Cipher}.
 */
public final class ChaCha20Poly1305 implements Aead {

    /** The one instance. */
    public static final ChaCha20Poly1305 INSTANCE = new ChaCha20Poly1305();

    private static final int KEY = 32;
    private static final int NONCE = 12;
    private static final int TAG = 16;

    private ChaCha20Poly1305() {
    }

    @Override
    public int keyLength() {
        return KEY;
    }

    @Override
    public int nonceLength() {
        return NONCE;
    }

    @Override
    public int tagLength() {
        return TAG;
    }

    @Override
    public byte[] seal(SecretBytes key, byte[] nonce, byte[] plaintext, byte[] aad) {
        if (nonce.length != NONCE) {
            throw new IllegalArgumentException("nonce must be 12 bytes");
        }
        try {
            Cipher c = init(Cipher.ENCRYPT_MODE, key, nonce);
            c.updateAAD(aad);
            return c.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 encryption failed", e);
        }
    }

    @Override
    public byte[] open(SecretBytes key, byte[] nonce, byte[] ciphertextAndTag, byte[] aad) throws CryptoException {
        if (nonce.length != NONCE) {
            throw new CryptoException(CryptoException.Kind.AUTHENTICATION_FAILED, "nonce must be 12 bytes");
        }
        return open(key, nonce, ciphertextAndTag, 0, ciphertextAndTag.length, aad);
    }

    @Override
    public byte[] sealWithRandomNonce(SecretBytes key, byte[] plaintext, byte[] aad, RandomSource random) {
        byte[] nonce = random.bytes(NONCE);
        byte[] out = new byte[NONCE + plaintext.length + TAG];
        System.arraycopy(nonce, 0, out, 0, NONCE);
        try {
            Cipher c = init(Cipher.ENCRYPT_MODE, key, nonce);
            c.updateAAD(aad);
            c.doFinal(plaintext, 0, plaintext.length, out, NONCE);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 encryption failed", e);
        }
    }

    @Override
    public byte[] openWithPrefixedNonce(SecretBytes key, byte[] data, byte[] aad) throws CryptoException {
        if (data.length < NONCE + TAG) {
            throw new CryptoException(CryptoException.Kind.AUTHENTICATION_FAILED, "ciphertext shorter than nonce and tag");
        }
        return open(key, data, data, NONCE, data.length - NONCE, aad);
    }

    /** Opens {@code in[off..off+len)} under the nonce in {@code nonceBuf[0..12)}. */
    private byte[] open(SecretBytes key, byte[] nonceBuf, byte[] in, int off, int len, byte[] aad)
            throws CryptoException {
        if (len < TAG) {
            throw new CryptoException(CryptoException.Kind.AUTHENTICATION_FAILED, "ciphertext shorter than the tag");
        }
        try {
            Cipher c = init(Cipher.DECRYPT_MODE, key, nonceBuf);
            c.updateAAD(aad);
            return c.doFinal(in, off, len);
        } catch (AEADBadTagException e) {
            throw new CryptoException(CryptoException.Kind.AUTHENTICATION_FAILED, "AEAD tag mismatch");
        } catch (GeneralSecurityException e) {
            throw new CryptoException(CryptoException.Kind.AUTHENTICATION_FAILED, "AEAD decryption failed", e);
        }
    }

    /** A new cipher for one operation; the nonce is {@code nonce[0..12)}. */
    private static Cipher init(int mode, SecretBytes key, byte[] nonce) throws GeneralSecurityException {
        if (key.length() != KEY) {
            throw new java.security.InvalidKeyException("ChaCha20-Poly1305 key must be 32 bytes");
        }
        Cipher c = Cipher.getInstance("ChaCha20-Poly1305");
        c.init(mode, new SecretKeySpec(key.array(), "ChaCha20"), new IvParameterSpec(nonce, 0, NONCE));
        return c;
    }
}
