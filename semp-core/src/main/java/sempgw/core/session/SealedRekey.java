package sempgw.core.session;

import java.util.Base64;
import sempgw.core.SempException;
import sempgw.core.SempReason;
import sempgw.core.crypto.CryptoException;
import sempgw.core.crypto.CryptoSuite;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SessionKeys;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonParser;

/**
 * The outer {@code SEMP_REKEY} message in semp-go's sealed format (see the package summary): the
 * inner rekey message is encrypted under the sending direction's {@code K_enc} with the
 * direction, the current session id and that direction's {@code K_mac} as associated data, so a
 * relabelled, replayed-across-sessions or forged message fails to open.
 */
final class SealedRekey {
    static final String TYPE = "SEMP_REKEY";
    static final String VERSION = "1.0.0";
    /** Rekey messages are small; anything larger is not one (hybrid init is about 2 KiB). */
    static final int MAX_BYTES = 64 * 1024;

    private SealedRekey() {
    }

    /** Encrypts {@code inner} for {@code direction} under the keys of session {@code sessionId}. */
    static byte[] seal(CryptoSuite suite, SessionKeys keys, String sessionId, RekeyDirection direction, JsonObject inner,
                       RandomSource random) {
        byte[] nonce = random.bytes(suite.aead().nonceLength());
        byte[] ct = suite.aead().seal(direction.encryptionKey(keys), nonce, CanonicalJson.encode(inner),
                direction.associatedData(sessionId, keys));
        return CanonicalJson.encode(JsonObject.builder()
                .put("type", TYPE)
                .put("sealed", true)
                .put("direction", direction.label())
                .put("version", VERSION)
                .put("nonce", Base64.getEncoder().encodeToString(nonce))
                .put("ciphertext", Base64.getEncoder().encodeToString(ct))
                .build());
    }

    /**
     * Opens an outer message that must travel in {@code expected} direction, and parses the inner
     * message.
     *
     * @throws SempException HANDSHAKE_INVALID when the message is malformed, unsealed, in the
     *     wrong direction, of another major version, or does not authenticate under these keys
     */
    static JsonObject open(CryptoSuite suite, SessionKeys keys, String sessionId, RekeyDirection expected, byte[] outer)
            throws SempException {
        try {
            JsonObject o = JsonParser.parseObject(outer, JsonParser.Options.wire().withMaxBytes(MAX_BYTES));
            if (!TYPE.equals(o.requireString("type")) || !o.requireBoolean("sealed")) {
                throw invalid("not a sealed SEMP_REKEY message");
            }
            if (RekeyDirection.parse(o.requireString("direction")).orElse(null) != expected) {
                throw invalid("rekey message travels in the wrong direction");
            }
            if (!Codec.majorVersionOne(o.requireString("version"))) {
                throw new SempException(SempReason.VERSION_UNSUPPORTED, "rekey message of another major version");
            }
            byte[] nonce = Codec.base64(o.requireString("nonce"), "rekey nonce");
            byte[] ct = Codec.base64(o.requireString("ciphertext"), "rekey ciphertext");
            byte[] plain = suite.aead().open(expected.encryptionKey(keys), nonce, ct, expected.associatedData(sessionId, keys));
            return JsonParser.parseObject(plain, JsonParser.Options.wire().withMaxBytes(MAX_BYTES));
        } catch (JsonException e) {
            throw new SempException(SempReason.HANDSHAKE_INVALID, "malformed rekey message: " + e.getMessage(), e);
        } catch (CryptoException e) {
            throw new SempException(SempReason.HANDSHAKE_INVALID, "rekey message does not open under the session keys", e);
        }
    }

    private static SempException invalid(String detail) {
        return new SempException(SempReason.HANDSHAKE_INVALID, detail);
    }
}
