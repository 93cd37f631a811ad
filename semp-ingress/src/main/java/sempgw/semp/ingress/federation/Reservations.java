package sempgw.semp.ingress.federation;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import sempgw.core.session.SessionCollision;

/**
 * Handshakes past their confirm step, at most one per peer domain (the highest id), held from the
 * collision check until the session is registered, the handshake fails, or the handshake timeout
 * passes (SESSION.md §2.5.2). They count toward the session cap (§2.5.3), so a burst of
 * concurrent handshakes cannot overshoot it. Not thread-safe: guarded by {@link SessionTable}.
 */
final class Reservations {
    private record Pending(String id, Instant until) {
    }

    private final Duration timeout;
    private final Map<String, Pending> byPeer = new HashMap<>();

    Reservations(Duration timeout) {
        this.timeout = timeout;
    }

    /** Whether a live reservation for {@code peer} has a higher id, so {@code sessionId} loses (SESSION.md §2.5.2). */
    boolean outranks(String peer, String sessionId, Instant now) {
        Pending p = byPeer.get(peer);
        return p != null && now.isBefore(p.until()) && SessionCollision.abandons(sessionId, p.id());
    }

    void reserve(String peer, String sessionId, Instant now) {
        byPeer.put(peer, new Pending(sessionId, now.plus(timeout)));
    }

    /** Drops the reservation of {@code peer} if it is still {@code sessionId}'s. */
    void release(String peer, String sessionId) {
        Pending p = byPeer.get(peer);
        if (p != null && p.id().equals(sessionId)) {
            byPeer.remove(peer);
        }
    }

    /** Live reservations of peers other than {@code exceptPeer} that hold no session yet. */
    int count(String exceptPeer, Set<String> holders, Instant now) {
        int n = 0;
        for (Map.Entry<String, Pending> e : byPeer.entrySet()) {
            if (!e.getKey().equals(exceptPeer) && !holders.contains(e.getKey()) && now.isBefore(e.getValue().until())) {
                n++;
            }
        }
        return n;
    }

    void prune(Instant now) {
        byPeer.values().removeIf(p -> !now.isBefore(p.until()));
    }

    void clear() {
        byPeer.clear();
    }
}
