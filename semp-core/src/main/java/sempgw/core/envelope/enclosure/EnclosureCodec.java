package sempgw.core.envelope.enclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import sempgw.core.json.JsonValue;

/**
 * Enclosure to and from JSON with semp-go's field set (SPEC-DIGEST-WIRE §2.5). The enclosure is
 * canonicalized for its sender signature, and go canonicalizes its struct, so the set must match
 * exactly: {@code content_type, body} always; {@code subject, attachments, forwarded_from,
 * extensions, sender_signature} only when non-empty, extension entries in go's shape. {@code forwarded_from: null} is therefore
 * omitted, not written as ENVELOPE.md §6.2 shows (docs/interop.md).
 */
public final class EnclosureCodec {
    private EnclosureCodec() {
    }

    /** The JSON tree of {@code e}. */
    public static JsonObject toJson(Enclosure e) {
        JsonObject.Builder o = JsonObject.builder();
        e.subject().ifPresent(s -> o.put("subject", s));
        o.put("content_type", e.contentType());
        JsonObject.Builder body = JsonObject.builder();
        e.body().forEach(body::put);
        o.put("body", body.build());
        if (!e.attachments().isEmpty()) {
            List<JsonValue> items = new ArrayList<>(e.attachments().size());
            for (Attachment a : e.attachments()) {
                items.add(attachment(a));
            }
            o.put("attachments", JsonArray.of(items));
        }
        e.forwardedFrom().ifPresent(f -> o.put("forwarded_from", forwardedFrom(f)));
        if (!e.extensions().isEmpty()) {
            o.put("extensions", Extensions.goShape(e.extensions()));
        }
        e.senderSignature().ifPresent(s -> o.put("sender_signature", signature(s)));
        return o.build();
    }

    /** The plaintext bytes to encrypt under {@code K_enclosure}. */
    public static byte[] encode(Enclosure e) {
        return CanonicalJson.encode(toJson(e));
    }

    /**
     * Parses decrypted enclosure bytes with the strict parser, keeping the tree: the sender
     * signature is verified over it (ENVELOPE.md §6.5.3).
     *
     * @throws EnvelopeFormatException MALFORMED_JSON
     */
    public static JsonObject parse(byte[] plaintext) throws EnvelopeFormatException {
        try {
            return JsonParser.parseObject(plaintext, JsonParser.Options.wire().withMaxBytes(plaintext.length));
        } catch (JsonException ex) {
            throw new EnvelopeFormatException(FormatError.MALFORMED_JSON, "enclosure", ex.getMessage(), ex);
        }
    }

    /** The typed view of an enclosure tree; unknown members are ignored. */
    public static Enclosure fromJson(JsonObject tree) throws EnvelopeFormatException {
        FieldReader r = FieldReader.of(tree, "enclosure");
        List<Attachment> attachments = new ArrayList<>();
        Optional<JsonArray> items = r.optionalArray("attachments");
        if (items.isPresent()) {
            for (JsonValue v : items.get().elements()) {
                if (!(v instanceof JsonObject item)) {
                    throw new EnvelopeFormatException(FormatError.WRONG_TYPE, r.path("attachments"), "element is " + v.typeName());
                }
                attachments.add(attachment(FieldReader.of(item, r.path("attachments"))));
            }
        }
        Optional<ForwardedFrom> forward = r.optionalObject("forwarded_from").isPresent()
                ? Optional.of(forwardedFrom(r.child("forwarded_from"))) : Optional.empty();
        Optional<IdentitySignature> sig = r.optionalObject("sender_signature").isPresent()
                ? Optional.of(signature(r.child("sender_signature"))) : Optional.empty();
        return new Enclosure(r.optionalString("subject"), r.string("content_type"), r.stringMap("body"), attachments,
                forward, r.objectOrEmpty("extensions"), sig);
    }

    static JsonObject signature(IdentitySignature s) {
        return JsonObject.builder().put("algorithm", s.algorithm()).put("key_id", s.keyId()).put("value", s.value()).build();
    }

    static JsonObject forwardedFrom(ForwardedFrom f) {
        JsonObject.Builder o = JsonObject.builder().put("original_enclosure_plaintext", f.originalEnclosurePlaintext());
        f.originalSeal().ifPresent(s -> o.put("original_seal", s));
        f.originalPostmark().ifPresent(p -> o.put("original_postmark", p));
        return o.put("original_sender_address", f.originalSenderAddress())
                .put("received_at", Rfc3339.format(f.receivedAt()))
                .put("forwarder_attestation", signature(f.forwarderAttestation()))
                .build();
    }

    private static JsonObject attachment(Attachment a) {
        return JsonObject.builder().put("id", a.id()).put("filename", a.filename()).put("mime_type", a.mimeType())
                .put("size", a.size()).put("hash", a.hash()).put("content", a.content()).build();
    }

    private static Attachment attachment(FieldReader r) throws EnvelopeFormatException {
        return new Attachment(r.string("id"), r.string("filename"), r.string("mime_type"), r.nonNegativeLong("size"),
                r.string("hash"), r.string("content"));
    }

    private static IdentitySignature signature(FieldReader r) throws EnvelopeFormatException {
        return new IdentitySignature(r.string("algorithm"), r.string("key_id"), r.string("value"));
    }

    private static ForwardedFrom forwardedFrom(FieldReader r) throws EnvelopeFormatException {
        return new ForwardedFrom(r.object("original_enclosure_plaintext"), r.optionalObject("original_seal"),
                r.optionalObject("original_postmark"), r.string("original_sender_address"), r.timestamp("received_at"),
                signature(r.child("forwarder_attestation")));
    }
}
