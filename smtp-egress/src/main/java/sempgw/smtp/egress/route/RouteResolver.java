package sempgw.smtp.egress.route;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import sempgw.smtp.egress.client.Dialect;
import sempgw.smtp.egress.client.TlsPolicy;

/**
 * Decides the route for a recipient domain (Postfix's trivial-rewrite role for remote mail):
 * the route table first, then delivery by MX lookup with the default TLS policy. A domain that
 * is an address literal ({@code user@[192.0.2.1]}, RFC 5321 §4.1.3) goes straight to that address.
 * Pure: no DNS here; {@link MxResolver} turns a route into addresses.
 */
public final class RouteResolver {

    private final RouteTable table;
    private final TlsPolicy defaultTls;
    private final int smtpPort;

    /**
     * @param smtpPort the port MX delivery connects to (25; tests use another)
     */
    public RouteResolver(RouteTable table, TlsPolicy defaultTls, int smtpPort) {
        this.table = Objects.requireNonNull(table);
        this.defaultTls = Objects.requireNonNull(defaultTls);
        this.smtpPort = smtpPort;
    }

    /** Routes everything by MX lookup with opportunistic TLS. */
    public static RouteResolver mx() {
        return new RouteResolver(RouteTable.empty(), TlsPolicy.MAY, 25);
    }

    public Route route(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        Optional<Route> configured = table.lookup(d);
        if (configured.isPresent()) {
            return configured.get();
        }
        if (d.startsWith("[") && d.endsWith("]")) {
            String literal = d.substring(1, d.length() - 1);
            if (literal.startsWith("ipv6:")) {
                literal = literal.substring(5);
            }
            return new Route.Host(Dialect.SMTP, literal, smtpPort, defaultTls, Optional.empty());
        }
        return new Route.Mx(d, smtpPort, defaultTls, Optional.empty());
    }
}
