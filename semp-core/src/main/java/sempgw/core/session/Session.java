package sempgw.core.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SessionKeys;
import sempgw.core.crypto.SuiteId;

/**
 * One established SEMP session (SESSION.md §2.3, §2.6.1): its id, peer, suite, keys and expiry.
 * A rekey (SESSION.md §3) replaces id, keys and expiry in one step; the previous id stays valid
 * for envelope MACs during a 5-second transition window (§3.4).
 *
 * <p>Thread-safe: reads see one consistent epoch (id, keys, expiry) without locking; changes are
 * serialized. Time is passed in by the caller.
 *
 * <pre>{@code
 * Optional<SecretBytes> k = session.envelopeMacKey(postmark.sessionId(), now); // empty: no_session / handshake_invalid
 * if (session.rekeyDue(now)) { ... RekeyInitiator.begin(session, now, random) ... }
 * }</pre>
 */
public final class Session {
    /** The 5-second window in which the pre-rekey id still verifies envelopes (SESSION.md §3.4). */
    public static final Duration TRANSITION_WINDOW = Duration.ofSeconds(5);

    /** Client-to-server or server-to-server (HANDSHAKE.md §1.3). */
    public enum Kind { CLIENT, FEDERATION }

    /** Which end of the handshake we were: the initiator sends c2s, the responder s2c. */
    public enum Side { INITIATOR, RESPONDER }

    /**
     * What the handshake agreed besides keys.
     *
     * @param permissions granted permissions (client sessions; HANDSHAKE.md §2.7.1)
     * @param extensions negotiated extension ids (HANDSHAKE.md §2.3)
     * @param maxEnvelopeSize negotiated {@code max_envelope_size}, when either side stated one
     */
    public record Terms(List<String> permissions, List<String> extensions, OptionalLong maxEnvelopeSize) {
        public Terms {
            permissions = List.copyOf(permissions);
            extensions = List.copyOf(extensions);
            Objects.requireNonNull(maxEnvelopeSize, "maxEnvelopeSize");
        }

        /** No permissions, no extensions, no size limit stated. */
        public static final Terms NONE = new Terms(List.of(), List.of(), OptionalLong.empty());
    }

    private final Kind kind;
    private final Side side;
    private final String peer;
    private final SuiteId suite;
    private final Instant establishedAt;
    private final Duration ttl;
    private final Terms terms;
    private volatile SessionEpoch epoch;
    private volatile SessionEpoch.Previous previous;

    private Session(Kind kind, Side side, String peer, SuiteId suite, Instant establishedAt, Duration ttl, Terms terms,
                    SessionEpoch first) {
        this.kind = kind;
        this.side = side;
        this.peer = peer;
        this.suite = suite;
        this.establishedAt = establishedAt;
        this.ttl = ttl;
        this.terms = terms;
        this.epoch = first;
    }

