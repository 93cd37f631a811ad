package sempgw.core.handshake;

import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import sempgw.core.SempException;
import sempgw.core.SempReason;
import sempgw.core.StrictBase64;
import sempgw.core.envelope.Extensions;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonParser;

/**
 * Framing shared by every handshake message (HANDSHAKE.md §1.4): strict parsing under a size
 * limit, the {@code type}/{@code step}/{@code party} discriminators, the version rule, and the
 * canonical writer that produces every message we send (semp-go sends canonical bytes too).
 */
final class Wire {
    static final String TYPE = "SEMP_HANDSHAKE";
    static final String VERSION = "1.0.0";
    static final String CLIENT = "client";
    static final String SERVER = "server";
    /** Largest accepted handshake message; a hybrid init is about 2.5 KiB. */
    static final int MAX_BYTES = 64 * 1024;

    private Wire() {
    }

    /**
     * Parses a handshake message and checks its {@code type} and MAJOR version.
     *
     * @throws SempException HANDSHAKE_INVALID for malformed JSON or another type;
     *     VERSION_UNSUPPORTED for another MAJOR version (CONFORMANCE.md §9.1.3)
     * @throws JsonException when {@code type}, {@code version} or {@code step} is missing
     */
    static JsonObject parse(byte[] message) throws SempException, JsonException {
        JsonObject m;
        try {
            m = JsonParser.parseObject(message, JsonParser.Options.wire().withMaxBytes(MAX_BYTES));
        } catch (JsonException e) {
            throw new SempException(SempReason.HANDSHAKE_INVALID, "malformed handshake message: " + e.getMessage(), e);
        }
        if (!TYPE.equals(m.requireString("type"))) {
            throw new SempException(SempReason.HANDSHAKE_INVALID, "not a SEMP_HANDSHAKE message");
        }
        String version = m.requireString("version");
        int dot = version.indexOf('.');
        if (dot <= 0 || !version.substring(0, dot).equals("1")) {
            throw new SempException(SempReason.VERSION_UNSUPPORTED, "peer speaks SEMP version " + (version.length() > 16 ? "(long)" : version));
        }
        m.requireString("step");
        return m;
    }

    /** Requires {@code step} and {@code party} (HANDSHAKE.md §1.4 matrix). */
    static void expect(JsonObject m, String step, String party) throws SempException, JsonException {
        if (!step.equals(m.requireString("step")) || !party.equals(m.requireString("party"))) {
            throw new SempException(SempReason.HANDSHAKE_INVALID, "expected " + step + "/" + party);
        }
    }

    /**
     * Handshake-layer extensions (EXTENSIONS.md §3): we implement none, so an entry marked
     * {@code required: true} is refused with {@code extension_unsupported} naming its key (§3.1;
     * of several, the first in key order, as for envelopes) when it is a well-formed key (§2.3), so
     * that our signed rejection never carries a string of the peer's choosing; others are ignored.
     */
    static void checkExtensions(JsonObject m) throws SempException, JsonException {
        Optional<String> key = Extensions.firstUnsupportedRequired(m.optionalObject("extensions").orElse(JsonObject.EMPTY), Set.of());
        if (key.isPresent()) {
            throw new UnsupportedExtension(key.filter(Extensions::wellFormedKey));
        }
    }

    /** {@code type}, {@code step}, {@code party}, {@code version}. */
    static JsonObject.Builder header(String step, String party) {
        return JsonObject.builder().put("type", TYPE).put("step", step).put("party", party).put("version", VERSION);
    }

    static byte[] encode(JsonObject message) {
        return CanonicalJson.encode(message);
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Standard base64 (VECTORS.md §1). @throws SempException HANDSHAKE_INVALID */
    static byte[] base64(String text, String what) throws SempException {
        try {
            return StrictBase64.decode(text);
        } catch (IllegalArgumentException e) {
            throw new SempException(SempReason.HANDSHAKE_INVALID, what + " is not base64");
        }
    }

    /** A nonce of 32 to 256 bytes (HANDSHAKE.md §2.2.1 "min 32 bytes", §6.2). */
    static byte[] nonce(String text, String what) throws SempException {
        byte[] n = base64(text, what);
        if (n.length < 32 || n.length > 256) {
            throw new SempException(SempReason.HANDSHAKE_INVALID, what + " must be 32 to 256 bytes");
        }
        return n;
    }
}
