package sempgw.app.qmgr;

import java.util.Objects;
import java.util.Optional;
import sempgw.store.queue.DeliveryResult;
import sempgw.store.queue.Recipient;

/**
 * One recipient's line in a delivery status notification (RFC 3464 §2.3).
 *
 * @param index the recipient's index in the queue entry
 * @param kind what happened to it
 * @param diagnosticType RFC 3464 §2.3.6 diagnostic type ({@code smtp}, {@code semp})
 * @param reply the remote reply or local reason, reported as the diagnostic code
 * @param reason the reason code that came with the reply; its RFC 3463 status, when known, is the DSN's Status
 */
public record Notice(int index, Recipient recipient, Kind kind, String diagnosticType, String reply,
                     Optional<DeliveryResult.Reason> reason) {
    public Notice {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(diagnosticType, "diagnosticType");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(reason, "reason");
    }

    /** A notice for a reply without a reason code. */
    public Notice(int index, Recipient recipient, Kind kind, String diagnosticType, String reply) {
        this(index, recipient, kind, diagnosticType, reply, Optional.empty());
    }

    public enum Kind {
        /** A permanent failure: Action: failed (RFC 3464 §2.3.3). */
        FAILED,
        /** Still undeliverable when the lifetime ran out: Action: failed, Status 4.4.7 (RFC 3463 §3.5). */
        EXPIRED,
        /** Still trying: Action: delayed (RFC 3464 §2.3.3). */
        DELAYED
    }
}
