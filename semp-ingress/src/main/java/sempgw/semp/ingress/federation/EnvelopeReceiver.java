package sempgw.semp.ingress.federation;

import java.time.Instant;
import sempgw.semp.ingress.receive.PeerSessionRef;
import sempgw.semp.ingress.receive.ReceiveOutcome;

/**
 * Where an envelope received in a federation session goes: the receive pipeline, which answers
 * with an acknowledgment only after the envelope is durably stored (DELIVERY.md §1). The gateway
 * passes {@code receivePipeline::receive}; tests pass a lambda.
 */
@FunctionalInterface
public interface EnvelopeReceiver {

    /**
     * @param envelopeWire the {@code SEMP_ENVELOPE} message exactly as received
     * @param session the session the envelope names, with its authenticated peer domain when the
     *     session is live (otherwise the postmark's claim; the pipeline's session check refuses it)
     */
    ReceiveOutcome receive(byte[] envelopeWire, PeerSessionRef session, Instant now);
}
