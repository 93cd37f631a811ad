package sempgw.semp.ingress.documents;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import sempgw.core.SempTimestamps;
import sempgw.core.envelope.SempAddress;
import sempgw.core.json.JsonArray;
import sempgw.core.json.JsonBool;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonParser;
import sempgw.core.json.JsonString;
import sempgw.core.json.JsonValue;
import sempgw.core.keys.KeyType;
import sempgw.semp.ingress.HttpAnswer;

/**
 * Validates the body of a batch key request ({@code POST <endpoints.keys>}, KEY.md §3.1, §4.2).
 * Checks in order, each refusal an explicit HTTP answer:
 * <ol>
 *   <li>body larger than {@value #MAX_BODY} bytes: 413;</li>
 *   <li>not a JSON object, or {@code type}/{@code step} not {@code SEMP_KEYS}/{@code request}: 400;</li>
 *   <li>{@code version} not MAJOR 1 (CONFORMANCE.md §9.1), {@code id} missing or over 128
 *   characters, {@code timestamp} not RFC 3339: 400;</li>
 *   <li>{@code addresses} missing or empty: 400; more than the configured maximum: 413;</li>
 *   <li>any address that does not canonicalize (ENVELOPE.md §2.3): 400, the same answer for all;</li>
 *   <li>{@code key_types} not an array of known types (KEY.md §4.4), {@code include_domain_keys}
 *   not a boolean: 400.</li>
 * </ol>
 * {@code extensions} is accepted and ignored: requests are anonymous and authentication is never
 * required (KEY.md §4.1).
 */
final class KeysRequestReader {
    static final int MAX_BODY = 64 * 1024;
    private static final int MAX_ID = 128;

    /** The outcome: a request, or the answer refusing it. */
    sealed interface Read permits Read.Valid, Read.Refused {
        record Valid(KeysRequest request) implements Read { }

        record Refused(HttpAnswer answer) implements Read { }
    }

    private KeysRequestReader() {
    }

    static Read read(byte[] body, int maxAddresses) {
        if (body.length > MAX_BODY) {
            return refuse(413, "request_too_large", "a key request body is at most 65536 bytes");
        }
        JsonObject o;
        try {
            o = JsonParser.parseObject(body, JsonParser.Options.wire().withMaxBytes(MAX_BODY).withMaxDepth(8));
        } catch (JsonException e) {
            return refuse(400, "malformed_request", "the body is not a JSON object");
        }
        if (!string(o, "type").equals(Optional.of("SEMP_KEYS")) || !string(o, "step").equals(Optional.of("request"))) {
            return refuse(400, "malformed_request", "not a SEMP_KEYS request (KEY.md 4.2)");
        }
        Optional<String> id = string(o, "id").filter(s -> !s.isEmpty() && s.length() <= MAX_ID);
        if (!string(o, "version").filter(v -> v.startsWith("1.")).isPresent() || id.isEmpty()
                || string(o, "timestamp").flatMap(SempTimestamps::parse).isEmpty()) {
            return refuse(400, "malformed_request", "version, id or timestamp is missing or invalid (KEY.md 4.2)");
        }
        if (!(o.getOrNull("addresses") instanceof JsonArray list) || list.size() == 0) {
            return refuse(400, "malformed_request", "addresses must be a non-empty array (KEY.md 4.2)");
        }
        if (list.size() > maxAddresses) {
            return refuse(413, "too_many_addresses", "at most " + maxAddresses + " addresses per request");
        }
        List<SempAddress> addresses = new ArrayList<>(list.size());
        for (JsonValue v : list.elements()) {
            Optional<SempAddress> a = v instanceof JsonString s ? AddressText.canonical(s.value()) : Optional.empty();
            if (a.isEmpty()) {
                return new Read.Refused(DocumentErrors.MALFORMED_ADDRESS);
            }
            addresses.add(a.get());
        }
        Optional<Set<KeyType>> types = Optional.empty();
        if (o.has("key_types")) {
            types = keyTypes(o.getOrNull("key_types"));
            if (types.isEmpty()) {
                return refuse(400, "malformed_request", "key_types must be an array of identity, encryption, device, domain");
            }
        }
        JsonValue include = o.getOrNull("include_domain_keys");
        if (include != null && !(include instanceof JsonBool)) {
            return refuse(400, "malformed_request", "include_domain_keys must be a boolean");
        }
        boolean includeDomainKeys = !(include instanceof JsonBool b) || b.value();
        return new Read.Valid(new KeysRequest(id.get(), addresses, types, includeDomainKeys));
    }

    private static Optional<Set<KeyType>> keyTypes(JsonValue v) {
        if (!(v instanceof JsonArray a)) {
            return Optional.empty();
        }
        Set<KeyType> out = EnumSet.noneOf(KeyType.class);
        for (JsonValue e : a.elements()) {
            Optional<KeyType> t = e instanceof JsonString s ? KeyType.parse(s.value()) : Optional.empty();
            if (t.isEmpty()) {
                return Optional.empty();
            }
            out.add(t.get());
        }
        return Optional.of(out);
    }

    private static Optional<String> string(JsonObject o, String key) {
        return o.getOrNull(key) instanceof JsonString s ? Optional.of(s.value()) : Optional.empty();
    }

    private static Read refuse(int status, String code, String message) {
        return new Read.Refused(DocumentErrors.of(status, code, message));
    }
}
