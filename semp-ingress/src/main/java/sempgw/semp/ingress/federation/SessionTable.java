package sempgw.semp.ingress.federation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.envelope.seal.SessionLookup;
import sempgw.core.envelope.seal.SessionState;
import sempgw.core.session.Session;
import sempgw.core.session.SessionCollision;

/**
 * The live inbound federation sessions, by {@code session_id} and by peer domain, as the receive
 * pipeline's {@link SessionLookup} (ENVELOPE.md §9.1 item 4). Rules:
 *
 * <ol>
 *   <li>One live session per peer domain (SESSION.md §2.5.2): a newer session replaces the older;
 *   between two, the lower {@code session_id} loses ({@link SessionCollision}), whether they
 *   meet at the confirm step ({@link #proceed}) or at registration.</li>
 *   <li>At most {@code maxSessions} live sessions, counting handshakes past their confirm step
 *   (SESSION.md §2.5.3); {@link #hasRoomFor} backs {@code server_at_capacity} at the init.</li>
 *   <li>A session is retired when it expires ({@code Session.expiresAt()}), is replaced or
 *   invalidated, or the table closes: its keys are zeroed at once (SESSION.md §2.4) and its ids
 *   are remembered for the retired-id window (§5.2), answering {@link SessionState.Expired}
 *   ({@code handshake_expired}) or {@link SessionState.Invalidated} ({@code handshake_invalid});
 *   an id never seen answers {@link SessionState.Unknown} ({@code no_session}).</li>
 *   <li>After a rekey the previous id still verifies for {@link Session#TRANSITION_WINDOW}
 *   (SESSION.md §3.4), then is retired.</li>
 * </ol>
 * Time comes from the caller: {@link #state} and {@link #sweep} take {@code now}; {@link #find}
 * (the {@link SessionLookup} without a time argument) reads the clock given at construction. The
 * gateway calls {@link #sweep} every few seconds. Thread-safe: lookups are lock-free, changes are
 * serialized.
 */
