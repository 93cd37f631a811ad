package sempgw.semp.egress.federation;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.core.crypto.RandomSource;
import sempgw.semp.egress.peers.PeerDiscovery;
import sempgw.semp.egress.peers.PeerKeys;

/**
 * The gateway's federation sessions with peer domains (HANDSHAKE.md §5, SESSION.md §2-§3): one
 * established session per peer domain, shared by concurrent callers.
 *
 * <ol>
 *   <li>A live session whose connection is open and which has not expired is reused.</li>
 *   <li>From 80 % of its lifetime on it is rekeyed in place over its own connection
 *   (SESSION.md §3.1); a refused rekey is not retried and the session runs to expiry.</li>
 *   <li>Otherwise, or after {@link #invalidate}, a new handshake: discovery, suite and transport
 *   choice, connect with fallback, federation handshake ({@link Handshakes}).</li>
 *   <li>After a failed setup, calls for that peer fail at once for
 *   {@link FederationSettings#failureHold()} (also across {@link #invalidate}), so a queue of
 *   messages for a dead peer does not wait out one connect timeout each.</li>
 *   <li>After a challenge above the difficulty cap of 28 (HANDSHAKE.md §2.2a.2; semp-core aborts
 *   it with a signed {@code challenge_invalid}, §2.2a.6) the peer is misbehaving: calls for it
 *   fail at once with that terminal code for {@link FederationSettings#misbehavingHold()}, unless
 *   its configuration revision or domain key changes first ({@link PeerConditions}); the signed
 *   challenge is kept with the mark and logged at DEBUG (REPUTATION.md §8.3.3). Our other
 *   {@code challenge_invalid} aborts (an {@code expires} below the floor, a challenge type or
 *   algorithm we do not run) are ordinary failed setups, held for the failure hold only.</li>
 * </ol>
 * Callers for one domain wait for one handshake rather than each starting their own; other
 * domains are not held up. The domain's lock is held only to find, establish or rekey its
 * channel, never while an envelope is exchanged on it: envelopes share the session side by side
 * as its transport allows ({@link TransportConnection#exchangeConcurrently}). The table holds only live sessions and held failures:
 * {@link #sweep} drops closed and expired sessions (erasing their keys, SESSION.md §2.4) and
 * forgets domains with nothing left. The owner runs it on a timer, so an expired session's keys
 * are erased even when no more mail goes to its peer; a call also runs it, at most once per
 * {@link #SWEEP_INTERVAL}. After {@link #close()} every call fails.
 * Blocking: call from virtual threads. Thread-safe.
 */
public final class FederationClient implements PeerSessions {

    /** How often a call sweeps the table for closed or expired sessions and idle domains ({@link #sweep}). */
    public static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(FederationClient.class);

    private final FederationSettings settings;
    private final PeerDiscovery discovery;
    private final PeerKeys keys;
    private final RandomSource random;
    private final Handshakes handshakes;
    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();
    private final Optional<AutoCloseable> owned;
    private final AtomicReference<Instant> nextSweep = new AtomicReference<>(Instant.MIN);
    private volatile boolean closed;

    /** One peer's lock and current channel; fields are read and written with the lock held. */
    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock();
        PeerChannel channel;
        Instant heldUntil = Instant.MIN;
        DeliveryException lastFailure;
        /** Set when the held failure is a challenge above the difficulty cap; {@link #heldUntil} is then its {@code until}. */
        MisbehavingPeer misbehaving;

