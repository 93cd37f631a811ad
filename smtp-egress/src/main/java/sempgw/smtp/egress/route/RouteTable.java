package sempgw.smtp.egress.route;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import sempgw.smtp.egress.client.Credentials;
import sempgw.smtp.egress.client.TlsPolicy;

/**
 * Per-domain routes, in the spirit of Postfix's transport table. One entry per line:
 * <pre>
 *   # comment
 *   example.org    -> [10.0.0.5]:25
 *   .example.org   -> [10.0.0.5]:25         (every subdomain of example.org)
 *   corp.example   -> lmtp:unix:/run/dovecot/lmtp
 *   partner.test   -> partner.test:2525  tls=verify
 *   *              -> [smarthost.example]:587  tls=encrypt   (everything else)
 * </pre>
 * A domain is looked up exactly, then as {@code .parent} for each parent domain, then {@code *}.
 * {@code tls=} takes {@code none}, {@code may}, {@code encrypt} or {@code verify}; without it a
 * route uses the table's default policy.
 */
public final class RouteTable {

    private final Map<String, Route> routes;

    private RouteTable(Map<String, Route> routes) {
        this.routes = Map.copyOf(routes);
    }

    public static RouteTable empty() {
        return new RouteTable(Map.of());
    }

    /**
     * @throws IllegalArgumentException naming the line and what is wrong with it
     */
    public static RouteTable parse(List<String> lines, TlsPolicy defaultTls) {
        Map<String, Route> routes = new LinkedHashMap<>();
        int number = 0;
        for (String raw : lines) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                int arrow = line.indexOf("->");
                if (arrow < 0) {
                    throw new IllegalArgumentException("expected 'domain -> next-hop'");
                }
                String pattern = line.substring(0, arrow).strip().toLowerCase(Locale.ROOT);
                String[] rhs = line.substring(arrow + 2).strip().split("\\s+");
                if (pattern.isEmpty() || pattern.contains(" ") || rhs[0].isEmpty()) {
                    throw new IllegalArgumentException("expected one domain pattern and a next hop");
                }
                TlsPolicy tls = defaultTls;
                for (int i = 1; i < rhs.length; i++) {
                    tls = option(rhs[i]);
                }
                if (routes.putIfAbsent(pattern, NextHop.parse(rhs[0], tls)) != null) {
                    throw new IllegalArgumentException("duplicate entry for " + pattern);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("route table line " + number + ": " + e.getMessage() + ": " + line, e);
            }
        }
        return new RouteTable(routes);
    }

    private static TlsPolicy option(String option) {
        if (!option.toLowerCase(Locale.ROOT).startsWith("tls=")) {
            throw new IllegalArgumentException("unknown option " + option + " (only tls= is known)");
        }
        try {
            return TlsPolicy.valueOf(option.substring(4).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tls= takes none, may, encrypt or verify, not " + option.substring(4));
        }
    }

    /** The route for a (lower-case) domain, if the table has one. */
    public Optional<Route> lookup(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        Route exact = routes.get(d);
        if (exact != null) {
            return Optional.of(exact);
        }
        for (int dot = d.indexOf('.'); dot >= 0; dot = d.indexOf('.', dot + 1)) {
            Route parent = routes.get(d.substring(dot));
            if (parent != null) {
                return Optional.of(parent);
            }
        }
        return Optional.ofNullable(routes.get("*"));
    }

    /** This table with {@code login} added to every route whose destination is {@code destination}. */
    public RouteTable withCredentials(String destination, Credentials login) {
        Map<String, Route> updated = new LinkedHashMap<>(routes);
        boolean found = false;
        for (var e : updated.entrySet()) {
            if (e.getValue().destination().equals(destination)) {
                e.setValue(e.getValue().withCredentials(login));
                found = true;
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no route goes to " + destination);
        }
        return new RouteTable(updated);
    }

    public Map<String, Route> entries() {
        return routes;
    }
}
