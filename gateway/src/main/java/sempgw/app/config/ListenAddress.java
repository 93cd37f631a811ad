package sempgw.app.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;

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

    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(address, port);
    }

    @Override
    public String toString() {
        String host = IpLiterals.format(address);
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