        /** Nothing worth keeping: no session and no failure being held. */
        boolean idle(Instant now) {
            return channel == null && !now.isBefore(heldUntil);
        }
    }

    /**
     * @param transports the bindings we run, e.g. {@link H2Transport} and {@link WebSocketTransport}
     */
    public FederationClient(FederationSettings settings, PeerDiscovery discovery, PeerKeys keys,
                            List<FederationTransport> transports, RandomSource random) {
        this(settings, discovery, keys, transports, random, Optional.empty());
    }

    private FederationClient(FederationSettings settings, PeerDiscovery discovery, PeerKeys keys,
                             List<FederationTransport> transports, RandomSource random, Optional<AutoCloseable> owned) {
        this.owned = owned;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.discovery = Objects.requireNonNull(discovery, "discovery");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.random = Objects.requireNonNull(random, "random");
        Map<String, FederationTransport> byId = new LinkedHashMap<>();
        transports.forEach(t -> byId.put(t.id(), t));
        if (byId.isEmpty()) {
            throw new IllegalArgumentException("at least one transport");
        }
        this.handshakes = new Handshakes(settings, discovery, keys, Map.copyOf(byId), random);
    }

    /**
     * The production client: {@code ws} and {@code h2} over one JDK {@link HttpClient} trusting
     * {@code tls}, closed with this client.
     */
    public static FederationClient overHttps(FederationSettings settings, PeerDiscovery discovery, PeerKeys keys, SSLContext tls,
                                             RandomSource random) {
        HttpClient http = H2Transport.client(tls, settings.connectTimeout());
        return new FederationClient(settings, discovery, keys, List.of(
                new WebSocketTransport(http, settings.connectTimeout(), settings.maxReplyBytes()),
                new H2Transport(http, settings.maxReplyBytes(), settings.maxConcurrentEnvelopes())), random, Optional.of(http::close));
    }

    @Override
    public FederationChannel channel(String peerDomain, Instant now) throws DeliveryException {
        String domain = key(peerDomain);
        sweepIfDue(now);
        Slot slot = lockedSlot(domain);
        try {
            PeerChannel current = slot.channel;
            if (current != null && !usable(current, now)) {
                slot.channel = null;
                current.drop();
                current = null;
            }
            if (current != null && current.session().rekeyDue(now) && !current.rekeyGivenUp()) {
                current = rekey(slot, current, now);
            }
            if (current == null) {
                current = establish(slot, domain, now);
            }
            return current;
        } finally {
            release(domain, slot, now);
        }
    }

    /**
     * The domain's slot, locked. A slot taken out of the table while we waited for its lock is
     * not used: the next one is, so two callers never hold two sessions with one peer.
     */
    private Slot lockedSlot(String domain) throws DeliveryException {
        while (true) {
            Slot slot = slots.computeIfAbsent(domain, d -> new Slot());
            slot.lock.lock();
            if (closed) {
                slots.remove(domain, slot);
                slot.lock.unlock();
                throw new DeliveryException("federation client is closed");
            }
            if (slots.get(domain) == slot) {
                return slot;
            }
            slot.lock.unlock();
        }
    }

    /** Unlocks {@code slot}, first taking it out of the table when it holds nothing. */
    private void release(String domain, Slot slot, Instant now) {
        try {
            if (slot.idle(now)) {
                slots.remove(domain, slot);
            }
        } finally {
            slot.lock.unlock();
        }
    }

    /** {@link #sweep}, at most once per {@link #SWEEP_INTERVAL}. */
    private void sweepIfDue(Instant now) {
        Instant due = nextSweep.get();
        if (!now.isBefore(due) && nextSweep.compareAndSet(due, now.plus(SWEEP_INTERVAL))) {
            sweep(now);
        }
    }

    /**
     * Drops every session that has expired at {@code now} or whose connection closed, closing the
     * connection and erasing the session keys (SESSION.md §2.4: expired session state "MUST be
     * erased from memory using secure zeroing"); erases keys a rekey left for its transition
     * window once it is over; forgets domains with no session and no failure being held. A domain
     * whose lock is taken (a handshake or rekey under way) is left for the next sweep. Call it
     * periodically: without it, an expired session with a peer we no longer send to keeps its keys
     * until the next call for any peer.
     */
    public void sweep(Instant now) {
        for (Map.Entry<String, Slot> e : slots.entrySet()) {
            Slot slot = e.getValue();
            if (!slot.lock.tryLock()) {
                continue;
            }
            try {
                if (slot.channel != null && !usable(slot.channel, now)) {
                    log.info("federation {}: session {} closed or expired, dropped", e.getKey(), slot.channel.session().id());
                    slot.channel.drop();
                    slot.channel = null;
                }
            } finally {
                release(e.getKey(), slot, now);
            }
        }
    }

    /** The number of peer domains with a session or a held failure (for metrics and tests). */
    public int trackedPeers() {
        return slots.size();
    }

    @Override
    public void invalidate(String peerDomain) {
        String domain = key(peerDomain);
        discovery.invalidate(domain);
        keys.invalidate(domain);
        Slot slot = slots.get(domain);
        if (slot != null) {
            slot.lock.lock();
            try {
                if (slot.channel != null) {
                    log.info("federation {}: session {} dropped on request", domain, slot.channel.session().id());
                    slot.channel.drop();
                    slot.channel = null;
                }
            } finally {
                if (slot.channel == null && slot.heldUntil.equals(Instant.MIN)) {
                    slots.remove(domain, slot);
                }
                slot.lock.unlock();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Slot slot : new ArrayList<>(slots.values())) {
            slot.lock.lock();
            try {
                if (slot.channel != null) {
                    slot.channel.drop();
                    slot.channel = null;
                }
            } finally {
                slot.lock.unlock();
            }
        }
        slots.clear();
        owned.ifPresent(o -> {
            try {
                o.close();
            } catch (Exception e) {
                log.debug("closing the HTTP client: {}", e.toString());
            }
        });
    }

    /** A new session, unless the peer is held ({@link #held}): then its failure again. */
    private PeerChannel establish(Slot slot, String domain, Instant now) throws DeliveryException {
        if (held(slot, domain, now)) {
            String cause = slot.lastFailure.getMessage();
            throw slot.lastFailure.repeated(slot.misbehaving != null ? slot.misbehaving.heldDetail(domain, cause)
                    : "session setup with " + domain + " failed recently, held until " + slot.heldUntil + ": " + cause);
        }
        try {
            PeerChannel c = handshakes.establish(domain, now);
            slot.channel = c;
            slot.heldUntil = Instant.MIN;
            slot.misbehaving = null;
            return c;
        } catch (DeliveryException e) {
            hold(slot, domain, e, now);
            throw e;
        }
    }

    /**
     * Whether calls for the peer fail at once: within {@link FederationSettings#failureHold()} of
     * a failed setup, or within {@link FederationSettings#misbehavingHold()} of a challenge above
     * the difficulty cap while the peer's {@link PeerConditions} are unchanged (HANDSHAKE.md
     * §2.2a.2: "MUST NOT retry under the same conditions").
     */
    private boolean held(Slot slot, String domain, Instant now) {
        if (!now.isBefore(slot.heldUntil) || slot.lastFailure == null) {
            return false;
        }
        MisbehavingPeer m = slot.misbehaving;
        if (m == null) {
            return true;
        }
        Optional<PeerConditions> current = PeerConditions.current(domain, discovery, keys);
        if (!m.changedTo(current)) {
            return true;
        }
        log.info("federation {}: publishes {} now, not {} as when it issued the refused challenge; handshaking again", domain,
                current.orElseThrow().describe(), m.conditionsText());
        return false;
    }

    /** Remembers a failed setup; a challenge above the difficulty cap marks the peer misbehaving and is logged once, here. */
    private void hold(Slot slot, String domain, DeliveryException e, Instant now) {
        slot.lastFailure = e;
        slot.misbehaving = e.refusedChallenge().map(c -> new MisbehavingPeer(c, now, PeerConditions.current(domain, discovery, keys),
                now.plus(settings.misbehavingHold()))).orElse(null);
        if (slot.misbehaving == null) {
            slot.heldUntil = now.plus(settings.failureHold());
            return;
        }
        MisbehavingPeer m = slot.misbehaving;
        slot.heldUntil = m.until();
        log.warn("federation {}: {} (the challenge: {}); the peer is misbehaving (HANDSHAKE.md §2.2a.2): messages to it fail with "
                + "challenge_invalid, without a handshake, until {} unless it publishes other than {}", domain, e.getMessage(),
                m.challenge().describe(), m.until(), m.conditionsText());
        log.debug("federation {}: the refused challenge as signed, for a protocol_abuse report (REPUTATION.md §8.3.3): {}", domain,
                m.challenge().json());
    }

    /**
     * The signed challenge for which {@code peerDomain} is held as misbehaving now, empty when it
     * is not held. Kept as HANDSHAKE.md §2.2a.6 asks, for a {@code protocol_abuse} report
     * (REPUTATION.md §8.3.3) that the gateway does not send; only the tests read it.
     */
    Optional<RefusedChallenge> refusedChallenge(String peerDomain, Instant now) {
        Slot slot = slots.get(key(peerDomain));
        if (slot == null) {
            return Optional.empty();
        }
        slot.lock.lock();
        try {
            return slot.misbehaving != null && now.isBefore(slot.heldUntil) ? Optional.of(slot.misbehaving.challenge()) : Optional.empty();
        } finally {
            slot.lock.unlock();
        }
    }

    private static boolean usable(PeerChannel c, Instant now) {
        c.session().sweep(now);
        return c.connection().isOpen() && !c.session().isExpired(now);
    }

    /** Rekeys {@code c}; returns it, or null when it had to be dropped. */
    private PeerChannel rekey(Slot slot, PeerChannel c, Instant now) {
        String before = c.session().id();
        try {
            switch (RekeyRun.run(c.session(), c.connection(), random, now, settings.handshakeTimeout())) {
                case RekeyRun.Outcome.Rekeyed r -> log.info("federation {}: session {} rekeyed to {}", c.peerDomain(), before, r.newSessionId());
                case RekeyRun.Outcome.Refused r -> {
                    c.giveUpRekey();
                    log.warn("federation {}: rekey of session {} refused ({}); using it until it expires at {}", c.peerDomain(),
                            before, r.detail(), c.session().expiresAt());
                }
            }
            return c;
        } catch (DeliveryException e) {
            log.warn("federation {}: rekey of session {} failed: {}; dropping it", c.peerDomain(), before, e.getMessage());
            slot.channel = null;
            c.drop();
            return null;
        }
    }

    private static String key(String domain) {
        Objects.requireNonNull(domain, "peerDomain");
        String d = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
        return d.toLowerCase(Locale.ROOT);
    }
}
