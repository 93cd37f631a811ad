package sempgw.smtp.egress.route;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import sempgw.smtp.egress.client.Dialect;
import sempgw.smtp.egress.client.TlsPolicy;

/**
 * Parses a next-hop specification into a {@link Route}:
 * <pre>
 *   example.org            MX lookup, port 25
 *   example.org:2525       MX lookup, port 2525
 *   [relay.example]:587    that host's A/AAAA records only (no MX lookup)
 *   [10.0.0.5]  [IPv6:2001:db8::5]:25   address literals (RFC 5321 §4.1.3)
 *   smtp:[relay.example]   the same, with the protocol spelled out
 *   lmtp:[mailstore]:24    LMTP over TCP (default port 24)
 *   lmtp:unix:/run/dovecot/lmtp   LMTP over a Unix-domain socket
 * </pre>
 */
public final class NextHop {

    private NextHop() {
    }

    /** @throws IllegalArgumentException with a reason, for a malformed specification */
    public static Route parse(String spec, TlsPolicy tls) {
        String s = spec.strip();
        Dialect dialect = Dialect.SMTP;
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("lmtp:")) {
            dialect = Dialect.LMTP;
            s = s.substring(5);
            if (s.toLowerCase(Locale.ROOT).startsWith("unix:")) {
                String path = s.substring(5);
                if (path.isEmpty() || !path.startsWith("/")) {
                    throw new IllegalArgumentException("lmtp:unix: needs an absolute socket path: " + spec);
                }
                return new Route.Unix(Path.of(path));
            }
        } else if (lower.startsWith("smtp:")) {
            s = s.substring(5);
        }
        int defaultPort = dialect == Dialect.LMTP ? 24 : 25;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 2) {
                throw new IllegalArgumentException("unbalanced brackets in next hop: " + spec);
            }
            String host = s.substring(1, close);
            if (host.regionMatches(true, 0, "IPv6:", 0, 5)) {
                host = host.substring(5);
            }
            int port = port(s.substring(close + 1), defaultPort, spec);
            return new Route.Host(dialect, checkHost(host, spec), port, tls, Optional.empty());
        }
        int colon = s.lastIndexOf(':');
        String host = colon < 0 ? s : s.substring(0, colon);
        int port = colon < 0 ? defaultPort : port(s.substring(colon), defaultPort, spec);
        if (dialect == Dialect.LMTP) {
            return new Route.Host(dialect, checkHost(host, spec), port, tls, Optional.empty());
        }
        return new Route.Mx(checkHost(host, spec), port, tls, Optional.empty());
    }

    private static int port(String suffix, int defaultPort, String spec) {
        if (suffix.isEmpty()) {
            return defaultPort;
        }
        if (!suffix.startsWith(":") || suffix.length() == 1) {
            throw new IllegalArgumentException("expected :port after the host in next hop: " + spec);
        }
        try {
            int port = Integer.parseInt(suffix.substring(1));
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in next hop: " + spec);
        }
    }

    private static String checkHost(String host, String spec) {
        if (host.isEmpty() || host.chars().anyMatch(c -> c <= ' ' || c == '[' || c == ']' || c == '/')) {
            throw new IllegalArgumentException("bad host in next hop: " + spec);
        }
        return host;
    }
}
