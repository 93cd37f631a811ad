package sempgw.semp.ingress.receive;

import java.util.Objects;
import java.util.Optional;
import sempgw.core.delivery.Acknowledgment;

/** What the conversation sends back for one envelope (DELIVERY.md §1). */
public sealed interface ReceiveOutcome permits ReceiveOutcome.Reply, ReceiveOutcome.Silent, ReceiveOutcome.Malformed {

    /**
     * Send this acknowledgment: {@code delivered} with its signed receipt, or {@code rejected} with
     * reason code, reason text and {@code postmark.id} (ENVELOPE.md §9.2, DELIVERY.md §1.1.1.5).
     *
     * @param acknowledgment the encoded acknowledgment, not copied
     * @param rejected what {@code acknowledgment} says when it is a rejection, for the responder's
     *     block-list answer ({@code PeerConversation}); empty for {@code delivered}
     */
    record Reply(byte[] acknowledgment, Optional<Acknowledgment.Rejected> rejected) implements ReceiveOutcome {
        public Reply {
            Objects.requireNonNull(acknowledgment, "acknowledgment");
            Objects.requireNonNull(rejected, "rejected");
        }

        /** An acknowledgment that is not a rejection. */
        public Reply(byte[] acknowledgment) {
            this(acknowledgment, Optional.empty());
        }
    }

    /**
     * Send nothing (DELIVERY.md §1.3): a silent block entry or a throttled sender domain
     * (DELIVERY.md §6.5.1). Only ever for envelopes that passed every verification step.
     *
     * @param why operator text for the log, never sent
     */
    record Silent(String why) implements ReceiveOutcome {
        public Silent {
            Objects.requireNonNull(why, "why");
        }
    }

    /**
     * Not an envelope any SEMP reply can answer: the bytes do not decode as an envelope
     * (semp-core's {@code Verdict.Malformed}), or no {@code postmark.id} of 1 to 256 characters
     * can be read for the rejection to name (ENVELOPE.md §9.2). The transport answers below SEMP:
     * HTTP 400 "Malformed SEMP message. Could not parse." (TRANSPORT.md §4.2.2, ERRORS.md §12), or
     * the WebSocket close that signals the same (RFC 6455 §7.4.1, 1007).
     *
     * @param why operator text for the log, never sent
     */
    record Malformed(String why) implements ReceiveOutcome {
        public Malformed {
            Objects.requireNonNull(why, "why");
        }
    }
}
