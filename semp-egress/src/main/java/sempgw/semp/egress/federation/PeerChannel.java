package sempgw.semp.egress.federation;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.session.Session;

/**
 * A live session with one peer and the connection it was established on. The connection and
 * the session live and die together: a closed connection or an I/O error drops both, and the
 * next {@link FederationClient#channel} runs a new handshake (TRANSPORT.md §8.2 allows resuming
 * on a new connection; we do not, so the keys of a session go with its connection, though our own
 * responder accepts a live session's envelopes on any connection).
 * {@link #exchange} carries envelopes: on h2 several at once ({@link TransportConnection#exchangeConcurrently}),
 * while the rekey ({@link RekeyRun}) exchanges alone.
 */
final class PeerChannel implements FederationChannel {

    private final String peerDomain;
    private final Session session;
    private final TransportConnection connection;
    private final String transport;
    private final long maxEnvelopeSize;
    private volatile boolean rekeyGivenUp;

    PeerChannel(String peerDomain, Session session, TransportConnection connection, String transport, long maxEnvelopeSize) {
        this.peerDomain = Objects.requireNonNull(peerDomain, "peerDomain");
        this.session = Objects.requireNonNull(session, "session");
        this.connection = Objects.requireNonNull(connection, "connection");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.maxEnvelopeSize = maxEnvelopeSize;
    }

    @Override
    public String peerDomain() {
        return peerDomain;
    }

    @Override
    public String sessionId() {
        return session.id();
    }

    @Override
    public SecretBytes envMacKey() {
        return session.keys().envMac();
    }

    @Override
    public long maxEnvelopeSize() {
        return maxEnvelopeSize;
    }

    @Override
    public Optional<byte[]> exchange(byte[] message, Duration timeout) throws DeliveryException {
        try {
            return connection.exchangeConcurrently(message, timeout);
        } catch (DeliveryException e) {
            connection.close();
            throw e;
        }
    }

    Session session() {
        return session;
    }

    TransportConnection connection() {
        return connection;
    }

    String transport() {
        return transport;
    }

    boolean rekeyGivenUp() {
        return rekeyGivenUp;
    }

    void giveUpRekey() {
        rekeyGivenUp = true;
    }

    /** Closes the connection and erases the session keys (SESSION.md §2.4). */
    void drop() {
        connection.close();
        session.destroy();
    }

    @Override
    public String toString() {
        return "PeerChannel[" + peerDomain + ", " + session.id() + ", " + transport + "]";
    }
}