    /**
     * A session accepted at {@code now} that lives {@code ttl} (SESSION.md §2.3: {@code expires_at
     * = established_at + TTL}). Takes ownership of {@code keys}.
     *
     * @param peer the authenticated client address (client sessions) or peer domain (federation)
     */
    public static Session establish(Kind kind, Side side, String id, String peer, SuiteId suite, SessionKeys keys,
                                    Instant now, Duration ttl, Terms terms) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("session TTL must be positive");
        }
        SessionEpoch first = new SessionEpoch(Objects.requireNonNull(id, "id"), Objects.requireNonNull(keys, "keys"),
                now, now.plus(ttl), 0, null);
        return new Session(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(side, "side"),
                Objects.requireNonNull(peer, "peer"), Objects.requireNonNull(suite, "suite"), now, ttl,
                Objects.requireNonNull(terms, "terms"), first);
    }

    /** The current session id (changes on rekey). */
    public String id() {
        return epoch.id();
    }

    public Kind kind() {
        return kind;
    }

    public Side side() {
        return side;
    }

    /** The client address or peer domain this session authenticated. */
    public String peer() {
        return peer;
    }

    public SuiteId suite() {
        return suite;
    }

    /** When the handshake completed; a rekey keeps it (SESSION.md §3.4). */
    public Instant establishedAt() {
        return establishedAt;
    }

    /** The TTL granted in {@code accepted}. */
    public Duration ttl() {
        return ttl;
    }

    public Terms terms() {
        return terms;
    }

    /** When the current keys expire: established (or last rekeyed) plus the TTL. */
    public Instant expiresAt() {
        return epoch.expiresAt();
    }

    /** True once {@code expires_at} has been reached (SESSION.md §2.4). */
    public boolean isExpired(Instant now) {
        return !now.isBefore(epoch.expiresAt());
    }

    /** True from 80% of the current epoch's lifetime on: time to rekey (SESSION.md §3.1). */
    public boolean rekeyDue(Instant now) {
        SessionEpoch e = epoch;
        return !now.isBefore(e.startedAt().plus(ttl.multipliedBy(4).dividedBy(5)));
    }

    /** The current keys. @throws IllegalStateException once the session was destroyed */
    public SessionKeys keys() {
        SessionEpoch e = epoch;
        if (e.keys().envMac().isDestroyed()) {
            throw new IllegalStateException("session was destroyed");
        }
        return e.keys();
    }

    /**
     * The {@code K_env_mac} that verifies an envelope naming {@code sessionId}: the current key, or
     * the previous one within the transition window after a rekey (SESSION.md §3.4). Empty for
     * any other id, after expiry, or after {@link #destroy()}.
     */
    public Optional<SecretBytes> envelopeMacKey(String sessionId, Instant now) {
        SessionEpoch e = epoch;
        if (e.id().equals(sessionId)) {
            return isExpired(now) || e.keys().envMac().isDestroyed() ? Optional.empty() : Optional.of(e.keys().envMac());
        }
        SessionEpoch.Previous p = previous;
        if (p != null && p.id().equals(sessionId) && now.isBefore(p.until()) && !p.envMac().isDestroyed()) {
            return Optional.of(p.envMac());
        }
        return Optional.empty();
    }

    /** How many rekeys this session has had, and when the last one was (SESSION.md §3.5). */
    int rekeyCount() {
        return epoch.rekeys();
    }

    Instant lastRekeyAt() {
        return epoch.lastRekeyAt();
    }

    /**
     * Installs rekeyed keys (SESSION.md §3.4): the new id and keys become current, expiry is
     * {@code now + TTL}; the old keys are zeroed except {@code K_env_mac}, which stays for the
     * transition window.
     */
    synchronized void applyRekey(String newId, SessionKeys newKeys, Instant now) {
        SessionEpoch old = epoch;
        SessionEpoch.Previous before = previous;
        if (before != null) {
            before.envMac().destroy();
        }
        previous = new SessionEpoch.Previous(old.id(), old.keys().envMac(), now.plus(TRANSITION_WINDOW));
        epoch = new SessionEpoch(newId, newKeys, now, now.plus(ttl), old.rekeys() + 1, now);
        old.keys().encC2s().destroy();
        old.keys().encS2c().destroy();
        old.keys().macC2s().destroy();
        old.keys().macS2c().destroy();
    }

    /** Zeroes the previous {@code K_env_mac} once its transition window has passed. */
    public synchronized void sweep(Instant now) {
        SessionEpoch.Previous p = previous;
        if (p != null && !now.isBefore(p.until())) {
            p.envMac().destroy();
            previous = null;
        }
    }

    /** Erases every key (SESSION.md §2.4); the session is unusable afterwards. Idempotent. */
    public synchronized void destroy() {
        epoch.keys().destroy();
        SessionEpoch.Previous p = previous;
        if (p != null) {
            p.envMac().destroy();
            previous = null;
        }
    }

    /** Shows id, kind, peer and expiry; never keys. */
    @Override
    public String toString() {
        SessionEpoch e = epoch;
        return "Session[" + e.id() + ", " + kind + ", " + side + ", peer=" + peer + ", " + suite + ", expires=" + e.expiresAt() + "]";
    }
}
