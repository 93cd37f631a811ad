package sempgw.store.queue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Encrypts a stream into {@link SegmentCipher} segments appended at the channel's position.
 * Holds at most one segment (64 KiB plaintext plus its ciphertext), whatever the stream's size;
 * the buffers start small and grow, so small messages stay cheap. A full segment is sealed only
 * when more data follows, so the final segment is always the one flagged last; {@link #finish()}
 * (or {@link #close()}) seals it.
 */
final class SegmentWriter extends OutputStream {
    private static final int INITIAL = 8 * 1024;

    private final FileChannel channel;
    private final SegmentCipher cipher;
    private final int stream;
    private byte[] plain = new byte[INITIAL];
    private byte[] sealed = new byte[INITIAL + SegmentCipher.TAG];
    private int filled;
    private long index;
    private long plainBytes;
    private long cipherBytes;
    private boolean finished;

    SegmentWriter(FileChannel channel, SegmentCipher cipher, int stream) {
        this.channel = channel;
        this.cipher = cipher;
        this.stream = stream;
    }

    @Override
    public void write(int b) throws IOException {
        makeRoom();
        plain[filled++] = (byte) b;
        plainBytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        while (len > 0) {
            makeRoom();
            int n = Math.min(len, plain.length - filled);
            System.arraycopy(b, off, plain, filled, n);
            filled += n;
            off += n;
            len -= n;
            plainBytes += n;
        }
    }

    /** Seals the final segment; returns the stream's ciphertext length. Idempotent. */
    long finish() throws IOException {
        if (!finished) {
            seal(true);
            finished = true;
        }
        return cipherBytes;
    }

    /** Writes a whole small stream (the envelope) straight from {@code data}; returns its ciphertext length. */
    static long writeAll(FileChannel channel, SegmentCipher cipher, int stream, byte[] data) throws IOException {
        byte[] sealed = new byte[Math.min(data.length, SegmentCipher.SEGMENT) + SegmentCipher.TAG];
        long written = 0;
        int offset = 0;
        long index = 0;
        do {
            int length = Math.min(SegmentCipher.SEGMENT, data.length - offset);
            boolean last = offset + length == data.length;
            int n = cipher.seal(stream, index++, last, data, offset, length, sealed);
            ByteBuffer out = ByteBuffer.wrap(sealed, 0, n);
            while (out.hasRemaining()) {
                channel.write(out);
            }
            written += n;
            offset += length;
        } while (offset < data.length);
        return written;
    }

    long plainBytes() {
        return plainBytes;
    }

    @Override
    public void close() throws IOException {
        finish();
    }

    private void makeRoom() throws IOException {
        if (finished) {
            throw new IOException("stream already closed");
        }
        if (filled == SegmentCipher.SEGMENT) {
            seal(false);
        } else if (filled == plain.length) {
            int size = Math.min(plain.length * 2, SegmentCipher.SEGMENT);
            plain = java.util.Arrays.copyOf(plain, size);
            sealed = new byte[size + SegmentCipher.TAG];
        }
    }

    private void seal(boolean last) throws IOException {
        int n = cipher.seal(stream, index++, last, plain, 0, filled, sealed);
        ByteBuffer out = ByteBuffer.wrap(sealed, 0, n);
        while (out.hasRemaining()) {
            channel.write(out);
        }
        cipherBytes += n;
        filled = 0;
    }
}
