package sempgw.smtp.egress;

import sempgw.smtp.egress.client.RecipientOutcome;
import sempgw.smtp.egress.client.RemoteReply;
import sempgw.smtp.egress.client.SmtpReply;
import sempgw.smtp.egress.client.Target;
import sempgw.store.queue.DeliveryResult;

/**
 * Turns what happened to a recipient into the queue's {@link DeliveryResult}: 2yz delivered,
 * 4yz deferred, 5yz failed (RFC 5321 §4.2.1); anything else, and every interruption, deferred,
 * so that doubt never becomes a bounce. Failures carry the RFC 3464 diagnostic type {@code smtp}.
 */
final class OutcomeMapper {

    static final String DIAGNOSTIC_TYPE = "smtp";

    private OutcomeMapper() {
    }

    static DeliveryResult map(RecipientOutcome outcome, Target target) {
        return switch (outcome) {
            case RecipientOutcome.Replied(SmtpReply reply, String command) ->
                    byCode(reply, RemoteReply.of(target, reply, command).toString());
            case RecipientOutcome.Refused(SmtpReply reply) -> byCode(reply, reply.oneLine() + " (" + target.describe() + ")");
            case RecipientOutcome.Interrupted(String reason) -> new DeliveryResult.Deferred(reason);
        };
    }

    /** A next hop that could not be reached or refused to talk. */
    static DeliveryResult unavailable(String reason, boolean permanent) {
        return permanent ? new DeliveryResult.Failed(DIAGNOSTIC_TYPE, reason) : new DeliveryResult.Deferred(reason);
    }

    private static DeliveryResult byCode(SmtpReply reply, String text) {
        if (reply.isPositive()) {
            return new DeliveryResult.Delivered(text);
        }
        if (reply.isPermanent()) {
            return new DeliveryResult.Failed(DIAGNOSTIC_TYPE, text);
        }
        return new DeliveryResult.Deferred(text);
    }
}
