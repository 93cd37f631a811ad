package sempgw.semp.ingress;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * One peer's turn-based SEMP exchange over one transport binding: a WebSocket connection, or an
 * HTTP/2 tunnel correlated by {@code Semp-Session-Id} (TRANSPORT.md §4.1, §4.2.3). Messages are
 * handled one at a time, in arrival order, except those {@link #concurrently} lets run side by side.
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

    /**
     * Offers {@code message} to run beside other messages of this conversation instead of in turn:
     * an envelope of an established session, over a binding whose replies are not matched by
     * order (TRANSPORT.md §4.3.2 "multiple concurrent envelope deliveries proceed independently",
     * §8.3); handshake and rekey messages keep their turn (§2.3). The transport calls this in
     * arrival order, never while {@link #onMessage} runs; it runs the returned handling with the
     * time it starts, possibly beside other such handlings but never beside {@link #onMessage}.
     * A handling never finishes the conversation.
     *
     * @return empty, the default: the message takes its turn through {@link #onMessage}
     */
    default Optional<Function<Instant, Answer>> concurrently(byte[] message, Instant now) {
        return Optional.empty();
    }

    /**
     * What a message handled {@link #concurrently} produced.
     *
     * @param reply     the reply to send; empty to send nothing (silent, or malformed)
     * @param malformed as {@link #lastMessageMalformed()}, for this message
     */
    record Answer(Optional<byte[]> reply, boolean malformed) {
    }

    /** Whether the transport should be closed after the last reply was sent (a terminal rejection). */
    boolean finished();

    /** The transport is gone: abandon any half-open handshake and release what it held. */
    void close();
}
