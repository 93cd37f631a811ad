package sempgw.store.queue;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM (NIST SP 800-38D; RFC 5116 §5.2) over the segments and records of one queue file,
 * under that file's own key ({@link FileKeys}).
 *
 * <p>Streams (content, envelope) are cut into segments of {@link #SEGMENT} plaintext octets.
 * Segment {@code i} of stream {@code s} uses nonce {@code s || 0x000000 || i} (big-endian) and
 * associated data {@code headerPrefix || s || i || last}, where {@code last} is 1 only for the
 * final segment: dropping, reordering or moving segments, and cutting a stream at a segment
 * boundary, all fail authentication. Status records use nonce {@code 2 || 11 random octets}
 * (a record may be rewritten after a torn write, so a counter could repeat) and associated data
 * {@code headerPrefix || 2 || sequence || 1}.
 *
 * <p>Not thread-safe: one instance per stream or record operation. Each call borrows a JCE
 * {@code Cipher} from a shared pool and re-initialises it fully, so instances may interleave.
 */
final class SegmentCipher {
    static final int SEGMENT = 64 * 1024;
    static final int TAG = 16;
    static final int NONCE = 12;
    static final int CONTENT = 0;
    static final int ENVELOPE = 1;
    static final int STATUS = 2;
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * Idle AES-GCM {@code Cipher}s: {@code Cipher.getInstance} costs more than sealing a 5 KB
     * segment, and sessions run on virtual threads (one per connection), so a per-thread cache
     * would hold one instance per message. Each call takes one, fully re-initialises it with its
     * own key and nonce, and gives it back. A returned instance keeps the key schedule of the file
     * it last served, like the per-file {@code SecretKeySpec}s the JCE cannot wipe either.
     */
    private static final Queue<Cipher> IDLE = new ConcurrentLinkedQueue<>();
    private static final int MAX_IDLE = 64;
    private static final AtomicInteger IDLE_COUNT = new AtomicInteger();

    private final SecretKeySpec key;
    private final byte[] aad;
    private final int prefixLength;
    private final byte[] nonce = new byte[NONCE];

    SegmentCipher(SecretKeySpec key, byte[] headerPrefix) {
        this.key = key;
        this.prefixLength = headerPrefix.length;
        this.aad = new byte[prefixLength + 1 + Long.BYTES + 1];
        System.arraycopy(headerPrefix, 0, aad, 0, prefixLength);
    }

    /** Encrypts one segment into {@code out} (at 0); returns the ciphertext length ({@code length + TAG}). */
    int seal(int stream, long index, boolean last, byte[] in, int offset, int length, byte[] out) {
        Cipher cipher = borrow();
        segmentNonce(stream, index);
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG * 8, nonce));
            cipher.updateAAD(associatedData(stream, index, last));
            return cipher.doFinal(in, offset, length, out, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        } finally {
            giveBack(cipher);
        }
    }

    /** Decrypts one segment into {@code out} (at 0); returns the plaintext length. */
    int open(int stream, long index, boolean last, byte[] in, int length, byte[] out) throws CorruptEntryException {
        Cipher cipher = borrow();
        segmentNonce(stream, index);
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG * 8, nonce));
            cipher.updateAAD(associatedData(stream, index, last));
            return cipher.doFinal(in, 0, length, out, 0);
        } catch (AEADBadTagException e) {
            throw new CorruptEntryException(streamName(stream) + " segment " + index + " failed authentication");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        } finally {
            giveBack(cipher);
        }
    }

    /** Encrypts one status record: returns {@code nonce || ciphertext}. */
    byte[] sealRecord(long sequence, byte[] plaintext) {
        Cipher cipher = borrow();
        RANDOM.nextBytes(nonce);
        nonce[0] = STATUS;
        byte[] out = new byte[NONCE + plaintext.length + TAG];
        System.arraycopy(nonce, 0, out, 0, NONCE);
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG * 8, nonce));
            cipher.updateAAD(associatedData(STATUS, sequence, true));
            cipher.doFinal(plaintext, 0, plaintext.length, out, NONCE);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        } finally {
            giveBack(cipher);
        }
    }

    /** Decrypts {@code nonce || ciphertext} of one status record. */
    byte[] openRecord(long sequence, byte[] in) throws CorruptEntryException {
        if (in.length < NONCE + TAG || in[0] != STATUS) {
            throw new CorruptEntryException("status record " + sequence + " is malformed");
        }
        Cipher cipher = borrow();
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG * 8, in, 0, NONCE));
            cipher.updateAAD(associatedData(STATUS, sequence, true));
            return cipher.doFinal(in, NONCE, in.length - NONCE);
        } catch (AEADBadTagException e) {
            throw new CorruptEntryException("status record " + sequence + " failed authentication");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        } finally {
            giveBack(cipher);
        }
    }

    private static Cipher borrow() {
        Cipher idle = IDLE.poll();
        if (idle != null) {
            IDLE_COUNT.decrementAndGet();
            return idle;
        }
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM unavailable", e);
        }
    }

    private static void giveBack(Cipher cipher) {
        if (IDLE_COUNT.incrementAndGet() <= MAX_IDLE) {
            IDLE.offer(cipher);
        } else {
            IDLE_COUNT.decrementAndGet();
        }
    }

    private void segmentNonce(int stream, long index) {
        ByteBuffer.wrap(nonce).put((byte) stream).put((byte) 0).put((byte) 0).put((byte) 0).putLong(index);
    }

    private byte[] associatedData(int stream, long index, boolean last) {
        ByteBuffer.wrap(aad, prefixLength, aad.length - prefixLength)
                .put((byte) stream).putLong(index).put((byte) (last ? 1 : 0));
        return aad;
    }

    private static String streamName(int stream) {
        return stream == CONTENT ? "content" : stream == ENVELOPE ? "envelope" : "stream " + stream;
    }
}
