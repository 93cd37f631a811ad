package sempgw.core.handshake;

import java.util.Base64;
import sempgw.core.StrictBase64;
import sempgw.core.crypto.SignatureContext;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.Elision;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonString;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.core.keys.DomainSigningPublicKey;

/**
 * {@code server_signature} (HANDSHAKE.md §2.2a.1, §2.3.1, §5): Ed25519 with the domain key over
 * {@code "SEMP-HANDSHAKE:" || canonical(message with server_signature = "")}. The field is blanked,
 * not deleted, as semp-go does (SPEC-DIGEST-WIRE §4.2). A received message is verified over its
 * own tree, so what the peer signed is what we check.
 */
public final class ServerSignature {
    /** The signed form: {@code server_signature} written as {@code ""}. */
    static final Elision UNSIGNED = Elision.builder().blank("server_signature").build();

    private ServerSignature() {
    }

    /** The exact bytes a signature covers: {@code "SEMP-HANDSHAKE:" || canonical(blanked)}. */
    public static byte[] signedBytes(JsonObject message) {
        return CanonicalJson.encode(SignatureContext.HANDSHAKE.prefix(), message, UNSIGNED);
    }

    /** {@code message} with {@code server_signature} set. */
    static JsonObject sign(JsonObject message, DomainSigningPrivateKey key) {
        byte[] sig = key.sign(SignatureContext.HANDSHAKE, CanonicalJson.encode(message, UNSIGNED));
        return message.with("server_signature", JsonString.of(Base64.getEncoder().encodeToString(sig)));
    }

    /** True when {@code message} carries a valid {@code server_signature} by {@code key}. */
    public static boolean verify(JsonObject message, DomainSigningPublicKey key) {
        byte[] sig;
        try {
            sig = StrictBase64.decode(message.requireString("server_signature"));
        } catch (JsonException | IllegalArgumentException e) {
            return false;
        }
        return key.verify(SignatureContext.HANDSHAKE, CanonicalJson.encode(message, UNSIGNED), sig);
    }
}
