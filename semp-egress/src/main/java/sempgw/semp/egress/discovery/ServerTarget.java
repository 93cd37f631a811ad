package sempgw.semp.egress.discovery;

import java.util.Objects;

/**
 * A SEMP server for a domain: an SRV target (DISCOVERY.md §2.1), or the domain itself on port
 * 443 when it publishes no SRV records (DISCOVERY.md §5.5).
 *
 * @param host     the host name, lower case, no trailing dot
 * @param port     the TCP port
 * @param priority the SRV priority, lower is preferred (RFC 2782)
 * @param weight   the SRV weight among equal priorities (RFC 2782)
 */
public record ServerTarget(String host, int port, int priority, int weight) {

    static final int HTTPS_PORT = 443;
    static final String CONFIGURATION_PATH = "/.well-known/semp/configuration";

    public ServerTarget {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (priority < 0 || priority > 65535 || weight < 0 || weight > 65535) {
            throw new IllegalArgumentException("priority and weight are 16-bit values (RFC 2782)");
        }
    }

    /** The target used when a domain has no SRV records: the domain itself (DISCOVERY.md §5.5). */
    static ServerTarget domainItself(DomainName domain) {
        return new ServerTarget(domain.ascii(), HTTPS_PORT, 0, 0);
    }

    /**
     * The configuration document's URL on this target, fixed by the protocol
     * (DISCOVERY.md §3.2): {@code https://host[:port]/.well-known/semp/configuration}.
     */
    public String configurationUrl() {
        return "https://" + host + (port == HTTPS_PORT ? "" : ":" + port) + CONFIGURATION_PATH;
    }

    /** {@code host:port}, for logs and diagnostics. */
    public String authority() {
        return host + ":" + port;
    }
}
