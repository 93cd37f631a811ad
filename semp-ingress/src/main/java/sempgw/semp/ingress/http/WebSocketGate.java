package sempgw.semp.ingress.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import java.util.Arrays;
import java.util.Optional;

/**
 * Checks a WebSocket upgrade request before Netty's handshaker sees it: the handshaker would
 * accept a request without an acceptable subprotocol and simply confirm none, whereas SEMP needs
 * {@code semp.v1} confirmed (TRANSPORT.md §4.1.1). Pure.
 */
final class WebSocketGate {
    /** The SEMP WebSocket subprotocol (TRANSPORT.md §4.1.1). */
    static final String SUBPROTOCOL = "semp.v1";

    private WebSocketGate() {}

    /** Why the upgrade is refused, or empty when it may proceed. */
    static Optional<String> refusal(HttpRequest request) {
        if (!request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
            return Optional.of("websocket upgrade required");
        }
        String offered = request.headers().get(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL);
        if (offered == null || Arrays.stream(offered.split(",")).map(String::trim).noneMatch(SUBPROTOCOL::equals)) {
            return Optional.of("subprotocol " + SUBPROTOCOL + " required");
        }
        return Optional.empty();
    }
}
