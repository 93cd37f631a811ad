package sempgw.core.json;

import java.util.Arrays;

/** A growable byte buffer: the one allocation of a canonicalization, doubled as needed. */
final class ByteOutput {
    private byte[] buf;
    private int len;

    ByteOutput(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    void write(int b) {
        if (len == buf.length) {
            grow(1);
        }
        buf[len++] = (byte) b;
    }

    void write(byte[] src, int off, int n) {
        ensure(n);
        System.arraycopy(src, off, buf, len, n);
        len += n;
    }

    /** Makes room for {@code n} more bytes; callers then use {@link #raw()} and {@link #advance}. */
    void ensure(int n) {
        if (buf.length - len < n) {
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

    byte[] toByteArray() {
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
