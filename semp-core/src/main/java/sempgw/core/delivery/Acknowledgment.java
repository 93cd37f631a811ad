package sempgw.core.delivery;

import java.util.Objects;
import java.util.Optional;
import sempgw.core.SempReason;

/**
 * The recipient server's answer to one envelope (DELIVERY.md §1): {@code delivered} or
 * {@code rejected}. The third outcome, {@code silent}, is the absence of an answer and has no
 * value here (DELIVERY.md §1.3). {@link #envelopeId()} is the envelope's {@code postmark.id}
 * (ENVELOPE.md §9.2). Wire form: {@link AcknowledgmentCodec}.
 */
public sealed interface Acknowledgment permits Acknowledgment.Delivered, Acknowledgment.Rejected {

    /**
     * The {@code postmark.id} of the acknowledged envelope (1 to 256 characters). An envelope too
     * malformed to have one gets a transport 400, not an acknowledgment (ERRORS.md §12).
     */
    String envelopeId();

    /**
     * Accepted for delivery (DELIVERY.md §1.1). Our servers always attach a receipt
     * (DELIVERY.md §1.1.1.5); a received {@code delivered} may lack one (semp-go's library
     * pipeline sends none), and the sender then applies DELIVERY.md §1.1.1.6: a transport
     * failure to retry, unless the operator lists the peer in {@code semp.receipts.relaxed_peers}.
     */
    record Delivered(String envelopeId, Optional<DeliveryReceipt> receipt) implements Acknowledgment {
        public Delivered {
            Objects.requireNonNull(envelopeId, "envelopeId");
            Objects.requireNonNull(receipt, "receipt");
        }

        /** A {@code delivered} carrying its receipt, the only form a recipient server may send. */
        public Delivered(String envelopeId, DeliveryReceipt receipt) {
            this(envelopeId, Optional.of(receipt));
        }
    }

    /**
     * Refused with a reason code and a human-readable description (DELIVERY.md §1.2,
     * ENVELOPE.md §9.2). {@link SempReason#recoverable()} tells the sender whether to retry.
     * A received code we do not know is {@link SempReason#UNKNOWN}, terminal (ERRORS.md §15.2);
     * {@code text} then starts with the received code.
     */
    record Rejected(String envelopeId, SempReason reason, String text) implements Acknowledgment {
        public Rejected {
            Objects.requireNonNull(envelopeId, "envelopeId");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(text, "text");
        }
    }
}
