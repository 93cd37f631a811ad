package sempgw.semp.egress.delivery;

import java.time.Instant;
import java.util.Objects;
import sempgw.core.delivery.DeliveryReceipt;
import sempgw.core.keys.KeyId;

/**
 * What one delivery attempt of one envelope came to (DELIVERY.md §1, §2.2), before it is turned
 * into the queue's per-recipient results. Every variant names a short {@link #code()} for the
 * log: the SEMP reason code of a rejection, else the kind of failure.
 */
sealed interface AttemptOutcome {

    /** The log's reason code. */
    String code();

    /** {@code delivered} with a receipt that verified under the peer's published key (DELIVERY.md §1.1.1.6). */
    record Delivered(DeliveryReceipt receipt) implements AttemptOutcome {
        public Delivered {
            Objects.requireNonNull(receipt, "receipt");
        }

        /** The key that signed the receipt. */
        KeyId receiptKey() {
            return receipt.keyId();
        }

        /** When the peer accepted the envelope, by its receipt. */
        Instant acceptedAt() {
            return receipt.acceptedAt();
        }

        @Override
        public String code() {
            return "delivered";
        }
    }

    /** {@code delivered} from a peer in the relaxed-receipt list, whose receipt is missing or did not verify. */
    record DeliveredUnverified(String why) implements AttemptOutcome {
        public DeliveredUnverified {
            Objects.requireNonNull(why, "why");
        }

        @Override
        public String code() {
            return "receipt_unverified";
        }
    }

    /**
     * Non-terminal: retry on schedule (DELIVERY.md §2.2).
     *
     * @param code a recoverable SEMP reason code, or {@code silent}, {@code transport}, {@code receipt_invalid}
     * @param invalidate whether the session and the discovery entry were dropped (DELIVERY.md §2.3,
     *     DISCOVERY.md §6.1)
     */
    record Deferred(String code, String reason, boolean invalidate) implements AttemptOutcome {
        public Deferred {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Terminal failure: a non-recoverable rejection, an oversize envelope, or the deadline passed. */
    record Failed(String code, String reason) implements AttemptOutcome {
        public Failed {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
