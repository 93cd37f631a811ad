package sempgw.semp.egress.testing;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for servers a test must name before it starts them (a listen address written into a
 * configuration, an SRV record). They are drawn below the kernel's ephemeral range (Linux:
 * 32768-60999), where every other process's outgoing connections take their local ports: a port
 * the kernel handed out as "free" from that range can be taken by someone's connect() before the
 * test binds it.
 */
public final class LoopbackPorts {
    private static final int FIRST = 20_000;
    private static final int COUNT = 12_000;

    private LoopbackPorts() {
    }

    /** A loopback port in 20000-31999 that could be bound just now. */
    public static int free() throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = FIRST + ThreadLocalRandom.current().nextInt(COUNT);
            try (ServerSocket s = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            } catch (BindException taken) {
                // in use: draw another
            }
        }
        throw new IOException("no free loopback port in " + FIRST + "-" + (FIRST + COUNT - 1));
    }
}
