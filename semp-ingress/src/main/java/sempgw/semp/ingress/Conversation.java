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
     * Bad input that parses as a SEMP message is answered with a SEMP rejection; input that does
     * not is reported by {@link #lastMessageMalformed()}. This method does not throw for either.
     *
     * @return the reply to send, or empty to send nothing ({@code silent}, DELIVERY.md §1.3, or
     *     a malformed message)
     */
    Optional<byte[]> onMessage(byte[] message, Instant now);

    /**
     * Whether the message just handled could not be parsed as a SEMP message the protocol can
     * answer: not JSON, or an envelope without a readable {@code postmark.id}, which every
     * rejection must name (ENVELOPE.md §9.2). {@link #onMessage} then returned empty and the
     * transport answers at its own layer, below SEMP (ERRORS.md §12, TRANSPORT.md §4.2.2): HTTP
     * 400 on h2, close 1007 on WebSocket (RFC 6455 §7.4.1). Conversations that answer everything
     * at the SEMP layer keep the default, false.
     */
    default boolean lastMessageMalformed() {
        return false;
    }

    /** Whether the transport should be closed after the last reply was sent (a terminal rejection). */
    boolean finished();

    /** The transport is gone: abandon any half-open handshake and release what it held. */
    void close();
}
