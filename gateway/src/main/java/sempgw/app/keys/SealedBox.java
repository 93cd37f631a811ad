package sempgw.app.keys;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import sempgw.core.crypto.HkdfSha512;
import sempgw.core.crypto.InsecureSecretAccess;
import sempgw.core.crypto.SecretBytes;

/**
 * The at-rest format of private key files, version 1:
 * <pre>
 * magic (9) | version 0x01 | salt (32) | nonce (12) | AES-256-GCM(subkey, nonce, plaintext, aad) with 16-byte tag
 * subkey = HKDF-SHA-512(salt, key file, info, 32)   (RFC 5869)
 * aad    = every octet before the ciphertext
 * </pre>
 * Each {@link Format} has its own magic and HKDF info: the domain key file ({@code SEMPGW-DK},
 * {@code "sempgw domain keys v1"}) and the mailbox agent's files (their own format, under their
 * own key). A fresh salt per write gives every file its own subkey, so the random 96-bit nonce
 * is never reused under one key (NIST SP 800-38D §8.2.2). Any change to header or ciphertext
 * fails authentication. The version octet leaves room for another format or key rotation later.
 */
public final class SealedBox {
    static final int VERSION = 1;
    static final Format DOMAIN_KEYS = new Format("SEMPGW-DK", "sempgw domain keys v1", "domain key file", "semp.key_file");
    private static final int MAGIC = 9;
    private static final int SALT = 32;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final int HEADER = MAGIC + 1 + SALT + NONCE;

    /**
     * One kind of sealed file.
     *
     * @param magic 9 ASCII characters opening the file
     * @param info the HKDF info, separating the subkeys of different kinds of file
     * @param contents what such a file is, for errors ("domain key file")
     * @param keyName the key it is sealed under, for errors ("semp.key_file")
     */
    public record Format(String magic, String info, String contents, String keyName) {
        public Format {
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(contents, "contents");
            Objects.requireNonNull(keyName, "keyName");
            if (magic.length() != MAGIC || !StandardCharsets.US_ASCII.newEncoder().canEncode(magic)) {
                throw new IllegalArgumentException("a sealed-file magic is " + MAGIC + " ASCII characters");
            }
        }

        private byte[] magicBytes() {
            return magic.getBytes(StandardCharsets.US_ASCII);
        }
    }

    private SealedBox() {
    }

    static byte[] seal(byte[] plaintext, SecretBytes key, SecureRandom random) throws IOException {
        return seal(DOMAIN_KEYS, plaintext, key, random);
    }

    static byte[] open(byte[] file, SecretBytes key, String what) throws IOException {
        return open(DOMAIN_KEYS, file, key, what);
    }

    /** Seals {@code plaintext} as a file of {@code format} under {@code key}. */
    public static byte[] seal(Format format, byte[] plaintext, SecretBytes key, SecureRandom random) throws IOException {
        byte[] header = new byte[HEADER];
        System.arraycopy(format.magicBytes(), 0, header, 0, MAGIC);
        header[MAGIC] = VERSION;
        byte[] saltAndNonce = new byte[SALT + NONCE];
        random.nextBytes(saltAndNonce);
        System.arraycopy(saltAndNonce, 0, header, MAGIC + 1, saltAndNonce.length);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, format, key, header, plaintext);
        return ByteBuffer.allocate(HEADER + sealed.length).put(header).put(sealed).array();
    }

    /**
     * The plaintext of a file of {@code format}; the caller zeroes it after use.
     *
     * @throws IOException naming {@code what} if the format is unknown or authentication fails
     *     (the file was altered, or was written under another key file)
     */
    public static byte[] open(Format format, byte[] file, SecretBytes key, String what) throws IOException {
        if (file.length < HEADER + TAG_BITS / 8 || !Arrays.equals(file, 0, MAGIC, format.magicBytes(), 0, MAGIC)) {
            throw new IOException(what + " is not a " + format.contents() + " (wrong header)");
        }
        int version = file[MAGIC] & 0xFF;
        if (version != VERSION) {
            throw new IOException(what + " has format version " + version + "; this gateway reads version " + VERSION);
        }
        byte[] header = Arrays.copyOf(file, HEADER);
        try {
            return cipher(Cipher.DECRYPT_MODE, format, key, header, Arrays.copyOfRange(file, HEADER, file.length));
        } catch (AuthenticationFailed e) {
            throw new IOException(what + " fails authentication: it was altered or damaged, or was written under another " + format.keyName(), e);
        }
    }

    private static byte[] cipher(int mode, Format format, SecretBytes key, byte[] header, byte[] input) throws IOException {
        byte[] salt = Arrays.copyOfRange(header, MAGIC + 1, MAGIC + 1 + SALT);
        SecretBytes subkey = HkdfSha512.INSTANCE.derive(salt, key, format.info().getBytes(StandardCharsets.US_ASCII), 32);
        byte[] raw = subkey.toByteArray(InsecureSecretAccess.get());
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, new SecretKeySpec(raw, "AES"), new GCMParameterSpec(TAG_BITS, header, MAGIC + 1 + SALT, NONCE));
            c.updateAAD(header);
            return c.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new AuthenticationFailed(e);
        } catch (GeneralSecurityException e) {
            throw new IOException("AES-256-GCM is unavailable: " + e, e);
        } finally {
            Arrays.fill(raw, (byte) 0);
            subkey.destroy();
        }
    }

    /** The tag did not verify. */
    private static final class AuthenticationFailed extends IOException {
        AuthenticationFailed(Throwable cause) {
            super(cause);
        }
    }
}
