package sempgw.core.envelope;

import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.Elision;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonNull;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonParser;
import sempgw.core.json.JsonString;
import sempgw.core.json.JsonValue;

/**
 * Envelope to and from JSON with exactly semp-go's field sets (SPEC-DIGEST-WIRE §2.5): go
 * canonicalizes its structs, so any extra member, or any omitted non-omitempty one, would break
 * its signature check on what we seal.
 *
 * <ul>
 *   <li>top level: {@code type, version, postmark, seal, brief, enclosure, padding} ({@code padding}
 *   always present, possibly "");</li>
 *   <li>postmark: {@code id, session_id, from_domain, to_domain, expires}, then {@code hop_count}
 *   and {@code extensions} only when present / non-empty;</li>
 *   <li>seal: {@code algorithm, key_id, signature, session_mac, brief_recipients,
 *   enclosure_recipients, first_contact_token} (JSON {@code null} when unused, ENVELOPE.md §4.2),
 *   then {@code extensions} only when non-empty.</li>
 * </ul>
 * Extension entries are written in go's shape ({@link Extensions#goShape}). The wire form is the
 * canonical writer's output (sorted keys), which go accepts like any JSON.
 */
public final class EnvelopeCodec {
    private static final Pattern SEMVER = Pattern.compile("(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})([-+][0-9A-Za-z.+-]{1,64})?");

    private EnvelopeCodec() {
    }

    /** The JSON tree of {@code envelope}, with go's field sets. */
    public static JsonObject toJson(Envelope envelope) {
        return JsonObject.builder()
                .put("type", Envelope.TYPE)
                .put("version", envelope.version())
                .put("postmark", postmark(envelope.postmark()))
                .put("seal", seal(envelope.seal()))
                .put("brief", envelope.brief())
                .put("enclosure", envelope.enclosure())
                .put("padding", envelope.padding())
                .build();
    }

    /** The wire bytes of {@code envelope}. */
    public static byte[] encode(Envelope envelope) {
        return CanonicalJson.encode(toJson(envelope));
    }

    /** The length of {@link #encode}'s result, measured without producing the bytes. */
    public static int encodedLength(Envelope envelope) {
        return CanonicalJson.encodedLength(toJson(envelope), Elision.NONE);
    }

    /**
     * Decodes wire bytes, keeping the received tree for verification.
     *
     * @param maxBytes the {@code max_envelope_size} in force (ENVELOPE.md §9.3)
     * @throws EnvelopeFormatException TOO_LARGE beyond {@code maxBytes}; MALFORMED_JSON,
     *     NOT_AN_ENVELOPE, VERSION_UNSUPPORTED, MISSING_FIELD, WRONG_TYPE or INVALID_VALUE otherwise
     */
    public static ReceivedEnvelope decode(byte[] wire, int maxBytes) throws EnvelopeFormatException {
        if (wire.length > maxBytes) {
            throw new EnvelopeFormatException(FormatError.TOO_LARGE, "", "envelope of " + wire.length + " bytes exceeds " + maxBytes);
        }
        JsonObject tree;
        try {
            tree = JsonParser.parseObject(wire, JsonParser.Options.wire().withMaxBytes(maxBytes));
        } catch (JsonException e) {
            throw new EnvelopeFormatException(FormatError.MALFORMED_JSON, "", e.getMessage(), e);
        }
        return new ReceivedEnvelope(fromJson(tree), tree, wire.length);
    }

    /** The typed view of an envelope tree. Unknown members are ignored (CONFORMANCE.md §9). */
    public static Envelope fromJson(JsonObject tree) throws EnvelopeFormatException {
        FieldReader r = FieldReader.of(tree, "");
        if (!(tree.getOrNull("type") instanceof JsonString(String type)) || !Envelope.TYPE.equals(type)) {
            throw new EnvelopeFormatException(FormatError.NOT_AN_ENVELOPE, "type", "not SEMP_ENVELOPE");
        }
        String version = checkVersion(r.string("version"));
        return new Envelope(version, postmark(r.child("postmark")), seal(r.child("seal")),
                r.string("brief"), r.string("enclosure"), r.stringOrEmpty("padding"));
    }

    private static String checkVersion(String version) throws EnvelopeFormatException {
        Matcher m = SEMVER.matcher(version);
        if (!m.matches()) {
            throw new EnvelopeFormatException(FormatError.INVALID_VALUE, "version", "not a semantic version");
        }
        if (!"1".equals(m.group(1))) {
            throw new EnvelopeFormatException(FormatError.VERSION_UNSUPPORTED, "version", "MAJOR version is not 1 (CONFORMANCE.md §9.1)");
        }
        return version;
    }

    private static JsonObject postmark(Postmark p) {
        JsonObject.Builder b = JsonObject.builder()
                .put("id", p.id())
                .put("session_id", p.sessionId())
                .put("from_domain", p.fromDomain())
                .put("to_domain", p.toDomain())
                .put("expires", Rfc3339.format(p.expires()));
        p.hopCount().ifPresent(h -> b.put("hop_count", h));
        if (!p.extensions().isEmpty()) {
            b.put("extensions", Extensions.goShape(p.extensions()));
        }
        return b.build();
    }

    private static Postmark postmark(FieldReader r) throws EnvelopeFormatException {
        String from = r.string("from_domain");
        String to = r.string("to_domain");
        if (!SempAddress.isCanonicalDomain(from)) {
            throw new EnvelopeFormatException(FormatError.INVALID_VALUE, r.path("from_domain"), "not a lower-case A-label domain (ENVELOPE.md §2.3.2)");
        }
        if (!SempAddress.isCanonicalDomain(to)) {
            throw new EnvelopeFormatException(FormatError.INVALID_VALUE, r.path("to_domain"), "not a lower-case A-label domain (ENVELOPE.md §2.3.2)");
        }
        String id = r.string("id");
        if (id.isEmpty()) {
            throw new EnvelopeFormatException(FormatError.INVALID_VALUE, r.path("id"), "empty");
        }
        OptionalLong hops = r.optionalNonNegativeLong("hop_count");
        return new Postmark(id, r.stringOrEmpty("session_id"), from, to, r.utcTimestamp("expires"), hops, r.objectOrEmpty("extensions"));
    }

    private static JsonObject seal(Seal s) {
        JsonObject.Builder b = JsonObject.builder()
                .put("algorithm", s.algorithm())
                .put("key_id", s.keyId())
                .put("signature", s.signature())
                .put("session_mac", s.sessionMac())
                .put("brief_recipients", stringMap(s.briefRecipients()))
                .put("enclosure_recipients", stringMap(s.enclosureRecipients()))
                .put("first_contact_token", s.firstContactToken().<JsonValue>map(t -> t).orElse(JsonNull.INSTANCE));
        if (!s.extensions().isEmpty()) {
            b.put("extensions", Extensions.goShape(s.extensions()));
        }
        return b.build();
    }

    private static Seal seal(FieldReader r) throws EnvelopeFormatException {
        return new Seal(r.string("algorithm"), r.string("key_id"), r.string("signature"), r.string("session_mac"),
                r.stringMap("brief_recipients"), r.stringMap("enclosure_recipients"),
                r.optionalObject("first_contact_token"), r.objectOrEmpty("extensions"));
    }

    private static JsonObject stringMap(Map<String, String> map) {
        JsonObject.Builder b = JsonObject.builder();
        map.forEach(b::put);
        return b.build();
    }
}
