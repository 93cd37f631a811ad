package sempgw.core.handshake;

import sempgw.core.session.Session;

/**
 * The server's view of concurrent federation handshakes with one peer, consulted at the confirm
 * step (SESSION.md §2.5.2): when a handshake in the other direction with the same peer is under
 * way, the one with the lower {@code session_id} is abandoned
 * ({@link sempgw.core.session.SessionCollision}). The abandoned side ends with
 * {@code handshake_invalid} and uses the surviving session.
 */
@FunctionalInterface
public interface CollisionArbiter {

    /** False when the handshake {@code sessionId} with {@code peerDomain} lost a collision. */
    boolean proceed(String peerDomain, String sessionId, Session.Side side);

    /** For servers that open at most one handshake per peer at a time: never a collision. */
    static CollisionArbiter none() {
        return (peer, id, side) -> true;
    }
}
