package sempgw.semp.ingress.federation;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import sempgw.core.envelope.seal.SessionState;

/**
 * The expiry log of retired session ids (SESSION.md §2.4 item 2, §5.2): only the id, why it was
 * retired, and when it may be forgotten; never key material. Bounded: when full, the oldest id is
 * forgotten first (it then answers {@code no_session}, still a refusal). Synchronized.
 */
final class RetiredSessions {
    static final SessionState EXPIRED = new SessionState.Expired();
    static final SessionState INVALIDATED = new SessionState.Invalidated();
    static final SessionState UNKNOWN = new SessionState.Unknown();

    private record Retired(SessionState state, Instant forgetAt) {
    }

    private final Duration window;
    private final int capacity;
    private final LinkedHashMap<String, Retired> ids = new LinkedHashMap<>();

    RetiredSessions(Duration window, int capacity) {
        this.window = window;
        this.capacity = capacity;
    }

    /** Remembers {@code id} as {@code state} ({@link #EXPIRED} or {@link #INVALIDATED}) for the window. */
    synchronized void add(String id, SessionState state, Instant now) {
        ids.remove(id);
        if (ids.size() >= capacity) {
            Iterator<Map.Entry<String, Retired>> it = ids.entrySet().iterator();
            it.next();
            it.remove();
        }
        ids.put(id, new Retired(state, now.plus(window)));
    }

    /** The retired state of {@code id}, or {@link #UNKNOWN}. */
    synchronized SessionState state(String id, Instant now) {
        Retired r = ids.get(id);
        return r != null && now.isBefore(r.forgetAt()) ? r.state() : UNKNOWN;
    }

    /** Forgets ids whose window has passed. */
    synchronized void prune(Instant now) {
        ids.values().removeIf(r -> !now.isBefore(r.forgetAt()));
    }

    synchronized int size() {
        return ids.size();
    }
}
