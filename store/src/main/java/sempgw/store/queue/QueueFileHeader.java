package sempgw.store.queue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The fixed 64-octet plaintext header of a queue file: {@code "SGWQ"}, version 1, three zero
 * octets, the 8-octet key id, a 32-octet random salt, then the ciphertext lengths of the
 * content stream and the envelope stream (8 octets each, big-endian). The first 48 octets are
 * associated data of every segment and record; the two lengths are checked implicitly, since a
 * changed length moves segment boundaries and the final-segment flag.
 */
record QueueFileHeader(byte[] keyId, byte[] salt, long contentLength, long envelopeLength) {
    static final int LENGTH = 64;
    static final int KEY_ID_LENGTH = 8;
    static final int SALT_LENGTH = 32;
    static final int PREFIX_LENGTH = 48;
    private static final byte[] MAGIC = "SGWQ".getBytes(StandardCharsets.US_ASCII);
    private static final byte VERSION = 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    QueueFileHeader {
        keyId = keyId.clone();
        salt = salt.clone();
    }

    /** A header for a new file: fresh salt, lengths still unknown. */
    static QueueFileHeader fresh(byte[] keyId) {
        byte[] salt = new byte[SALT_LENGTH];
        RANDOM.nextBytes(salt);
        return new QueueFileHeader(keyId, salt, 0, 0);
    }

    QueueFileHeader withLengths(long content, long envelope) {
        return new QueueFileHeader(keyId, salt, content, envelope);
    }

    long envelopeOffset() {
        return LENGTH + contentLength;
    }

    long recordsOffset() {
        return LENGTH + contentLength + envelopeLength;
    }

    byte[] authenticatedPrefix() {
        return Arrays.copyOf(encode(), PREFIX_LENGTH);
    }

    byte[] encode() {
        return ByteBuffer.allocate(LENGTH).put(MAGIC).put(VERSION).put(new byte[3]).put(keyId).put(salt)
                .putLong(contentLength).putLong(envelopeLength).array();
    }

    static QueueFileHeader decode(byte[] raw) throws CorruptEntryException {
        if (raw.length != LENGTH || !Arrays.equals(raw, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new CorruptEntryException("not a queue file (bad magic)");
        }
        if (raw[4] != VERSION || raw[5] != 0 || raw[6] != 0 || raw[7] != 0) {
            throw new CorruptEntryException("unsupported queue file version " + raw[4]);
        }
        ByteBuffer in = ByteBuffer.wrap(raw, 8, LENGTH - 8);
        byte[] keyId = new byte[KEY_ID_LENGTH];
        byte[] salt = new byte[SALT_LENGTH];
        in.get(keyId).get(salt);
        long content = in.getLong();
        long envelope = in.getLong();
        if (content < SegmentCipher.TAG || envelope < SegmentCipher.TAG) {
            throw new CorruptEntryException("impossible stream lengths in header");
        }
        return new QueueFileHeader(keyId, salt, content, envelope);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QueueFileHeader h && Arrays.equals(keyId, h.keyId) && Arrays.equals(salt, h.salt)
                && contentLength == h.contentLength && envelopeLength == h.envelopeLength;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(salt);
    }

    @Override
    public String toString() {
        return "QueueFileHeader[content=" + contentLength + ", envelope=" + envelopeLength + "]";
    }
}
