package sempgw.smtp.egress.client;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Objects;

/** One concrete place to connect to, as a route resolves to (an MX host's address, or a socket path). */
public sealed interface Target {

    /** For logs and replies: {@code mx.example.org[192.0.2.1]:25} or the socket path. */
    String describe();

    /** The host name for the DSN's Remote-MTA and for certificate checks. */
    String hostName();

    /**
     * A TCP endpoint.
     *
     * @param hostName the name the address was found under (the MX exchange, or the literal)
     */
    record Inet(String hostName, InetAddress address, int port) implements Target {
        public Inet {
            Objects.requireNonNull(hostName, "hostName");
            Objects.requireNonNull(address, "address");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }

        @Override
        public String describe() {
            return hostName + "[" + address.getHostAddress() + "]:" + port;
        }
    }

    /** A Unix-domain socket (LMTP to a local mailbox server). */
    record Unix(Path path) implements Target {
        public Unix {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String describe() {
            return path.toString();
        }

        @Override
        public String hostName() {
            return "localhost";
        }
    }
}
