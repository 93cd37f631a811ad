package sempgw.core.crypto;

import java.security.GeneralSecurityException;
import java.security.Provider;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * ChaCha20-Poly1305 (RFC 8439) in BoringSSL ({@link BoringSsl}) when it loads and seals a fixed
 * input to the same bytes as the JDK, else in the JDK. On this machine class BoringSSL is 5-6x
 * the JDK for 8-32 KiB (the JDK's Poly1305 intrinsic needs AVX-512; docs/benchmarks.md). The JDK
 * refuses to re-initialise a cipher with the same key and nonce, so each operation takes a new
 * {@link Cipher}, in both providers.
 */
public final class ChaCha20Poly1305 implements Aead {

    /** The one instance. */
    public static final ChaCha20Poly1305 INSTANCE = new ChaCha20Poly1305();

    private static final int KEY = 32;
    private static final int NONCE = 12;
    private static final int TAG = 16;

    /** BoringSSL's provider, or null for the JDK's. */
    private static final Provider NATIVE = BoringSsl.provider().filter(ChaCha20Poly1305::agreesWithJdk).orElse(null);

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
        Cipher c = newCipher(NATIVE);
        c.init(mode, new SecretKeySpec(key.array(), "ChaCha20"), new IvParameterSpec(nonce, 0, NONCE));
        return c;
    }

    private static Cipher newCipher(Provider provider) throws GeneralSecurityException {
        return provider == null ? Cipher.getInstance("ChaCha20-Poly1305") : Cipher.getInstance("ChaCha20/Poly1305/NoPadding", provider);
    }

    /** Which code runs the AEAD, for the operator's log. */
    static String implementation() {
        return NATIVE == null ? "the JDK" : BoringSsl.name();
    }

    /**
     * The known-answer check of a native provider: it seals a fixed input to the JDK's bytes and
     * opens them, and refuses them with one bit flipped.
     */
    static boolean agreesWithJdk(Provider provider) {
        byte[] key = new byte[KEY];
        byte[] nonce = new byte[NONCE];
        byte[] aad = new byte[7];
        byte[] plaintext = new byte[1000];
        for (int i = 0; i < plaintext.length; i++) {
            plaintext[i] = (byte) (i * 31 + 7);
            key[i % KEY] ^= (byte) i;
            nonce[i % NONCE] += (byte) i;
        }
        try {
            byte[] expected = seal(null, key, nonce, aad, plaintext);
            if (!java.util.Arrays.equals(seal(provider, key, nonce, aad, plaintext), expected)
                    || !java.util.Arrays.equals(crypt(provider, Cipher.DECRYPT_MODE, key, nonce, aad, expected), plaintext)) {
                return false;
            }
            expected[3] ^= 1;
            try {
                crypt(provider, Cipher.DECRYPT_MODE, key, nonce, aad, expected);
                return false;
            } catch (AEADBadTagException e) {
                return true;
            }
        } catch (GeneralSecurityException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** One seal with {@code provider} (null: the JDK's). */
    static byte[] seal(Provider provider, byte[] key, byte[] nonce, byte[] aad, byte[] plaintext)
            throws GeneralSecurityException {
        return crypt(provider, Cipher.ENCRYPT_MODE, key, nonce, aad, plaintext);
    }

    private static byte[] crypt(Provider provider, int mode, byte[] key, byte[] nonce, byte[] aad, byte[] input)
            throws GeneralSecurityException {
        Cipher c = newCipher(provider);
        c.init(mode, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
        c.updateAAD(aad);
        return c.doFinal(input);
    }
}
