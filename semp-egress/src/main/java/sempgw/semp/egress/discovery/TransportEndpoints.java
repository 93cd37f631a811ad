package sempgw.semp.egress.discovery;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The transport endpoints of one role ({@code endpoints.client} or {@code endpoints.federation}),
 * keyed by transport identifier in the server's order of preference (DISCOVERY.md §3.1.1,
 * TRANSPORT.md §5.2). {@code h2} is always present (DISCOVERY.md §3.2).
 */
public record TransportEndpoints(Map<String, URI> byTransport) {

    public static final String H2 = "h2";
    public static final String WS = "ws";
    public static final String QUIC = "quic";

    public TransportEndpoints {
        Objects.requireNonNull(byTransport, "byTransport");
        if (!byTransport.containsKey(H2)) {
            throw new IllegalArgumentException("h2 is the mandatory transport (DISCOVERY.md §3.2)");
        }
        byTransport = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byTransport));
    }

    /** The HTTP/2 endpoint, always present. */
    public URI h2() {
        return byTransport.get(H2);
    }

    /** The WebSocket endpoint, when advertised. */
    public Optional<URI> ws() {
        return Optional.ofNullable(byTransport.get(WS));
    }

    /** The QUIC endpoint, when advertised. */
    public Optional<URI> quic() {
        return Optional.ofNullable(byTransport.get(QUIC));
    }
}
