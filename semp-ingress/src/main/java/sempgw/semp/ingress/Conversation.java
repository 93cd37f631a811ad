package sempgw.semp.ingress;

import java.time.Instant;
import java.util.Optional;

/**
 * One peer's turn-based SEMP exchange over one transport binding: a WebSocket connection, or an
 * HTTP/2 tunnel correlated by {@code Semp-Session-Id} (TRANSPORT.md §4.1, §4.2.3). Messages are
 * handled one at a time, in arrival order.
 */
public interface Conversation {

    /**
     * Handles one complete SEMP message (a WebSocket text message or an HTTP/2 request body).
     * Bad input of any kind is answered with a SEMP rejection; this method does not throw for it.
     *
     * @return the reply to send, or empty to send nothing ({@code silent}, DELIVERY.md §1.3)
     */
    Optional<byte[]> onMessage(byte[] message, Instant now);

    /** Whether the transport should be closed after the last reply was sent (a terminal rejection). */
    boolean finished();

    /** The transport is gone: abandon any half-open handshake and release what it held. */
    void close();
}