public final class SessionTable implements SessionLookup, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionTable.class);

    /** The outcome of {@link #register}. */
    public sealed interface Registration permits Registered, Refused {
    }

    /** The session is live; {@code replaced} names the peer's previous session, now retired. */
    public record Registered(Optional<String> replaced) implements Registration {
    }

    /** The session was not kept and its keys are zeroed. */
    public record Refused(String why) implements Registration {
    }

    private final int maxSessions;
    private final Reservations reservations;
    private final RetiredSessions retired;
    private final Clock clock;
    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Map<String, Session> byPeer = new HashMap<>();
    private boolean closed;

    /** A table bounded by {@code limits}; {@code clock} serves {@link #find} only. */
    public SessionTable(FederationLimits limits, Clock clock) {
        this.maxSessions = limits.maxSessions();
        this.reservations = new Reservations(limits.handshakeTimeout());
        this.retired = new RetiredSessions(limits.retiredIdWindow(), limits.retiredIdCapacity());
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The state of {@code sessionId} now, by the table's clock. */
    @Override
    public SessionState find(String sessionId) {
        return state(sessionId, clock.instant());
    }

    /** A lookup answering at {@code now}: for a pipeline that runs on the caller's time. */
    public SessionLookup at(Instant now) {
        return id -> state(id, now);
    }

    /** The state of {@code sessionId} at {@code now} (ENVELOPE.md §9.1 item 4, SESSION.md §3.4, §5.2). */
    public SessionState state(String sessionId, Instant now) {
        Session s = byId.get(sessionId);
        if (s == null) {
            return retired.state(sessionId, now);
        }
        Optional<SecretBytes> key = s.envelopeMacKey(sessionId, now);
        if (key.isPresent()) {
            return SessionState.Active.of(key.get());
        }
        if (sessionId.equals(s.id()) && s.isExpired(now)) {
            expire(s, now);
            return RetiredSessions.EXPIRED;
        }
        return RetiredSessions.INVALIDATED;
    }

    /** The live session {@code sessionId} names (its current id, or its previous one within the transition window). */
    public Optional<Session> session(String sessionId, Instant now) {
        Session s = byId.get(sessionId);
        return s != null && s.envelopeMacKey(sessionId, now).isPresent() ? Optional.of(s) : Optional.empty();
    }

    /** Whether {@code session} is still the live one for its peer. */
    public boolean isLive(Session session, Instant now) {
        return byId.get(session.id()) == session && !session.isExpired(now);
    }

    /** Whether {@code peerDomain} holds a live session. */
    public synchronized boolean holds(String peerDomain, Instant now) {
        Session s = byPeer.get(key(peerDomain));
        return s != null && !s.isExpired(now);
    }

    /** Whether a handshake from {@code peerDomain} may start: it holds a session it would replace, or there is room (SESSION.md §2.5.3). */
    public synchronized boolean hasRoomFor(String peerDomain, Instant now) {
        String p = key(peerDomain);
        return !closed && (byPeer.containsKey(p) || occupied(p, now) < maxSessions);
    }

    /**
     * The collision and capacity check at the confirm step (SESSION.md §2.5.2, §2.5.3): false when a
     * live session or another handshake past its confirm with {@code peerDomain} has a higher id, or
     * when no room is left. Otherwise reserves the peer's slot for {@code sessionId} until
     * {@link #register}, {@link #release} or the handshake timeout.
     */
    public synchronized boolean proceed(String peerDomain, String sessionId, Instant now) {
        String p = key(peerDomain);
        Session live = byPeer.get(p);
        if (closed || live != null && !live.isExpired(now) && SessionCollision.abandons(sessionId, live.id())) {
            return false;
        }
        if (reservations.outranks(p, sessionId, now) || live == null && occupied(p, now) >= maxSessions) {
            return false;
        }
        reservations.reserve(p, sessionId, now);
        return true;
    }

    /** Drops the reservation {@link #proceed} made for a handshake that did not finish. */
    public synchronized void release(String peerDomain, String sessionId) {
        reservations.release(key(peerDomain), sessionId);
    }

    /**
     * Keeps {@code session} as its peer's live session, replacing (and retiring) an older one; or
     * refuses it when a live session with a higher id exists or the table is full, zeroing its keys.
     */
    public synchronized Registration register(Session session, Instant now) {
        String p = key(session.peer());
        release(p, session.id());
        Session old = byPeer.get(p);
        if (old != null && old.isExpired(now)) {
            retire(p, old, now);
            old = null;
        }
        String refusal = closed ? "session table closed"
                : old != null && SessionCollision.abandons(session.id(), old.id()) ? "a live session with a higher id exists (SESSION.md §2.5.2)"
                : old == null && occupied(p, now) >= maxSessions ? "at the session cap (SESSION.md §2.5.3)"
                : null;
        if (refusal != null) {
            session.destroy();
            retired.add(session.id(), RetiredSessions.INVALIDATED, now);
            return new Refused(refusal);
        }
        if (old != null) {
            retire(p, old, now);
        }
        byPeer.put(p, session);
        byId.put(session.id(), session);
        return new Registered(Optional.ofNullable(old).map(Session::id));
    }

    /** Indexes {@code session} under its new id after a rekey; {@code previousId} keeps verifying for the transition window. */
    public synchronized void rekeyed(Session session, String previousId, Instant now) {
        if (byPeer.get(key(session.peer())) == session && byId.get(previousId) == session) {
            byId.put(session.id(), session);
        }
    }

    /** Retires the live session of {@code peerDomain}, if any (HANDSHAKE.md §4.2: a block applied after establishment). */
    public synchronized boolean invalidate(String peerDomain, Instant now) {
        String p = key(peerDomain);
        Session s = byPeer.get(p);
        if (s == null) {
            return false;
        }
        retire(p, s, now);
        return true;
    }

    /** Live sessions. */
    public synchronized int size() {
        return byPeer.size();
    }

    /**
     * Retires expired sessions, previous ids past their transition window and stale reservations;
     * zeroes superseded keys; forgets retired ids past their window.
     */
    public synchronized void sweep(Instant now) {
        for (Session s : List.copyOf(byPeer.values())) {
            if (s.isExpired(now)) {
                expire(s, now);
            } else {
                s.sweep(now);
            }
        }
        List<String> stale = new ArrayList<>();
        byId.forEach((id, s) -> {
            if (!id.equals(s.id()) && s.envelopeMacKey(id, now).isEmpty()) {
                stale.add(id);
            }
        });
        stale.forEach(id -> {
            byId.remove(id);
            retired.add(id, RetiredSessions.INVALIDATED, now);
        });
        reservations.prune(now);
        retired.prune(now);
    }

    /** Zeroes every session's keys; the table refuses new sessions afterwards. */
    @Override
    public synchronized void close() {
        closed = true;
        byPeer.values().forEach(Session::destroy);
        byPeer.clear();
        byId.clear();
        reservations.clear();
    }

    private synchronized void expire(Session s, Instant now) {
        String p = key(s.peer());
        if (byPeer.get(p) == s) {
            retire(p, s, now);
        }
    }

    private void retire(String peer, Session s, Instant now) {
        byPeer.remove(peer, s);
        boolean expired = s.isExpired(now);
        byId.entrySet().removeIf(e -> {
            if (e.getValue() != s) {
                return false;
            }
            retired.add(e.getKey(), expired && e.getKey().equals(s.id()) ? RetiredSessions.EXPIRED : RetiredSessions.INVALIDATED, now);
            return true;
        });
        s.destroy();
        LOG.info("federation session retired peer={} id={} why={}", s.peer(), s.id(), expired ? "expired" : "invalidated");
    }

    private int occupied(String exceptPeer, Instant now) {
        return byPeer.size() + reservations.count(exceptPeer, byPeer.keySet(), now);
    }

    private static String key(String domain) {
        return BlockList.normalize(domain);
    }

    int retiredCount() {
        return retired.size();
    }
}
