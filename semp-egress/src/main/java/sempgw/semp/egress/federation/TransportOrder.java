package sempgw.semp.egress.federation;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sempgw.semp.egress.discovery.TransportEndpoints;

/**
 * The transports to try for a peer, in order (TRANSPORT.md §5.2-§5.4): only those both sides
 * have, each at the URL the peer advertised in {@code endpoints.federation} (never a derived
 * URL, DISCOVERY.md §5.6). With {@code ws} preferred: {@code ws} then {@code h2} (§5.3 ranks
 * WebSocket above HTTP/2; we have no QUIC); otherwise {@code h2} then {@code ws}.
 */
final class TransportOrder {

    /** One attempt: a transport and the peer's endpoint for it. */
    record Attempt(FederationTransport transport, URI endpoint) {
    }

    private TransportOrder() {
    }

    static List<Attempt> attempts(TransportEndpoints advertised, Map<String, FederationTransport> ours, boolean preferWebSocket) {
        List<String> order = preferWebSocket
                ? List.of(TransportEndpoints.WS, TransportEndpoints.H2)
                : List.of(TransportEndpoints.H2, TransportEndpoints.WS);
        List<Attempt> attempts = new ArrayList<>(2);
        for (String id : order) {
            FederationTransport t = ours.get(id);
            Optional<URI> url = Optional.ofNullable(advertised.byTransport().get(id));
            if (t != null && url.isPresent()) {
                attempts.add(new Attempt(t, url.get()));
            }
        }
        return List.copyOf(attempts);
    }
}
