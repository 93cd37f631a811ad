package sempgw.semp.egress.federation;

import java.net.URI;

/**
 * One transport binding for federation (TRANSPORT.md §4): opens a connection to an advertised
 * endpoint. {@link H2Transport} and {@link WebSocketTransport} are the bindings; tests supply an
 * in-memory one. Implementations are thread-safe.
 */
public interface FederationTransport {

    /** The transport identifier as advertised in {@code endpoints.federation} ({@code h2}, {@code ws}). */
    String id();

    /**
     * Opens a connection, bounded by the transport's connect timeout (TRANSPORT.md §5.4:
     * 10 s). A failure here lets the caller fall back to the next transport.
     */
    TransportConnection connect(URI endpoint) throws DeliveryException;
}
