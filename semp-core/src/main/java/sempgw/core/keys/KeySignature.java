package sempgw.core.keys;

import java.util.Base64;
import java.util.Objects;
import sempgw.core.StrictBase64;
import sempgw.core.json.JsonError;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;

/**
 * One entry of a key record's {@code signatures} array, or a result's {@code origin_signature}
 * (KEY.md §4.4, §5; semp-go field set {@code signer, key_id, value, timestamp}). The timestamp is
 * not covered by the signature.
 *
 * @param signer the signing domain or address
 * @param keyId the signer's key fingerprint as sent (not necessarily a valid {@link KeyId})
 * @param value the raw 64-byte Ed25519 signature
 * @param timestamp when it was made, as sent; may be empty
 */
public record KeySignature(String signer, String keyId, byte[] value, String timestamp) {

    public KeySignature {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /**
     * Reads a signature object.
     *
     * @throws JsonException on a missing field, a wrong type, or a value that is not base64
     */
    public static KeySignature fromJson(JsonObject o) throws JsonException {
        byte[] value;
        try {
            value = StrictBase64.decode(o.requireString("value"));
        } catch (IllegalArgumentException e) {
            throw new JsonException(JsonError.INVALID_VALUE, "signature value is not base64");
        }
        return new KeySignature(o.requireString("signer"), o.requireString("key_id"), value,
                o.optionalString("timestamp").orElse(""));
    }

    /** The signature object in semp-go's field set. */
    public JsonObject toJson() {
        return JsonObject.builder()
                .put("signer", signer)
                .put("key_id", keyId)
                .put("value", Base64.getEncoder().encodeToString(value))
                .put("timestamp", timestamp)
                .build();
    }
}
