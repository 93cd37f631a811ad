package sempgw.semp.egress.federation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Federation over WebSocket (TRANSPORT.md §4.1) with the JDK {@link WebSocket}: the upgrade asks
 * for subprotocol {@code semp.v1} and a server that does not confirm it is closed at once
 * (§4.1.1); each SEMP message is one text message, reassembled from fragments (§4.1.2); one
 * outstanding request per connection ({@link WebSocketConnection}).
 */
public final class WebSocketTransport implements FederationTransport {

    /** The subprotocol (TRANSPORT.md §4.1.1). */
    public static final String SUBPROTOCOL = "semp.v1";

    private final HttpClient client;
    private final Duration connectTimeout;
    private final int maxReplyBytes;

    /** @param client the shared client ({@link H2Transport#client}); its trust store applies */
    public WebSocketTransport(HttpClient client, Duration connectTimeout, int maxReplyBytes) {
        this.client = Objects.requireNonNull(client, "client");
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.maxReplyBytes = maxReplyBytes;
    }

    @Override
    public String id() {
        return "ws";
    }

    @Override
    public TransportConnection connect(URI endpoint) throws DeliveryException {
        if (!"wss".equalsIgnoreCase(endpoint.getScheme())) {
            throw DeliveryException.connectFailed("ws endpoint is not wss (TRANSPORT.md §4.1): " + endpoint, null);
        }
        WebSocketConnection.Inbox inbox = new WebSocketConnection.Inbox(maxReplyBytes);
        WebSocket ws;
        CompletableFuture<WebSocket> opening = client.newWebSocketBuilder()
                .subprotocols(SUBPROTOCOL)
                .connectTimeout(connectTimeout)
                .buildAsync(endpoint, inbox);
        try {
            ws = opening.get(connectTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            opening.thenAccept(WebSocket::abort);
            throw DeliveryException.connectFailed("ws connect interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            opening.thenAccept(WebSocket::abort);
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw DeliveryException.connectFailed("ws connect to " + endpoint.getHost() + " failed: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : " " + cause.getMessage()), cause);
        }
        if (!SUBPROTOCOL.equals(ws.getSubprotocol())) {
            ws.abort();
            throw DeliveryException.connectFailed("ws server " + endpoint.getHost() + " did not confirm subprotocol semp.v1", null);
        }
        return new WebSocketConnection(ws, inbox, endpoint.getHost());
    }
}
