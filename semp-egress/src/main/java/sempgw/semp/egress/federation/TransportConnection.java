package sempgw.semp.egress.federation;

import java.time.Duration;
import java.util.Optional;

/**
 * One federation conversation on a transport: turn-based, one reply per message, in order
 * (TRANSPORT.md §4.2.3). Thread-safe: concurrent exchanges are serialized.
 */
public interface TransportConnection extends AutoCloseable {

    /**
     * Sends {@code message} and waits up to {@code timeout} for the reply.
     *
     * @return the reply, or empty when none came in time (a silent peer, DELIVERY.md §1.3)
     * @throws DeliveryException the connection closed or failed; it is unusable afterwards
     */
    Optional<byte[]> exchange(byte[] message, Duration timeout) throws DeliveryException;

    /** False once closed or broken. */
    boolean isOpen();

    /** Closes the connection; idempotent. */
    @Override
    void close();
}
