package sempgw.app.bench;

/**
 * How a sending domain reaches the receiving gateway: over TLS on loopback with HTTP/2 or
 * WebSocket (semp-egress {@code H2Transport}, {@code WebSocketTransport}), or {@link #MEMORY}:
 * the responder's conversation called directly, the in-run anchor that shows what the network,
 * TLS and HTTP layers cost.
 */
enum Transport {
    MEMORY("in-memory"), H2("h2"), WS("ws");

    final String label;

    Transport(String label) {
        this.label = label;
    }
}
