package sempgw.smtp.egress.dsn;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import sempgw.smtp.egress.client.EnhancedStatus;
import sempgw.smtp.egress.client.RemoteReply;
import sempgw.store.queue.DeliveryResult;
import sempgw.store.queue.Recipient;

/**
 * What to report about one recipient in a DSN.
 *
 * @param diagnosticType the RFC 3464 §2.3.6 diagnostic type ({@code smtp}, {@code semp}, ...)
 * @param reply the last reply or local reason, as the delivery agent reported it; a reply in
 *     {@link RemoteReply} form gives the Remote-MTA too
 * @param lastAttempt the time of the last delivery attempt (RFC 3464 §2.3.7)
 * @param willRetryUntil for a delay report, when retries stop (RFC 3464 §2.3.9)
 * @param reason the reason code that came with the reply; its RFC 3463 status, when known and
 *     fitting the action, is the Status field (RFC 3464 §2.3.4) whatever the reply text says
 */
public record RecipientNotice(Recipient recipient, DsnAction action, String diagnosticType, String reply,
                              Instant lastAttempt, Optional<Instant> willRetryUntil, Optional<DeliveryResult.Reason> reason) {

    public RecipientNotice {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(diagnosticType, "diagnosticType");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(lastAttempt, "lastAttempt");
        Objects.requireNonNull(willRetryUntil, "willRetryUntil");
        Objects.requireNonNull(reason, "reason");
    }

    /** A notice for a reply without a reason code (SMTP). */
    public RecipientNotice(Recipient recipient, DsnAction action, String diagnosticType, String reply, Instant lastAttempt,
            Optional<Instant> willRetryUntil) {
        this(recipient, action, diagnosticType, reply, lastAttempt, willRetryUntil, Optional.empty());
    }

    /**
     * The notice for a delivery agent's result: failed, delayed, or relayed for a success
     * (the SMTP next hop takes over; LMTP callers say {@link DsnAction#DELIVERED} themselves).
     */
    public static RecipientNotice of(Recipient recipient, DeliveryResult result, Instant lastAttempt, Optional<Instant> willRetryUntil) {
        return switch (result) {
            case DeliveryResult.Failed(String type, String reply, var reason) ->
                    new RecipientNotice(recipient, DsnAction.FAILED, type, reply, lastAttempt, Optional.empty(), reason);
            case DeliveryResult.Deferred(String reply, var reason) ->
                    new RecipientNotice(recipient, DsnAction.DELAYED, "smtp", reply, lastAttempt, willRetryUntil, reason);
            case DeliveryResult.Delivered(String reply) ->
                    new RecipientNotice(recipient, DsnAction.RELAYED, "smtp", reply, lastAttempt, Optional.empty());
        };
    }

    /** The RFC 3463 status of the reason code, when one is known. */
    Optional<EnhancedStatus> reasonStatus() {
        return reason.flatMap(DeliveryResult.Reason::status).flatMap(EnhancedStatus::parse);
    }

    /** The remote host and reply, when the reply came from one. */
    Optional<RemoteReply> remote() {
        return RemoteReply.parse(reply);
    }
}
