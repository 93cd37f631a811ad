package sempgw.app.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import sempgw.smtp.egress.client.TlsPolicy;
import sempgw.smtp.egress.route.NextHop;
import sempgw.smtp.egress.route.RouteTable;

/**
 * The {@code [delivery]} table: where outgoing SMTP mail goes and how hard we push. A domain
 * matched in {@code routes} goes to its next hop; any other domain goes to the
 * {@code smarthost} if one is set, else to the domain's MX hosts.
 *
 * @param concurrencyPerDestination parallel deliveries to one destination (next hop or domain)
 * @param smarthost next hop for all mail no route matches, instead of MX lookup
 *     (Postfix notation: {@code [relay.example]:587} skips the MX lookup)
 * @param routes per-domain next hops: {@code "example.org" = "[10.0.0.5]:25"}; a key
 *     {@code ".example.org"} matches every subdomain; a value may end in {@code tls=...}
 * @param tls default TLS policy: {@code none}, {@code may} (STARTTLS when offered),
 *     {@code encrypt} (never in the clear), {@code verify} (also check the certificate)
 * @param connectTimeout how long to wait for a TCP connection to a next hop
 */
public record DeliveryConfig(
        int concurrencyPerDestination,
        Optional<String> smarthost,
        Map<String, String> routes,
        TlsPolicy tls,
        Duration connectTimeout) {
    static final String TLS_ALLOWED = "one of \"none\", \"may\", \"encrypt\", \"verify\"";

    public DeliveryConfig {
        Objects.requireNonNull(smarthost, "smarthost");
        routes = Map.copyOf(routes);
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
    }

    /** The route table smtp-egress uses: every route, then the smarthost as the catch-all {@code *}. */
    public RouteTable routeTable() {
        List<String> lines = new ArrayList<>();
        routes.forEach((domain, hop) -> lines.add(domain + " -> " + hop));
        smarthost.ifPresent(hop -> lines.add("* -> " + hop));
        return RouteTable.parse(lines, tls);
    }

    static DeliveryConfig read(TomlTable t) {
        int concurrency = t.integer("concurrency_per_destination", 20, 1, 1000);
        TlsPolicy tls = t.parsed("tls", TlsPolicy.MAY, DeliveryConfig::tlsPolicy);
        Optional<String> smarthost = t.optionalString("smarthost", hop -> nextHop(hop, tls));
        Map<String, String> routes = t.map("routes", DeliveryConfig::pattern, hop -> route(hop, tls));
        if (smarthost.isPresent() && routes.containsKey("*")) {
            throw new ConfigException("delivery.smarthost", "\"" + smarthost.get() + "\"",
                    "unset when delivery.routes has a \"*\" entry (both would route every other domain)");
        }
        DeliveryConfig c = new DeliveryConfig(concurrency, smarthost, routes, tls,
                t.duration("connect_timeout", Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMinutes(10)));
        t.finish();
        return c;
    }

    private static TlsPolicy tlsPolicy(String s) {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "none" -> TlsPolicy.NONE;
            case "may" -> TlsPolicy.MAY;
            case "encrypt" -> TlsPolicy.ENCRYPT;
            case "verify" -> TlsPolicy.VERIFY;
            default -> throw new IllegalArgumentException(TLS_ALLOWED);
        };
    }

    private static String nextHop(String hop, TlsPolicy tls) {
        try {
            NextHop.parse(hop, tls);
            return hop.strip();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + "; expected a next hop such as [10.0.0.5]:25, relay.example.org:587 or lmtp:[mailstore]:24");
        }
    }

    /** A route value: a next hop, optionally followed by {@code tls=none|may|encrypt|verify}. */
    private static String route(String value, TlsPolicy tls) {
        try {
            RouteTable.parse(List.of("x -> " + value), tls);
            return value.strip();
        } catch (IllegalArgumentException e) {
            String reason = e.getMessage().replaceFirst("^route table line 1: ", "").replaceFirst(": x -> .*$", "");
            throw new IllegalArgumentException(reason + "; expected a next hop such as [10.0.0.5]:25, optionally followed by tls=encrypt");
        }
    }

    /** A route key: a domain, {@code .domain} for its subdomains, or {@code *} for every other domain. */
    private static String pattern(String key) {
        if (key.equals("*")) {
            return key;
        }
        boolean subdomains = key.startsWith(".");
        String domain = subdomains ? key.substring(1) : key;
        if (!DomainNames.isValid(domain)) {
            throw new IllegalArgumentException("a domain, .domain (its subdomains) or * (every other domain)");
        }
        return (subdomains ? "." : "") + domain.toLowerCase(Locale.ROOT);
    }
}
