package sempgw.semp.ingress.documents;

import java.util.Base64;
import sempgw.core.StrictBase64;
import sempgw.core.crypto.SignatureContext;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonString;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.core.keys.DomainSigningPublicKey;

/**
 * The response-level {@code signature} of a key response in the spec's form (KEY.md §3.1, §5.1):
 * Ed25519 by the domain key over {@code "SEMP-KEYS:" || canonical(response with signature.value
 * = "")}, published as {@code {algorithm, key_id, value}}. semp-go does not read it (it verifies
 * each result's {@code origin_signature}); spec readers do.
 */
public final class KeysResponseSignature {

    private KeysResponseSignature() {
    }

    /** {@code response} with its {@code signature} set. */
    public static JsonObject sign(JsonObject response, DomainSigningPrivateKey key) {
        JsonObject signature = JsonObject.builder()
                .put("algorithm", "ed25519")
                .put("key_id", key.keyId().hex())
                .put("value", "")
                .build();
        byte[] sig = key.sign(SignatureContext.KEYS, CanonicalJson.encode(response.with("signature", signature)));
        return response.with("signature", signature.with("value", JsonString.of(Base64.getEncoder().encodeToString(sig))));
    }

    /**
     * True when {@code signature} names {@code key} and verifies (KEY.md §5.1).
     *
     * @throws JsonException when {@code signature} is absent or malformed
     */
    public static boolean verify(JsonObject response, DomainSigningPublicKey key) throws JsonException {
        JsonObject sig = response.requireObject("signature");
        byte[] value;
        try {
            value = StrictBase64.decode(sig.requireString("value"));
        } catch (IllegalArgumentException e) {
            return false;
        }
        JsonObject blank = response.with("signature", sig.with("value", JsonString.EMPTY));
        return "ed25519".equals(sig.requireString("algorithm")) && key.keyId().hex().equals(sig.requireString("key_id"))
                && key.verify(SignatureContext.KEYS, CanonicalJson.encode(blank), value);
    }
}
