package sempgw.semp.egress.federation;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A transport whose connections lead straight to a {@link FakePeer}; it can refuse to connect, or go silent. */
final class InMemoryTransport implements FederationTransport {

    private final String id;
    private final FakePeer peer;
    final AtomicBoolean refuseConnect = new AtomicBoolean();
    final AtomicBoolean silent = new AtomicBoolean();
    /** Makes every exchange throw an unchecked exception, as a bug in a transport would. */
    final AtomicBoolean explode = new AtomicBoolean();
    final AtomicInteger connects = new AtomicInteger();
    /** When set, envelope exchanges ({@link TransportConnection#exchangeConcurrently}) wait for it, side by side. */
    volatile CountDownLatch envelopeHold;
    final AtomicInteger envelopesInFlight = new AtomicInteger();
    final AtomicInteger maxEnvelopesInFlight = new AtomicInteger();
    final List<URI> endpoints = new CopyOnWriteArrayList<>();
    final List<Connection> connections = new CopyOnWriteArrayList<>();

    InMemoryTransport(String id, FakePeer peer) {
        this.id = id;
        this.peer = peer;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public TransportConnection connect(URI endpoint) throws DeliveryException {
        endpoints.add(endpoint);
        if (refuseConnect.get()) {
            throw DeliveryException.connectFailed(id + ": connection refused", null);
        }
        connects.incrementAndGet();
        Connection c = new Connection(peer.open());
        connections.add(c);
        return c;
    }

    /** One in-memory connection; {@link #breakIt()} simulates the peer closing it. */
    final class Connection implements TransportConnection {
        private final FakePeer.Conversation conversation;
        private final AtomicBoolean open = new AtomicBoolean(true);

        Connection(FakePeer.Conversation conversation) {
            this.conversation = conversation;
        }

        @Override
        public Optional<byte[]> exchange(byte[] message, Duration timeout) throws DeliveryException {
            if (!open.get()) {
                throw new DeliveryException(id + ": connection closed");
            }
            if (explode.get()) {
                throw new IllegalStateException("transport bug");
            }
            return silent.get() ? Optional.empty() : conversation.onMessage(message);
        }

        @Override
        public Optional<byte[]> exchangeConcurrently(byte[] message, Duration timeout) throws DeliveryException {
            CountDownLatch hold = envelopeHold;
            if (hold == null) {
                return exchange(message, timeout);
            }
            maxEnvelopesInFlight.accumulateAndGet(envelopesInFlight.incrementAndGet(), Math::max);
            try {
                hold.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeliveryException(id + ": interrupted");
            } finally {
                envelopesInFlight.decrementAndGet();
            }
            return exchange(message, timeout);
        }

        @Override
        public boolean isOpen() {
            return open.get();
        }

        @Override
        public void close() {
            open.set(false);
        }

        void breakIt() {
            open.set(false);
        }

        FakePeer.Conversation conversation() {
            return conversation;
        }
    }
}
