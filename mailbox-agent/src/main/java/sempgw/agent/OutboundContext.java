package sempgw.agent;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What {@link MimeToSemp} needs besides the message.
 *
 * @param senderAddress the canonical SEMP address of the provisioned sender (ENVELOPE.md §2.3)
 * @param envelopeRecipients every RCPT TO of the queued message
 * @param deliverNow the recipients of this delivery batch: one domain, a subset of
 *     {@code envelopeRecipients}
 * @param now the current time, used for {@code sent_at} when the message has no readable Date
 * @param newMessageId the {@code brief.message_id} (a ULID, never the RFC 5322 Message-ID); the
 *     gateway gives the same one for every conversion of a queued message (ENVELOPE.md §5)
 */
public record OutboundContext(String senderAddress, List<String> envelopeRecipients, List<String> deliverNow, Instant now,
                              Supplier<String> newMessageId) {

    public OutboundContext {
        Objects.requireNonNull(senderAddress, "senderAddress");
        envelopeRecipients = List.copyOf(envelopeRecipients);
        deliverNow = List.copyOf(deliverNow);
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(newMessageId, "newMessageId");
        if (deliverNow.isEmpty()) {
            throw new IllegalArgumentException("deliverNow names no recipient");
        }
    }

    /** Shows counts only: addresses are private. */
    @Override
    public String toString() {
        return "OutboundContext[" + envelopeRecipients.size() + " recipients, " + deliverNow.size() + " now]";
    }
}
