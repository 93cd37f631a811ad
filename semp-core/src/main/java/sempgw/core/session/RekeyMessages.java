package sempgw.core.session;

import java.util.Base64;
import sempgw.core.SempReason;
import sempgw.core.json.JsonObject;

/**
 * The inner rekey messages with semp-go's field sets (SESSION.md §3.2; SPEC-DIGEST-WIRE §4.6):
 * <pre>
 * init     {type, step, version, session_id, new_ephemeral_key, rekey_nonce}
 * accepted {type, step, version, session_id, new_session_id, new_ephemeral_key, rekey_nonce, responder_nonce}
 * rejected {type, step, version, session_id, reason_code, reason}
 * </pre>
 */
final class RekeyMessages {
    static final String INIT = "init";
    static final String ACCEPTED = "accepted";
    static final String REJECTED = "rejected";

    private RekeyMessages() {
    }

    static JsonObject init(String sessionId, EphemeralPublicKey key, byte[] rekeyNonce) {
        return header(INIT, sessionId)
                .put("new_ephemeral_key", key.toJson())
                .put("rekey_nonce", Base64.getEncoder().encodeToString(rekeyNonce))
                .build();
    }

    static JsonObject accepted(String sessionId, String newSessionId, EphemeralPublicKey key, String rekeyNonce,
                               byte[] responderNonce) {
        return header(ACCEPTED, sessionId)
                .put("new_session_id", newSessionId)
                .put("new_ephemeral_key", key.toJson())
                .put("rekey_nonce", rekeyNonce)
                .put("responder_nonce", Base64.getEncoder().encodeToString(responderNonce))
                .build();
    }

    static JsonObject rejected(String sessionId, SempReason reason) {
        return header(REJECTED, sessionId)
                .put("reason_code", reason.code())
                .put("reason", phrase(reason))
                .build();
    }

    /** The fixed peer-facing text of a refusal; operator detail stays in our log. */
    static String phrase(SempReason reason) {
        return switch (reason) {
            case SESSION_EXPIRED -> "session expired; a new handshake is required";
            case RATE_LIMITED -> "rekey limit reached (one per minute, ten per session)";
            default -> "rekey not supported for this request";
        };
    }

    private static JsonObject.Builder header(String step, String sessionId) {
        return JsonObject.builder()
                .put("type", SealedRekey.TYPE)
                .put("step", step)
                .put("version", SealedRekey.VERSION)
                .put("session_id", sessionId);
    }
}
