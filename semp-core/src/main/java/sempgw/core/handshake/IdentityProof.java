package sempgw.core.handshake;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import sempgw.core.SempException;
import sempgw.core.SempReason;
import sempgw.core.crypto.CryptoException;
import sempgw.core.crypto.CryptoSuite;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SessionKeys;
import sempgw.core.crypto.SignatureContext;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonParser;
import sempgw.core.keys.IdentityPrivateKey;
import sempgw.core.keys.IdentityPublicKey;
import sempgw.core.keys.KeyId;

/**
 * The client's encrypted identity proof in {@code confirm} (HANDSHAKE.md §2.5.2, §2.6):
 * <pre>
 * identity_signature = Ed25519(identity key, "SEMP-IDENTITY:" || UTF-8(session_id) || confirmation_hash)
 * block = {client_id, client_identity, client_long_term_key_id, identity_signature, auth{method:"identity_key", params:{}}}
 * identity_proof = b64(nonce12 || ChaCha20-Poly1305(K_enc_c2s, nonce12, block, aad = UTF-8(session_id)))
 * </pre>
 * The prefix follows the ENVELOPE.md §4.3 table and semp-go; VECTORS.md §5.1 omits it (see
 * docs/interop.md). Only the {@code identity_key} method is implemented.
 */
final class IdentityProof {
    static final String IDENTITY_KEY = "identity_key";

    /**
     * A decrypted, not yet verified claim.
     *
     * @param identity the claimed address
     * @param keyId the claimed long-term key
     * @param signature the identity signature
     * @param method the {@code auth.method}
     */
    record Claim(String identity, KeyId keyId, byte[] signature, String method) {
    }

    private IdentityProof() {
    }

    static String seal(CryptoSuite suite, SessionKeys keys, String sessionId, byte[] confirmationHash, String identity,
                       IdentityPrivateKey key, RandomSource random) {
        byte[] sig = key.sign(SignatureContext.IDENTITY, signedBytes(sessionId, confirmationHash));
        JsonObject block = JsonObject.builder()
                .put("client_id", "client-" + sessionId)
                .put("client_identity", identity)
                .put("client_long_term_key_id", key.keyId().hex())
                .put("identity_signature", Wire.base64(sig))
                .put("auth", JsonObject.builder().put("method", IDENTITY_KEY).put("params", JsonObject.EMPTY).build())
                .build();
        byte[] plain = CanonicalJson.encode(block);
        try {
            return Wire.base64(suite.aead().sealWithRandomNonce(keys.encC2s(), plain, sessionId.getBytes(StandardCharsets.UTF_8), random));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * Decrypts and parses a proof.
     *
     * @throws SempException AUTH_FAILED when it does not decrypt under {@code K_enc_c2s};
     *     HANDSHAKE_INVALID when the decrypted block is malformed
     */
    static Claim open(CryptoSuite suite, SessionKeys keys, String sessionId, String proof) throws SempException {
        byte[] plain;
        try {
            plain = suite.aead().openWithPrefixedNonce(keys.encC2s(), Wire.base64(proof, "identity_proof"),
                    sessionId.getBytes(StandardCharsets.UTF_8));
        } catch (CryptoException e) {
            throw new SempException(SempReason.AUTH_FAILED, "identity_proof does not decrypt under the session key", e);
        }
        try {
            JsonObject b = JsonParser.parseObject(plain, JsonParser.Options.wire().withMaxBytes(Wire.MAX_BYTES));
            KeyId keyId = KeyId.parse(b.requireString("client_long_term_key_id"))
                    .orElseThrow(() -> new SempException(SempReason.AUTH_FAILED, "client_long_term_key_id is not a fingerprint"));
            return new Claim(b.requireString("client_identity"), keyId,
                    Wire.base64(b.requireString("identity_signature"), "identity_signature"),
                    b.requireObject("auth").requireString("method"));
        } catch (JsonException e) {
            throw new SempException(SempReason.HANDSHAKE_INVALID, "malformed identity proof block: " + e.getMessage(), e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    static boolean verify(IdentityPublicKey key, Claim claim, String sessionId, byte[] confirmationHash) {
        return key.verify(SignatureContext.IDENTITY, signedBytes(sessionId, confirmationHash), claim.signature());
    }

    /** {@code UTF-8(session_id) || confirmation_hash} (the prefix is added by the signer). */
    static byte[] signedBytes(String sessionId, byte[] confirmationHash) {
        byte[] id = sessionId.getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(id, id.length + confirmationHash.length);
        System.arraycopy(confirmationHash, 0, out, id.length, confirmationHash.length);
        return out;
    }
}
