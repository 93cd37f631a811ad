package sempgw.core.handshake;

import sempgw.core.crypto.Digests;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.JsonObject;

/**
 * {@code confirmation_hash = SHA-256(canonical(message 1) || canonical(message 2))}
 * (HANDSHAKE.md §2.5.3; VECTORS.md §5.1), sent in base64. Both messages are hashed with their
 * {@code server_signature} in place; a challenge round is not part of it. It binds message 3 to
 * the exact exchange, so a downgrade of the capabilities in message 1 fails here (§6.3).
 */
public final class ConfirmationHash {
    private ConfirmationHash() {
    }

    /** The hash over two message trees. */
    public static byte[] of(JsonObject init, JsonObject response) {
        return of(CanonicalJson.encode(init), CanonicalJson.encode(response));
    }

    /** The hash over two canonical serializations. */
    public static byte[] of(byte[] canonicalInit, byte[] canonicalResponse) {
        return Digests.sha256(canonicalInit, canonicalResponse);
    }
}
