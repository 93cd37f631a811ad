package sempgw.agent.mime;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * Compares what is written against expected bytes, given as consecutive slices, without keeping
 * it: the fidelity checks re-encode whole attachments and whole messages and compare them with
 * the original this way, in constant memory.
 */
public final class MatchingOutputStream extends OutputStream {
    private final List<Slice> expected;
    private int index;
    private int offset;
    private boolean mismatch;

    /** A stream expecting exactly the concatenation of {@code expected}. */
    public MatchingOutputStream(Slice... expected) {
        this.expected = List.of(expected);
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        int pos = off;
        int remaining = len;
        while (!mismatch && remaining > 0) {
            while (index < expected.size() && offset == expected.get(index).length()) {
                index++;
                offset = 0;
            }
            if (index == expected.size()) {
                mismatch = true;
                return;
            }
            Slice s = expected.get(index);
            int n = Math.min(remaining, s.length() - offset);
            int start = s.from() + offset;
            if (!Arrays.equals(b, pos, pos + n, s.buf(), start, start + n)) {
                mismatch = true;
                return;
            }
            offset += n;
            pos += n;
            remaining -= n;
        }
    }

    /** True when exactly the expected bytes were written. */
    public boolean matches() {
        if (mismatch) {
            return false;
        }
        for (int i = index; i < expected.size(); i++) {
            if (expected.get(i).length() > (i == index ? offset : 0)) {
                return false;
            }
        }
        return true;
    }
}
