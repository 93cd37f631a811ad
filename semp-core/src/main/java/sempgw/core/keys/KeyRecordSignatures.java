package sempgw.core.keys;

import java.util.ArrayList;
import java.util.List;
import sempgw.core.crypto.SignatureContext;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.Elision;
import sempgw.core.json.JsonArray;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonValue;

/**
 * Signatures on key records and key-response results, in semp-go's form (SPEC-DIGEST-WIRE §8;
 * vectors keys.json), which go peers require:
 * <ul>
 *   <li>a record signature is Ed25519 over {@code canonical(record minus "signatures" and
 *   "revocation")}, with no domain-separation prefix;</li>
 *   <li>a result's {@code origin_signature} is Ed25519 over {@code canonical(result minus
 *   "origin_signature")}, with no prefix.</li>
 * </ul>
 * KEY.md §5.1-5.2 prescribe {@code SEMP-KEYS:} / {@code SEMP-KEY-SELF-SIG:} prefixes with blanked
 * values instead; no deployed peer produces those, see docs/interop.md.
 *
 * <pre>{@code
 * JsonObject signed = KeyRecordSignatures.sign(record, "a.example", domainKey, SempTimestamps.format(now));
 * boolean ok = KeyRecordSignatures.verify(signed, domainKey.publicKey());
 * }</pre>
 */
public final class KeyRecordSignatures {
    private static final Elision RECORD = Elision.builder().delete("signatures").delete("revocation").build();
    private static final Elision RESULT = Elision.builder().delete("origin_signature").build();

    private KeyRecordSignatures() {
    }

    /** The bytes a record signature covers. */
    public static byte[] recordSignedBytes(JsonObject record) {
        return CanonicalJson.encode(record, RECORD);
    }

    /** The bytes a result's {@code origin_signature} covers. */
    public static byte[] resultSignedBytes(JsonObject result) {
        return CanonicalJson.encode(result, RESULT);
    }

    /**
     * Appends a signature by {@code key} to the record's {@code signatures} array.
     *
     * @param signer the signing domain (semp-go: the domain name) or address
     * @param timestamp the unsigned timestamp to record, e.g. {@code SempTimestamps.format(now)}
     */
    public static JsonObject sign(JsonObject record, String signer, SigningKey key, String timestamp) {
        byte[] sig = key.sign(SignatureContext.GO_UNPREFIXED_KEY_RECORD, recordSignedBytes(record));
        KeySignature s = new KeySignature(signer, key.keyId().hex(), sig, timestamp);
        List<JsonValue> all = new ArrayList<>();
        if (record.getOrNull("signatures") instanceof JsonArray existing) {
            all.addAll(existing.elements());
        }
        all.add(s.toJson());
        return record.with("signatures", JsonArray.of(all));
    }

    /**
     * True when one of the record's signatures carries {@code key}'s fingerprint and verifies.
     * Malformed signature entries count as not verifying.
     */
    public static boolean verify(JsonObject record, VerifyingKey key) {
        if (!(record.getOrNull("signatures") instanceof JsonArray sigs)) {
            return false;
        }
        byte[] signed = null;
        for (JsonValue v : sigs.elements()) {
            if (!(v instanceof JsonObject o)) {
                continue;
            }
            KeySignature s;
            try {
                s = KeySignature.fromJson(o);
            } catch (JsonException e) {
                continue;
            }
            if (!s.keyId().equals(key.keyId().hex())) {
                continue;
            }
            if (signed == null) {
                signed = recordSignedBytes(record);
            }
            if (key.verify(SignatureContext.GO_UNPREFIXED_KEY_RECORD, signed, s.value())) {
                return true;
            }
        }
        return false;
    }

    /** Sets the result's {@code origin_signature}, signed by {@code key}. */
    public static JsonObject signResult(JsonObject result, String signer, SigningKey key, String timestamp) {
        byte[] sig = key.sign(SignatureContext.GO_UNPREFIXED_KEY_RECORD, resultSignedBytes(result));
        return result.with("origin_signature", new KeySignature(signer, key.keyId().hex(), sig, timestamp).toJson());
    }

    /**
     * True when the result's {@code origin_signature} verifies under {@code key}.
     *
     * @throws JsonException when {@code origin_signature} is absent or malformed
     */
    public static boolean verifyResult(JsonObject result, VerifyingKey key) throws JsonException {
        KeySignature s = KeySignature.fromJson(result.requireObject("origin_signature"));
        return s.keyId().equals(key.keyId().hex())
                && key.verify(SignatureContext.GO_UNPREFIXED_KEY_RECORD, resultSignedBytes(result), s.value());
    }
}
