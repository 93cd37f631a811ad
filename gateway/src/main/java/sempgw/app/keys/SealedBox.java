package sempgw.app.keys;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import sempgw.core.crypto.HkdfSha512;
import sempgw.core.crypto.InsecureSecretAccess;
import sempgw.core.crypto.SecretBytes;

/**
 * The at-rest format of the domain key file, version 1:
 * <pre>
 * magic "SEMPGW-DK" (9) | version 0x01 | salt (32) | nonce (12) | AES-256-GCM(subkey, nonce, plaintext, aad) with 16-byte tag
 * subkey = HKDF-SHA-512(salt, key file, info "sempgw domain keys v1", 32)   (RFC 5869)
 * aad    = every octet before the ciphertext
 * </pre>
 * A fresh salt per write gives every file its own subkey, so the random 96-bit nonce is never
 * reused under one key (NIST SP 800-38D §8.2.2). Any change to header or ciphertext fails
 * authentication. The version octet leaves room for another format or key rotation later.
 */
final class SealedBox {
    static final int VERSION = 1;
    private static final byte[] MAGIC = "SEMPGW-DK".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INFO = "sempgw domain keys v1".getBytes(StandardCharsets.US_ASCII);
    private static final int SALT = 32;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final int HEADER = MAGIC.length + 1 + SALT + NONCE;

    private SealedBox() {
    }

    static byte[] seal(byte[] plaintext, SecretBytes key, SecureRandom random) throws IOException {
        byte[] header = new byte[HEADER];
        System.arraycopy(MAGIC, 0, header, 0, MAGIC.length);
        header[MAGIC.length] = VERSION;
        byte[] saltAndNonce = new byte[SALT + NONCE];
        random.nextBytes(saltAndNonce);
        System.arraycopy(saltAndNonce, 0, header, MAGIC.length + 1, saltAndNonce.length);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, key, header, plaintext);
        return ByteBuffer.allocate(HEADER + sealed.length).put(header).put(sealed).array();
    }

    /**
     * @throws IOException naming {@code what} if the format is unknown or authentication fails
     *     (the file was altered, or was written under another key file)
     */
    static byte[] open(byte[] file, SecretBytes key, String what) throws IOException {
        if (file.length < HEADER + TAG_BITS / 8 || !Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IOException(what + " is not a domain key file (wrong header)");
        }
        int version = file[MAGIC.length] & 0xFF;
        if (version != VERSION) {
            throw new IOException(what + " has format version " + version + "; this gateway reads version " + VERSION);
        }
        byte[] header = Arrays.copyOf(file, HEADER);
        try {
            return cipher(Cipher.DECRYPT_MODE, key, header, Arrays.copyOfRange(file, HEADER, file.length));
        } catch (AuthenticationFailed e) {
            throw new IOException(what + " fails authentication: it was altered or damaged, or was written under another semp.key_file", e);
        }
    }

    private static byte[] cipher(int mode, SecretBytes key, byte[] header, byte[] input) throws IOException {
        byte[] salt = Arrays.copyOfRange(header, MAGIC.length + 1, MAGIC.length + 1 + SALT);
        SecretBytes subkey = HkdfSha512.INSTANCE.derive(salt, key, INFO, 32);
        byte[] raw = subkey.toByteArray(InsecureSecretAccess.get());
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, new SecretKeySpec(raw, "AES"), new GCMParameterSpec(TAG_BITS, header, MAGIC.length + 1 + SALT, NONCE));
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
