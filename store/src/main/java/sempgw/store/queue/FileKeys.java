package sempgw.store.queue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives one AES-256 key per queue file from the queue key, so that nonces only need to be
 * unique within a file: HKDF-Expand (RFC 5869 §2.3) with the queue key as the pseudorandom key
 * (it is already uniformly random, RFC 5869 §3.3) and
 * {@code info = "sempgw-queue-file-v1" || salt || queue id}. The random per-file salt keeps keys
 * distinct even if a queue id repeats; the id binds a file to its name.
 *
 * <p>Holds no raw key bytes: only the keyed HMAC state inside the JCE, which the JDK offers no
 * way to wipe, and each derived file key is zeroed once its cipher key is built. Also derives
 * the 8-octet key id written into every file header and the {@code keycheck}
 * file, so a queue opened with the wrong key is refused instead of being quarantined.
 */
final class FileKeys {
    private static final byte[] FILE_LABEL = "sempgw-queue-file-v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEY_ID_LABEL = "sempgw-queue-key-id-v1".getBytes(StandardCharsets.US_ASCII);

    /** Keyed once; each derivation works on a clone (much cheaper than a fresh {@code Mac}). */
    private final Mac keyedHmac;
    private final byte[] keyId;

    /** Keys the HMAC from {@code queueKey}; keeps no copy of the key bytes, so the caller may close its key right away. */
    FileKeys(QueueKey queueKey) {
        try {
            this.keyedHmac = Mac.getInstance("HmacSHA256");
            keyedHmac.init(new SecretKeySpec(queueKey.bytes(), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
        byte[] full = expand(KEY_ID_LABEL);
        this.keyId = Arrays.copyOf(full, QueueFileHeader.KEY_ID_LENGTH);
        Arrays.fill(full, (byte) 0);
    }

    byte[] keyId() {
        return keyId.clone();
    }

    /** The cipher for one file, identified by its header prefix (which carries the salt). */
    SegmentCipher cipherFor(QueueId id, QueueFileHeader header) {
        byte[] idBytes = id.value().getBytes(StandardCharsets.US_ASCII);
        byte[] info = new byte[FILE_LABEL.length + QueueFileHeader.SALT_LENGTH + idBytes.length];
        System.arraycopy(FILE_LABEL, 0, info, 0, FILE_LABEL.length);
        System.arraycopy(header.salt(), 0, info, FILE_LABEL.length, QueueFileHeader.SALT_LENGTH);
        System.arraycopy(idBytes, 0, info, FILE_LABEL.length + QueueFileHeader.SALT_LENGTH, idBytes.length);
        byte[] fileKey = expand(info);
        try {
            return new SegmentCipher(new SecretKeySpec(fileKey, "AES"), header.authenticatedPrefix());
        } finally {
            Arrays.fill(fileKey, (byte) 0);
        }
    }

    /** HKDF-Expand with L = 32: T(1) = HMAC-SHA256(PRK, info || 0x01) (RFC 5869 §2.3). */
    private byte[] expand(byte[] info) {
        Mac mac;
        synchronized (keyedHmac) {
            try {
                mac = (Mac) keyedHmac.clone();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("HmacSHA256 cannot be cloned", e);
            }
        }
        mac.update(info);
        mac.update((byte) 1);
        return mac.doFinal();
    }
}
