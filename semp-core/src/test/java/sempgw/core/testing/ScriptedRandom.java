package sempgw.core.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import sempgw.core.crypto.RandomSource;

/** A {@link RandomSource} that replays given chunks in order and fails on any other read. */
public final class ScriptedRandom implements RandomSource {
    private final Deque<byte[]> chunks = new ArrayDeque<>();

    /** A source yielding {@code chunks}, one per read, each read exactly its length. */
    public ScriptedRandom(byte[]... chunks) {
        for (byte[] c : chunks) {
            this.chunks.add(c.clone());
        }
    }

    @Override
    public void nextBytes(byte[] out) {
        byte[] next = chunks.poll();
        if (next == null || next.length != out.length) {
            throw new AssertionError("unexpected random read of " + out.length + " bytes");
        }
        System.arraycopy(next, 0, out, 0, out.length);
    }

    /** True when every chunk was consumed. */
    public boolean exhausted() {
        return chunks.isEmpty();
    }
}
