package sempgw.semp.ingress.http;

/**
 * Where one request goes, decided from method, path and protocol alone (the paths the configuration document advertises;
 * DISCOVERY.md §3.2.1: nothing unadvertised is served).
 */
sealed interface HttpRoute {

    /** {@code GET /.well-known/semp/configuration} (DISCOVERY.md §3.1). */
    record Configuration() implements HttpRoute {}

    /** {@code GET /.well-known/semp/domain-keys} (KEY.md §2). */
    record DomainKeys() implements HttpRoute {}

    /** {@code GET /.well-known/semp/keys/{address}}, the address percent-decoded (KEY.md §3.1). */
    record UserKeys(String address) implements HttpRoute {}

    /** {@code POST /.well-known/semp/keys/} (KEY.md §3.3). */
    record UserKeysBatch() implements HttpRoute {}

    /** An h2 {@code POST} of one SEMP message into a {@code Semp-Session-Id} tunnel (TRANSPORT.md §4.2.3). */
    record Tunnel() implements HttpRoute {}

    /** An HTTP/1.1 {@code GET /v1/federate}: the WebSocket upgrade (TRANSPORT.md §4.1.1). */
    record WebSocketUpgrade() implements HttpRoute {}

    /** The path exists but not for this method: 405 with {@code Allow} (RFC 9110 §15.5.6). */
    record MethodNotAllowed(String allow) implements HttpRoute {}

    /** The path cannot be decoded: 400. */
    record BadRequest(String why) implements HttpRoute {}

    /** Not served: 404. */
    record NotFound() implements HttpRoute {}
}
