package sempgw.app.config;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a listener binds: an IP literal and a port, written {@code 127.0.0.1:2525} or
 * {@code [::1]:2525}. Names are not accepted, so parsing never touches DNS.
 */
public record ListenAddress(InetAddress address, int port) {
    static final String ALLOWED = "an IP address and a port, for example 127.0.0.1:2525, 0.0.0.0:25 or [::1]:2525";

    public ListenAddress {
        Objects.requireNonNull(address, "address");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(ALLOWED);
        }
    }

    /** @throws IllegalArgumentException if the text is not in the documented form */
    public static ListenAddress parse(String text) {
        String s = text.strip();
        int colon = s.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException(ALLOWED);
        }
        String host = s.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException(ALLOWED);
        }
        try {
            return new ListenAddress(InetAddress.ofLiteral(host), Integer.parseInt(s.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ALLOWED);
        }
    }

    /**
     * The start-up error for a listener that could not bind here, when a {@link SocketException}
     * caused {@code failure}: it names the address and the key it came from
     * ({@code cannot listen on 127.0.0.1:2525 (smtp.listen): Address already in use}), which the
     * socket's own message does not.
     */
    public Optional<IOException> bindFailure(String key, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SocketException socket) {
                return Optional.of(new IOException("cannot listen on " + this + " (" + key + "): " + socket.getMessage(), failure));
            }
        }
        return Optional.empty();
    }

    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(address, port);
    }

    @Override
    public String toString() {
        String host = IpLiterals.format(address);
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
