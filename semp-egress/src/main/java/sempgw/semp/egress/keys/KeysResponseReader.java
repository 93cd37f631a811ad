package sempgw.semp.egress.keys;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import sempgw.core.ClockTolerance;
import sempgw.core.SempTimestamps;
import sempgw.core.StrictBase64;
import sempgw.core.crypto.SignatureContext;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.JsonArray;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonNull;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonParser;
import sempgw.core.json.JsonString;
import sempgw.core.json.JsonValue;
import sempgw.core.keys.DomainSigningPublicKey;
import sempgw.core.keys.KeyRecordSignatures;

/**
 * Reads a {@code SEMP_KEYS} response in either published form, failing closed, in order:
 *
 * <ol>
 *   <li>A JSON object within the byte limit, {@code type} {@code SEMP_KEYS}, {@code step}
 *   {@code response}, {@code version} MAJOR 1 (CONFORMANCE.md §9.1), an RFC 3339
 *   {@code timestamp} -> MALFORMED; that timestamp, the peer server's clock, no more than 5
 *   minutes ahead of ours (CONFORMANCE.md §9.3.1, §9.3.3) -> CLOCK_SKEW.</li>
 *   <li>{@code id} echoes our request's id, when we sent one (KEY.md §4.3) -> MALFORMED.</li>
 *   <li>A response {@code signature}, when present, names the domain signing key and verifies:
 *   Ed25519 over {@code "SEMP-KEYS:" || canonical(response with signature.value = "")}
 *   (KEY.md §3.1, §5.1) -> SIGNATURE_INVALID.</li>
 *   <li>At least one of {@code keys} (KEY.md §3.1 form) and {@code results} (CLIENT.md §5.4.3 form,
 *   what semp-go serves) is an array -> MALFORMED; both are read.</li>
 *   <li>Each result is an object with {@code address} and {@code status}; its
 *   {@code origin_signature}, when present, verifies over the result (semp-go's unprefixed form)
 *   -> SIGNATURE_INVALID; {@code status} {@code found} (records in {@code user_keys}),
 *   {@code not_found}, or {@code error}, which fails an asked address -> PEER_ERROR
 *   (CLIENT.md §5.4.5, §5.4.6); anything else -> MALFORMED.</li>
 *   <li>Each record as {@link VerifiedRecords} checks it.</li>
 * </ol>
 * An asked address that appears nowhere has no keys.
 */
final class KeysResponseReader {
    private static final Pattern VERSION = Pattern.compile("1\\.(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})([-+][0-9A-Za-z.+-]*)?");

    /** What was asked: the peer's signing key, the canonical addresses, and our request id (batch requests only). */
    record Asked(DomainSigningPublicKey signingKey, Set<String> addresses, Optional<String> requestId) {
        Asked {
            addresses = Set.copyOf(addresses);
        }
    }

    private KeysResponseReader() {
    }

    static Map<String, VerifiedRecords.Published> read(byte[] body, Asked asked, Instant now) throws KeyLookupException {
        try {
            JsonObject response = JsonParser.parseObject(body, JsonParser.Options.wire().withMaxBytes(body.length).withMaxDepth(16));
            header(response, asked, now);
            signature(response, asked.signingKey());
            VerifiedRecords records = new VerifiedRecords(asked.signingKey(), asked.addresses());
            boolean readable = false;
            if (response.getOrNull("results") instanceof JsonArray results) {
                readable = true;
                for (JsonValue r : results.elements()) {
                    result(r, asked, records);
                }
            }
            if (response.getOrNull("keys") instanceof JsonArray keys) {
                readable = true;
                for (JsonValue k : keys.elements()) {
                    records.add(k, Optional.empty());
                }
            }
            if (!readable) {
                throw malformed("neither keys nor results is an array");
            }
            return records.published();
        } catch (JsonException e) {
            throw malformed(e.getMessage());
        }
    }

    private static void header(JsonObject r, Asked asked, Instant now) throws JsonException, KeyLookupException {
        if (!"SEMP_KEYS".equals(r.requireString("type")) || !"response".equals(r.requireString("step"))) {
            throw malformed("not a SEMP_KEYS response");
        }
        Optional<Instant> timestamp = SempTimestamps.parse(r.requireString("timestamp"));
        if (!VERSION.matcher(r.requireString("version")).matches() || timestamp.isEmpty()) {
            throw malformed("version is not 1.x.y or timestamp is not RFC 3339");
        }
        if (!ClockTolerance.acceptsClaimed(timestamp.get(), now)) {
            throw new KeyLookupException(KeyLookupError.CLOCK_SKEW, "response timestamp " + timestamp.get()
                    + " is more than 5 minutes ahead of our clock (CONFORMANCE.md §9.3.3)");
        }
        if (asked.requestId().isPresent() && !asked.requestId().get().equals(r.requireString("id"))) {
            throw malformed("id does not echo our request");
        }
    }

    private static void signature(JsonObject response, DomainSigningPublicKey key) throws JsonException, KeyLookupException {
        if (!(response.getOrNull("signature") instanceof JsonObject sig)) {
            if (response.has("signature") && !(response.getOrNull("signature") instanceof JsonNull)) {
                throw malformed("signature is not an object");
            }
            return;
        }
        byte[] value;
        try {
            value = StrictBase64.decode(sig.requireString("value"));
        } catch (IllegalArgumentException e) {
            throw invalid("response signature value is not base64");
        }
        byte[] signed = CanonicalJson.encode(response.with("signature", sig.with("value", JsonString.EMPTY)));
        if (!"ed25519".equals(sig.requireString("algorithm")) || !key.keyId().hex().equals(sig.requireString("key_id"))
                || !key.verify(SignatureContext.KEYS, signed, value)) {
            throw invalid("response signature does not verify under domain key " + key.keyId() + " (KEY.md §5.1)");
        }
    }

    private static void result(JsonValue value, Asked asked, VerifiedRecords records) throws JsonException, KeyLookupException {
        if (!(value instanceof JsonObject r)) {
            throw malformed("a result is not an object");
        }
        Optional<String> address = PeerAddresses.canonical(r.requireString("address"));
        String status = r.requireString("status");
        if (r.getOrNull("origin_signature") instanceof JsonObject && !KeyRecordSignatures.verifyResult(r, asked.signingKey())) {
            throw invalid("origin_signature of a result does not verify under domain key " + asked.signingKey().keyId());
        }
        switch (status) {
            case "found" -> {
                for (JsonValue k : r.requireArray("user_keys").elements()) {
                    records.add(k, address);
                }
            }
            case "not_found" -> {
            }
            case "error" -> {
                if (address.isPresent() && asked.addresses().contains(address.get())) {
                    throw new KeyLookupException(KeyLookupError.PEER_ERROR, "keys response: status error for an asked address");
                }
            }
            default -> throw malformed("unknown result status");
        }
    }

    private static KeyLookupException malformed(String detail) {
        return new KeyLookupException(KeyLookupError.MALFORMED, "keys response: " + detail);
    }

    private static KeyLookupException invalid(String detail) {
        return new KeyLookupException(KeyLookupError.SIGNATURE_INVALID, "keys response: " + detail);
    }
}
