package sempgw.store.queue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Decrypts a {@link SegmentCipher} stream stored at {@code [offset, offset + length)} of a file,
 * one segment at a time (constant memory). The segment layout follows from the length alone;
 * a length that no sequence of segments can have, a short read, or a segment that fails
 * authentication raises {@link CorruptEntryException}. Plaintext is released only after its
 * segment authenticated, and end of stream only after the segment flagged last did.
 */
final class SegmentReader extends InputStream {
    private static final int SEALED = SegmentCipher.SEGMENT + SegmentCipher.TAG;

    private final FileChannel channel;
    private final long offset;
    private final SegmentCipher cipher;
    private final int stream;
    private final long segments;
    private final int lastLength;
    private final byte[] sealed;
    private final byte[] plain;
    private long next;
    private int position;
    private int limit;

    SegmentReader(FileChannel channel, long offset, long length, SegmentCipher cipher, int stream) throws CorruptEntryException {
        this.channel = channel;
        this.offset = offset;
        this.cipher = cipher;
        this.stream = stream;
        this.segments = segments(length);
        this.lastLength = (int) (length - (segments - 1) * SEALED);
        int buffer = segments > 1 ? SEALED : lastLength;
        this.sealed = new byte[buffer];
        this.plain = new byte[buffer - SegmentCipher.TAG];
    }

    /** Decrypts a whole stream held in memory (the envelope, read together with the status records). */
    static byte[] openAll(byte[] sealed, int offset, int length, SegmentCipher cipher, int stream) throws CorruptEntryException {
        long segments = segments(length);
        byte[] plain = new byte[(int) (length - segments * SegmentCipher.TAG)];
        byte[] segment = new byte[Math.min(length, SEALED)];
        byte[] opened = new byte[segment.length - SegmentCipher.TAG];
        int written = 0;
        for (long i = 0; i < segments; i++) {
            int at = offset + (int) (i * SEALED);
            int n = Math.min(SEALED, offset + length - at);
            System.arraycopy(sealed, at, segment, 0, n);
            int m = cipher.open(stream, i, i == segments - 1, segment, n, opened);
            System.arraycopy(opened, 0, plain, written, m);
            written += m;
        }
        return plain;
    }

    /** The number of segments of a stream of {@code length} ciphertext octets; every segment carries at least its tag. */
    private static long segments(long length) throws CorruptEntryException {
        long segments = Math.ceilDiv(length, SEALED);
        if (length < SegmentCipher.TAG || length - (segments - 1) * SEALED < SegmentCipher.TAG) {
            throw new CorruptEntryException("stream length " + length + " is not a valid segment layout");
        }
        return segments;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return plain[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, limit - position);
        System.arraycopy(plain, position, b, off, n);
        position += n;
        return n;
    }

    /** Ensures unread plaintext is buffered; false at the authenticated end of the stream. */
    private boolean fill() throws IOException {
        while (position == limit) {
            if (next == segments) {
                return false;
            }
            boolean last = next == segments - 1;
            int length = last ? lastLength : SEALED;
            ByteBuffer buffer = ByteBuffer.wrap(sealed, 0, length);
            long at = offset + next * SEALED;
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, at + buffer.position()) < 0) {
                    throw new CorruptEntryException("file truncated in segment " + next);
                }
            }
            limit = cipher.open(stream, next, last, sealed, length, plain);
            position = 0;
            next++;
        }
        return true;
    }
}
