package sempgw.core.handshake;

import java.util.Optional;
import sempgw.core.SempReason;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonString;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.core.keys.DomainSigningPublicKey;

/**
 * {@code rejected} messages (HANDSHAKE.md §2.7, §2.2a.6, §5.7; semp-go's field set
 * {@code step, party, session_id?, reason_code, reason, server_signature?, extensions}):
 * signed by servers and federation initiators, unsigned from a client initiator (an abort must
 * not reveal the client's identity). The {@code reason} text is a fixed phrase per code; the
 * operator detail stays in our log (ERRORS.md §15.1). An {@code extension_unsupported} also
 * names the extension in an {@code extension} member (EXTENSIONS.md §3.1, §8.3), inside the
 * signed body, when its key is well-formed (§2.3, {@code Extensions.wellFormedKey}; a peer's
 * arbitrary string is not signed); semp-go ignores members it does not know, and every other
 * rejection is as before.
 */
final class Rejection {
    private Rejection() {
    }

    /** A signed {@code rejected} from a server ({@code party: "server"}). */
    static byte[] signed(Optional<String> sessionId, SempReason reason, DomainSigningPrivateKey key) {
        return signed(sessionId, reason, Optional.empty(), key);
    }

    /**
     * A signed {@code rejected} from a server ({@code party: "server"}) naming {@code extension},
     * the required extension we do not support, when present.
     */
    static byte[] signed(Optional<String> sessionId, SempReason reason, Optional<String> extension, DomainSigningPrivateKey key) {
        return Wire.encode(ServerSignature.sign(body(Wire.SERVER, sessionId, reason, extension), key));
    }

    /** The unsigned abort of a client initiator (HANDSHAKE.md §2.2a.6). */
    static byte[] unsignedClientAbort(SempReason reason) {
        return Wire.encode(body(Wire.CLIENT, Optional.empty(), reason, Optional.empty()));
    }

    /**
     * A {@code rejected} received from the peer. Its signature is checked when {@code key} is
     * known, and the origin says whether it verified; a rejection ends the handshake either way.
     */
    static Step.Rejected fromPeer(JsonObject m, Optional<DomainSigningPublicKey> key) throws JsonException {
        SempReason reason = SempReason.parse(m.requireString("reason_code"));
        boolean verified = key.isPresent() && ServerSignature.verify(m, key.get());
        String text = m.optionalString("reason").orElse("");
        String extension = m.getOrNull("extension") instanceof JsonString e ? " (extension " + printable(e.value()) + ")" : "";
        return new Step.Rejected(reason, "peer rejected the handshake: " + printable(text) + extension,
                verified ? Step.Origin.PEER : Step.Origin.PEER_UNVERIFIED, Optional.empty());
    }

    /** The peer-facing text for {@code reason}. */
    static String phrase(SempReason reason) {
        return switch (reason) {
            case AUTH_FAILED -> "authentication failed";
            case BLOCKED -> "blocked";
            case CHALLENGE_FAILED -> "challenge solution invalid or expired";
            case CHALLENGE_INVALID -> "challenge violates the protocol bounds";
            case EXTENSION_UNSUPPORTED -> "required extension not supported";
            case HANDSHAKE_EXPIRED -> "handshake timed out";
            case POLICY_FORBIDDEN -> "refused by policy";
            case RATE_LIMITED -> "rate limited";
            case SERVER_AT_CAPACITY -> "server at capacity";
            case VERSION_UNSUPPORTED -> "supported major versions: 1";
            default -> "handshake invalid";
        };
    }

    private static JsonObject body(String party, Optional<String> sessionId, SempReason reason, Optional<String> extension) {
        JsonObject.Builder b = Wire.header("rejected", party);
        sessionId.ifPresent(id -> b.put("session_id", id));
        extension.ifPresent(key -> b.put("extension", key));
        return b.put("reason_code", reason.code())
                .put("reason", phrase(reason))
                .put("extensions", JsonObject.EMPTY)
                .build();
    }

    /** Peer text for our log: printable ASCII only, at most 200 characters. */
    private static String printable(String text) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), 200));
        for (int i = 0; i < text.length() && sb.length() < 200; i++) {
            char c = text.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return sb.toString();
    }
}
