package sempgw.semp.ingress.receive;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import sempgw.core.SempReason;
import sempgw.core.delivery.Acknowledgment;
import sempgw.core.delivery.AcknowledgmentCodec;
import sempgw.core.delivery.DeliveryReceipt;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonParser;
import sempgw.core.json.JsonString;

/**
 * The acknowledgments the pipeline sends, through semp-core's {@link AcknowledgmentCodec}. Every
 * rejection carries reason code, reason text and {@code postmark.id} (ENVELOPE.md §9.2). Every
 * {@code policy_forbidden} carries the same text whatever the cause (nonexistent, blocked, first
 * contact, foreign domain), so the reply never tells them apart (DELIVERY.md §6.4.3, §8.2).
 */
final class Replies {
    /** The one text of every {@code policy_forbidden}. */
    static final String POLICY_TEXT = "delivery refused by recipient policy";

    private Replies() {
    }

    /**
     * A rejection with {@code reason}; {@code policy_forbidden} always gets {@link #POLICY_TEXT}.
     *
     * @param recipients the local recipients, one semp-go {@code results} row each; empty before
     *     the brief is open
     */
    static ReceiveOutcome rejected(String postmarkId, List<String> recipients, SempReason reason, String text, Instant now) {
        String sent = reason == SempReason.POLICY_FORBIDDEN ? POLICY_TEXT : text;
        return new ReceiveOutcome.Reply(AcknowledgmentCodec.encode(new Acknowledgment.Rejected(postmarkId, reason, sent), recipients, now));
    }

    /**
     * {@code policy_forbidden}, with a first-contact challenge body when one is given
     * (ENVELOPE.md §9.3, HANDSHAKE.md §2.2a.3: "delivered as a field of a policy_forbidden
     * rejection response"), added as the acknowledgment's {@code challenge} member.
     */
    static ReceiveOutcome refused(String postmarkId, List<String> recipients, Optional<JsonObject> challenge, Instant now) {
        byte[] plain = AcknowledgmentCodec.encode(new Acknowledgment.Rejected(postmarkId, SempReason.POLICY_FORBIDDEN, POLICY_TEXT),
                recipients, now);
        if (challenge.isEmpty()) {
            return new ReceiveOutcome.Reply(plain);
        }
        try {
            JsonObject ack = JsonParser.parseObject(plain);
            return new ReceiveOutcome.Reply(CanonicalJson.encode(ack.with("challenge", challenge.get())));
        } catch (JsonException e) {
            throw new IllegalStateException("the acknowledgment codec wrote unparseable JSON", e);
        }
    }

    /** {@code delivered} with its signed receipt (DELIVERY.md §1.1.1.5), one row per local recipient. */
    static ReceiveOutcome delivered(String postmarkId, List<String> recipients, DeliveryReceipt receipt, Instant now) {
        return new ReceiveOutcome.Reply(AcknowledgmentCodec.encode(new Acknowledgment.Delivered(postmarkId, receipt), recipients, now));
    }

    /** {@code postmark.id} read from wire bytes that did not decode as an envelope; "" if none. */
    static String postmarkIdOf(byte[] wire) {
        try {
            return JsonParser.parseObject(wire).getOrNull("postmark") instanceof JsonObject p
                    && p.getOrNull("id") instanceof JsonString(String id) ? id : "";
        } catch (JsonException e) {
            return "";
        }
    }
}
