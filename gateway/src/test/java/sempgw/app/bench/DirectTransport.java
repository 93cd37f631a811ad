package sempgw.app.bench;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import sempgw.semp.egress.federation.FederationTransport;
import sempgw.semp.egress.federation.TransportConnection;
import sempgw.semp.ingress.Conversation;
import sempgw.semp.ingress.FederationEndpoint;

/**
 * A federation transport without a network: each connection is one responder conversation,
 * each exchange one {@link Conversation#onMessage} call on the caller's thread. It claims the
 * {@code h2} id so the client's transport order picks it; the URL is not used.
 */
final class DirectTransport implements FederationTransport {
    private final FederationEndpoint endpoint;

    DirectTransport(FederationEndpoint endpoint) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    @Override
    public String id() {
        return "h2";
    }

    @Override
    public TransportConnection connect(URI ignored) {
        Conversation conversation = endpoint.open(null, "in-memory");
        return new TransportConnection() {
            private volatile boolean open = true;

            @Override
            public synchronized Optional<byte[]> exchange(byte[] message, Duration timeout) {
                return conversation.onMessage(message, Instant.now());
            }

            @Override
            public boolean isOpen() {
                return open && !conversation.finished();
            }

            @Override
            public void close() {
                open = false;
                conversation.close();
            }
        };
    }
}
