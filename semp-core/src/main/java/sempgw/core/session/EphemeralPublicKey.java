package sempgw.core.session;

import java.util.Base64;
import java.util.Objects;
import sempgw.core.SempException;
import sempgw.core.SempReason;
import sempgw.core.crypto.CryptoSuite;
import sempgw.core.crypto.SuiteId;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;
import sempgw.core.keys.KeyId;

/**
 * The wire object {@code {"algorithm","key","key_id"}} that carries an ephemeral KEM public key
 * or, from a responder, the KEM ciphertext (HANDSHAKE.md §2.2, §2.3; SESSION.md §3.2). The
 * {@code algorithm} is the sender's suite id and {@code key_id} the lowercase hex SHA-256 of the
 * key bytes (KEY.md §4.4), which is checked on receipt.
 *
 * @param suite the suite named by {@code algorithm}
 * @param key the raw bytes: a public key (initiator) or a KEM ciphertext (responder)
 */
public record EphemeralPublicKey(SuiteId suite, byte[] key) {

    /** Which length a received key must have. */
    public enum Role {
        /** A KEM public key, sent by the initiator (X25519: 32; hybrid: 1216 bytes). */
        PUBLIC_KEY,
        /** A KEM ciphertext, sent by the responder (X25519: 32; hybrid: 1120 bytes). */
        CIPHERTEXT
    }

    public EphemeralPublicKey {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(key, "key");
    }

    /** The wire object. */
    public JsonObject toJson() {
        return JsonObject.builder()
                .put("algorithm", suite.wireName())
                .put("key", Base64.getEncoder().encodeToString(key))
                .put("key_id", KeyId.of(key).hex())
                .build();
    }

    /**
     * Reads a received key object.
     *
     * @throws SempException POLICY_FORBIDDEN for a suite we do not implement; HANDSHAKE_INVALID
     *     for a malformed object, a wrong key length or a {@code key_id} that does not match
     */
    public static EphemeralPublicKey read(JsonObject field, Role role) throws SempException {
        try {
            String algorithm = field.requireString("algorithm");
            SuiteId suite = SuiteId.parse(algorithm).orElseThrow(
                    () -> new SempException(SempReason.POLICY_FORBIDDEN, "unsupported ephemeral key algorithm"));
            byte[] key = Codec.base64(field.requireString("key"), "ephemeral key");
            var kem = CryptoSuite.of(suite).kem();
            int expected = role == Role.PUBLIC_KEY ? kem.publicKeyLength() : kem.ciphertextLength();
            if (key.length != expected) {
                throw new SempException(SempReason.HANDSHAKE_INVALID, "ephemeral key has " + key.length + " bytes, want " + expected);
            }
            if (!KeyId.of(key).hex().equals(field.requireString("key_id"))) {
                throw new SempException(SempReason.HANDSHAKE_INVALID, "ephemeral key_id does not match the key");
            }
            return new EphemeralPublicKey(suite, key);
        } catch (JsonException e) {
            throw new SempException(SempReason.HANDSHAKE_INVALID, "ephemeral key object: " + e.getMessage(), e);
        }
    }
}
