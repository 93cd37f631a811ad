package sempgw.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import sempgw.semp.egress.testing.LoopbackPorts;

/** Free TCP ports on the loopback interface. */
public final class FreePorts {

    private FreePorts() {
    }

    /**
     * A port that was free a moment ago on 127.0.0.1, below the kernel's ephemeral range
     * ({@link LoopbackPorts}). Another process may still take it before the caller binds it; the
     * fixtures fail clearly if that happens.
     */
    public static int next() {
        try {
            return LoopbackPorts.free();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
