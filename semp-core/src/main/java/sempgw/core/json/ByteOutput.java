package sempgw.core.json;

import java.util.Arrays;

/**
 * A growable byte buffer: the one allocation of a canonicalization, doubled as needed. A
 * {@linkplain #counting() counting} buffer only measures: it keeps no bytes, bulk writes are not
 * copied, and its small scratch area is reused once full, so measuring a large document costs
 * no allocation proportional to its size.
 */
final class ByteOutput {
    private static final int SCRATCH = 4096;

    private final boolean counting;
    private byte[] buf;
    private int len;
    private long discarded;

    ByteOutput(int initialCapacity) {
        this(initialCapacity, false);
    }

    private ByteOutput(int initialCapacity, boolean counting) {
        this.counting = counting;
        this.buf = new byte[Math.max(16, initialCapacity)];
    }

    /** A buffer that only counts what is written; see {@link #size()}. */
    static ByteOutput counting() {
        return new ByteOutput(SCRATCH, true);
    }

    void write(int b) {
        if (len == buf.length) {
            ensure(1);
        }
        buf[len++] = (byte) b;
    }

    void write(byte[] src, int off, int n) {
        if (counting) {
            discarded += n;
            return;
        }
        ensure(n);
        System.arraycopy(src, off, buf, len, n);
        len += n;
    }

    /** Makes room for {@code n} more bytes; callers then use {@link #raw()} and {@link #advance}. */
    void ensure(int n) {
        if (buf.length - len < n) {
            if (counting) {
                discarded += len;
                len = 0;
                if (buf.length >= n) {
                    return;
                }
            }
            grow(n);
        }
    }

    byte[] raw() {
        return buf;
    }

    int length() {
        return len;
    }

    void advance(int n) {
        len += n;
    }

    /** Bytes the buffer holds without growing. */
    int capacity() {
        return buf.length;
    }

    /** Zeroes what was written and empties the buffer for reuse; capacity is kept. */
    void clear() {
        Arrays.fill(buf, 0, len, (byte) 0);
        len = 0;
        discarded = 0;
    }

    /** Every byte written so far, including those a counting buffer did not keep. */
    long size() {
        return discarded + len;
    }

    byte[] toByteArray() {
        if (counting) {
            throw new IllegalStateException("a counting buffer keeps no bytes");
        }
        return Arrays.copyOf(buf, len);
    }

    private void grow(int need) {
        long target = Math.max((long) buf.length * 2, (long) len + need);
        if (target > Integer.MAX_VALUE - 16) {
            throw new OutOfMemoryError("canonical JSON output exceeds 2 GiB");
        }
        buf = Arrays.copyOf(buf, (int) target);
    }
}
