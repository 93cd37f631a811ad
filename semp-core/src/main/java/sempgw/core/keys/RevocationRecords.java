package sempgw.core.keys;

import java.util.Base64;
import sempgw.core.StrictBase64;
import sempgw.core.crypto.SignatureContext;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.Elision;
import sempgw.core.json.JsonArray;
import sempgw.core.json.JsonError;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonValue;

/**
 * {@code SEMP_KEY_REVOCATION} records (KEY.md §8.1): the signature is Ed25519 over
 * {@code "SEMP-REVOCATION:" || canonical(record with signature.value = "")}, by the identity or
 * domain key named in {@code signature.key_id}. semp-go has no revocation documents, so the spec's
 * form is the only one (docs/interop.md).
 *
 * <pre>{@code
 * JsonObject rec = RevocationRecords.sign(RevocationRecords.unsigned(entries), identityKey);
 * boolean ok = RevocationRecords.verify(rec, identityKey.publicKey());
 * }</pre>
 */
public final class RevocationRecords {
    /** The message type of a revocation record. */
    public static final String TYPE = "SEMP_KEY_REVOCATION";

    private static final Elision SIGNATURE = Elision.builder().blank("signature", "value").build();

    private RevocationRecords() {
    }

    /**
     * An unsigned record revoking {@code revokedKeys}: objects with {@code key_id}, {@code address},
     * {@code reason}, {@code revoked_at} and optionally {@code replacement_key_id}.
     */
    public static JsonObject unsigned(JsonArray revokedKeys) {
        return JsonObject.builder()
                .put("type", TYPE)
                .put("version", "1.0.0")
                .put("revoked_keys", revokedKeys)
                .build();
    }

    /** The bytes the record signature covers, prefix included (KEY.md §8.1). */
    public static byte[] signedBytes(JsonObject record) {
        return CanonicalJson.encode(SignatureContext.REVOCATION.prefix(), record, SIGNATURE);
    }

    /** The record with a {@code signature} object made by {@code key}. */
    public static JsonObject sign(JsonObject record, SigningKey key) {
        JsonObject placeholder = JsonObject.builder()
                .put("algorithm", "ed25519")
                .put("key_id", key.keyId().hex())
                .put("value", "")
                .build();
        JsonObject withPlaceholder = record.with("signature", placeholder);
        byte[] sig = key.sign(SignatureContext.REVOCATION, CanonicalJson.encode(withPlaceholder, SIGNATURE));
        return record.with("signature", placeholder.with("value", sempgw.core.json.JsonString.of(sig64(sig))));
    }

    /**
     * True when the record is a {@value #TYPE} whose signature names {@code key} and verifies.
     *
     * @throws JsonException when the record or its signature object is malformed
     */
    public static boolean verify(JsonObject record, VerifyingKey key) throws JsonException {
        if (!TYPE.equals(record.requireString("type"))) {
            throw new JsonException(JsonError.INVALID_VALUE, "not a " + TYPE);
        }
        JsonObject sig = record.requireObject("signature");
        if (!"ed25519".equals(sig.requireString("algorithm")) || !key.keyId().hex().equals(sig.requireString("key_id"))) {
            return false;
        }
        byte[] value;
        try {
            value = StrictBase64.decode(sig.requireString("value"));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return key.verify(SignatureContext.REVOCATION, CanonicalJson.encode(record, SIGNATURE), value);
    }

    /**
     * The revoked entries of a verified record.
     *
     * @throws JsonException when {@code revoked_keys} is missing or not an array of objects
     */
    public static java.util.List<JsonObject> revokedKeys(JsonObject record) throws JsonException {
        java.util.List<JsonObject> out = new java.util.ArrayList<>();
        for (JsonValue v : record.requireArray("revoked_keys").elements()) {
            if (!(v instanceof JsonObject o)) {
                throw new JsonException(JsonError.WRONG_TYPE, "revoked_keys entry is " + v.typeName());
            }
            out.add(o);
        }
        return out;
    }

    private static String sig64(byte[] sig) {
        return Base64.getEncoder().encodeToString(sig);
    }
}
