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
import sempgw.core.json.JsonValue;

/**
 * The acknowledgments the pipeline sends, through semp-core's {@link AcknowledgmentCodec}. Every
 * rejection carries reason code, reason text and {@code postmark.id} (ENVELOPE.md §9.2), an
 * {@code extension_unsupported} also the extension key (EXTENSIONS.md §3.1, §8.3). Every
 * {@code policy_forbidden} carries the same text whatever the cause (nonexistent, blocked, first
 * contact, foreign domain), so the reply never tells them apart (DELIVERY.md §6.4.3, §8.2).
 */
final class Replies {
    /** The one text of every {@code policy_forbidden}. */
    static final String POLICY_TEXT = "delivery refused by recipient policy";
    /** The one text of {@code blocked}, which only a domain policy that may reveal blocks returns (ENVELOPE.md §9.3). */
    static final String BLOCKED_TEXT = "delivery refused: sender blocked";
    /** Longest {@code envelope_id} the acknowledgment codec writes and reads. */
    static final int MAX_ID_CHARS = 256;

    private Replies() {
    }

    /**
     * A rejection with {@code reason}. The verifier's detail is sent for seal, session, size and
     * extension failures, and the inbox's for its refusals (each names the failed check, never
     * content); {@code policy_forbidden} and {@code blocked} get fixed texts, since a policy's
     * detail is operator text, never sent ({@code PolicyDecision.Refuse}).
     *
     * @param recipients the local recipients, one semp-go {@code results} row each; empty before
     *     the brief is open
     */
    static ReceiveOutcome rejected(String postmarkId, List<String> recipients, SempReason reason, String text, Instant now) {
        return rejected(postmarkId, recipients, reason, text, Optional.empty(), now);
    }

    /**
     * {@link #rejected(String, List, SempReason, String, Instant)} naming the unsupported
     * {@code extension} of an {@code extension_unsupported} in a top-level {@code extension} member,
     * the diagnostic field of EXTENSIONS.md §8.3 (semp-go reads no such member and ignores it).
     */
    static ReceiveOutcome rejected(String postmarkId, List<String> recipients, SempReason reason, String text, Optional<String> extension,
                                   Instant now) {
        String sent = switch (reason) {
            case POLICY_FORBIDDEN -> POLICY_TEXT;
            case BLOCKED -> BLOCKED_TEXT;
            default -> text;
        };
        Acknowledgment.Rejected rejected = new Acknowledgment.Rejected(acknowledgeable(postmarkId) ? postmarkId : "-", reason, sent);
        byte[] ack = AcknowledgmentCodec.encode(rejected, recipients, now);
        if (!acknowledgeable(postmarkId)) {
            ack = with(ack, "envelope_id", JsonString.of(""));
        }
        if (extension.isPresent()) {
            ack = with(ack, "extension", JsonString.of(extension.get()));
        }
        return new ReceiveOutcome.Reply(ack, Optional.of(rejected));
    }

    /**
     * Whether {@code postmarkId} can be an acknowledgment's {@code envelope_id}: 1 to
     * {@value #MAX_ID_CHARS} characters, as {@link AcknowledgmentCodec} requires (a ULID has 26).
     * The pipeline answers an envelope without one as malformed, at the transport; only
     * {@code server_unavailable} after an internal failure is sent with {@code envelope_id}
     * {@code ""}, which senders read as a retry either way.
     */
    static boolean acknowledgeable(String postmarkId) {
        return !postmarkId.isEmpty() && postmarkId.length() <= MAX_ID_CHARS;
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
        return new ReceiveOutcome.Reply(with(plain, "challenge", challenge.get()));
    }

    /** {@code ack} with one top-level member added or replaced, in canonical form. */
    private static byte[] with(byte[] ack, String member, JsonValue value) {
        try {
            return CanonicalJson.encode(JsonParser.parseObject(ack).with(member, value));
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
