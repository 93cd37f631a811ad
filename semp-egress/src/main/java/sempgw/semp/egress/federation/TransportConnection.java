package sempgw.semp.egress.federation;

import java.time.Duration;
import java.util.Optional;

/**
 * One federation conversation on a transport: turn-based, one reply per message, in order
 * (TRANSPORT.md §4.2.3). Thread-safe: {@link #exchange}s are serialized; a binding that can
 * match replies without order (h2: one stream per message) lets {@link #exchangeConcurrently}
 * overlap.
 */
public interface TransportConnection extends AutoCloseable {

    /**
     * Sends {@code message} and waits up to {@code timeout} for the reply.
     *
     * @return the reply, or empty when none came in time (a silent peer, DELIVERY.md §1.3)
     * @throws DeliveryException the connection closed or failed; it is unusable afterwards
     */
    Optional<byte[]> exchange(byte[] message, Duration timeout) throws DeliveryException;

    /**
     * As {@link #exchange}, for an envelope of the established session: may overlap other such
     * exchanges (TRANSPORT.md §4.3.2 "multiple concurrent envelope deliveries proceed
     * independently"), never an {@link #exchange}, which waits for the ones in flight and holds
     * back new ones until it is answered (handshake and rekey stay ordered, §2.3). The default
     * serializes it like any exchange.
     */
    default Optional<byte[]> exchangeConcurrently(byte[] message, Duration timeout) throws DeliveryException {
        return exchange(message, timeout);
    }

    /** False once closed or broken. */
    boolean isOpen();

    /** Closes the connection; idempotent. */
    @Override
    void close();
}
