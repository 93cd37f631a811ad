package sempgw.core.envelope.brief;

import java.util.List;
import sempgw.core.envelope.EnvelopeFormatException;
import sempgw.core.envelope.Extensions;
import sempgw.core.envelope.FieldReader;
import sempgw.core.envelope.FormatError;
import sempgw.core.envelope.Rfc3339;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.JsonArray;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonParser;

/**
 * Brief to and from JSON with semp-go's field set (SPEC-DIGEST-WIRE §2.5): {@code message_id,
 * from, to, sent_at} always ({@code to} as {@code []} when empty), {@code cc, bcc, reply_to,
 * thread_id, group_id, in_reply_to, extensions} only when non-empty. The brief is encrypted, never
 * canonicalized for a signature, so only its content matters to a peer.
 */
public final class BriefCodec {
    private BriefCodec() {
    }

    /** The JSON tree of {@code brief}. */
    public static JsonObject toJson(Brief b) {
        JsonObject.Builder o = JsonObject.builder()
                .put("message_id", b.messageId())
                .put("from", b.from())
                .put("to", JsonArray.ofStrings(b.to()));
        putList(o, "cc", b.cc());
        putList(o, "bcc", b.bcc());
        b.replyTo().ifPresent(v -> o.put("reply_to", v));
        o.put("sent_at", Rfc3339.format(b.sentAt()));
        b.threadId().ifPresent(v -> o.put("thread_id", v));
        b.groupId().ifPresent(v -> o.put("group_id", v));
        b.inReplyTo().ifPresent(v -> o.put("in_reply_to", v));
        if (!b.extensions().isEmpty()) {
            o.put("extensions", Extensions.goShape(b.extensions()));
        }
        return o.build();
    }

    /** The plaintext bytes to encrypt under {@code K_brief}. */
    public static byte[] encode(Brief b) {
        return CanonicalJson.encode(toJson(b));
    }

    /**
     * Decodes decrypted brief bytes with the strict parser.
     *
     * @throws EnvelopeFormatException MALFORMED_JSON, MISSING_FIELD, WRONG_TYPE or INVALID_VALUE
     */
    public static Brief decode(byte[] plaintext) throws EnvelopeFormatException {
        try {
            return fromJson(JsonParser.parseObject(plaintext, JsonParser.Options.wire().withMaxBytes(plaintext.length)));
        } catch (JsonException e) {
            throw new EnvelopeFormatException(FormatError.MALFORMED_JSON, "brief", e.getMessage(), e);
        }
    }

    /** The typed view of a brief tree; unknown members are ignored. */
    public static Brief fromJson(JsonObject tree) throws EnvelopeFormatException {
        FieldReader r = FieldReader.of(tree, "brief");
        return new Brief(r.string("message_id"), r.string("from"), r.strings("to"), r.strings("cc"), r.strings("bcc"),
                r.optionalString("reply_to"), r.timestamp("sent_at"), r.optionalString("thread_id"),
                r.optionalString("group_id"), r.optionalString("in_reply_to"), r.objectOrEmpty("extensions"));
    }

    private static void putList(JsonObject.Builder o, String key, List<String> values) {
        if (!values.isEmpty()) {
            o.put(key, JsonArray.ofStrings(values));
        }
    }
}
