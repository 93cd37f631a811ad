package sempgw.core.envelope.enclosure;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import sempgw.core.StrictBase64;
import sempgw.core.crypto.SignatureContext;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.ElidedCanonical;
import sempgw.core.json.Elision;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonString;
import sempgw.core.keys.IdentityPrivateKey;
import sempgw.core.keys.IdentityPublicKey;

/**
 * The identity-key signatures inside the enclosure.
 *
 * <ul>
 *   <li>Sender signature (ENVELOPE.md §6.5.2): set {@code sender_signature} to {@code {ed25519,
 *   key fingerprint, ""}}, canonicalize the whole enclosure, sign
 *   {@code "SEMP-ENCLOSURE-SENDER:" || bytes} with the identity key, store the base64 value.</li>
 *   <li>Forwarder attestation (§6.6.3): the same over the {@code forwarded_from} object with
 *   {@code forwarder_attestation.value} blank and prefix {@code SEMP-FORWARDER-ATTESTATION:}.</li>
 * </ul>
 * Verification canonicalizes the received tree with the value blanked (§6.5.3 step 1), requires
 * the block's {@code key_id} to be the key's fingerprint and fails on anything malformed.
 */
public final class EnclosureSignatures {
    private static final List<String> SENDER_VALUE = List.of("sender_signature", "value");
    private static final Elision SENDER_SCOPE = Elision.builder().blank(SENDER_VALUE.toArray(String[]::new)).build();
    private static final Elision ATTESTATION_SCOPE = Elision.builder().blank("forwarder_attestation", "value").build();

    private EnclosureSignatures() {
    }

    /** {@code unsigned} with its sender signature computed by {@code key} (ENVELOPE.md §6.5.2). */
    public static Enclosure sign(Enclosure unsigned, IdentityPrivateKey key) {
        Enclosure blank = unsigned.withSenderSignature(IdentitySignature.unsigned(key.keyId().hex()));
        byte[] sig = key.sign(SignatureContext.ENCLOSURE_SENDER, CanonicalJson.encode(EnclosureCodec.toJson(blank), SENDER_SCOPE));
        return blank.withSenderSignature(new IdentitySignature(IdentitySignature.ED25519, key.keyId().hex(),
                Base64.getEncoder().encodeToString(sig)));
    }

    /**
     * The plaintext to encrypt of {@code unsigned} signed by {@code key}, the bytes of
     * {@code EnclosureCodec.encode(sign(unsigned, key))}: the signed input is canonicalized once
     * and the value put in its place (§6.5.2 step 7), not the signed enclosure canonicalized again.
     */
    public static byte[] signedPlaintext(Enclosure unsigned, IdentityPrivateKey key) {
        Enclosure blank = unsigned.withSenderSignature(IdentitySignature.unsigned(key.keyId().hex()));
        ElidedCanonical c = CanonicalJson.encodeElided(EnclosureCodec.toJson(blank), SENDER_SCOPE);
        String value = Base64.getEncoder().encodeToString(key.sign(SignatureContext.ENCLOSURE_SENDER, c.bytes()));
        return c.restore(Map.of(SENDER_VALUE, JsonString.of(value)));
    }

    /** True when {@code enclosureTree}'s sender signature verifies under {@code key} (§6.5.3). */
    public static boolean verifySender(JsonObject enclosureTree, IdentityPublicKey key) {
        return verify(enclosureTree, "sender_signature", SENDER_SCOPE, SignatureContext.ENCLOSURE_SENDER, key);
    }

    /** {@code unsigned} with its attestation computed by the forwarder's {@code key} (§6.6.3). */
    public static ForwardedFrom attest(ForwardedFrom unsigned, IdentityPrivateKey key) {
        ForwardedFrom blank = unsigned.withAttestation(IdentitySignature.unsigned(key.keyId().hex()));
        byte[] sig = key.sign(SignatureContext.FORWARDER_ATTESTATION,
                CanonicalJson.encode(EnclosureCodec.forwardedFrom(blank), ATTESTATION_SCOPE));
        return blank.withAttestation(new IdentitySignature(IdentitySignature.ED25519, key.keyId().hex(),
                Base64.getEncoder().encodeToString(sig)));
    }

    /** True when {@code forwardedFromTree}'s attestation verifies under {@code key} (§6.6.4 step 2). */
    public static boolean verifyAttestation(JsonObject forwardedFromTree, IdentityPublicKey key) {
        return verify(forwardedFromTree, "forwarder_attestation", ATTESTATION_SCOPE, SignatureContext.FORWARDER_ATTESTATION, key);
    }

    /** The {@code key_id} of the signature block {@code field} of {@code tree}, or "" when malformed. */
    public static String signingKeyId(JsonObject tree, String field) {
        return tree.getOrNull(field) instanceof JsonObject block && block.getOrNull("key_id") instanceof JsonString(String id) ? id : "";
    }

    private static boolean verify(JsonObject tree, String field, Elision scope, SignatureContext context, IdentityPublicKey key) {
        if (!(tree.getOrNull(field) instanceof JsonObject block)
                || !(block.getOrNull("algorithm") instanceof JsonString(String algorithm))
                || !(block.getOrNull("key_id") instanceof JsonString(String keyId))
                || !(block.getOrNull("value") instanceof JsonString(String value))) {
            return false;
        }
        if (!IdentitySignature.ED25519.equals(algorithm) || !keyId.equals(key.keyId().hex())) {
            return false;
        }
        byte[] sig;
        try {
            sig = StrictBase64.decode(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return key.verify(context, CanonicalJson.encode(tree, scope), sig);
    }
}
