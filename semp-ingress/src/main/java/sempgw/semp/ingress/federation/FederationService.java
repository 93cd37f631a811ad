package sempgw.semp.ingress.federation;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.core.SempReason;
import sempgw.core.handshake.Admission;
import sempgw.core.handshake.ChallengePolicy;
import sempgw.core.handshake.CollisionArbiter;
import sempgw.core.handshake.InitSummary;
import sempgw.core.handshake.NonceLedger;
import sempgw.core.handshake.Responder;
import sempgw.core.handshake.ResponderGuards;
import sempgw.core.handshake.SeenNonces;
import sempgw.core.handshake.UsedChallenges;
import sempgw.semp.ingress.Conversation;
import sempgw.semp.ingress.FederationEndpoint;
import sempgw.semp.ingress.LogSafe;

/**
 * The gateway's federation responder: opens one {@link PeerConversation} per WebSocket connection
 * or HTTP/2 tunnel and holds what all conversations share: the {@link SessionTable}, the init
 * nonce and challenge-id ledgers (HANDSHAKE.md §6.2, §2.2b.2), the block list and the limits.
 *
 * <p>Every init passes, in this order: suite negotiation ({@code policy_forbidden}); the block
 * list ({@code blocked}, or no reply for a {@code silent} entry; DELIVERY.md §6.1); the session
 * cap ({@code server_at_capacity}, SESSION.md §2.5.3); the nonce ledger ({@code handshake_invalid});
 * the initiator's domain key, signatures and domain-ownership proof ({@code auth_failed},
 * CONFORMANCE.md §4.8); proof of work when configured. The gateway schedules {@link #sweep}.
 * Closing the service abandons open handshakes and closes the session table.
 */
public final class FederationService implements FederationEndpoint, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FederationService.class);

    private final FederationConfig config;
    private final SessionTable sessions;
    private final NonceLedger nonces;
    private final UsedChallenges usedChallenges;
    private final Refusals refusals;
    private final Set<PeerConversation> handshaking = ConcurrentHashMap.newKeySet();
    private final Map<String, String> serverIds = new ConcurrentHashMap<>();
    private volatile BlockList blockList;

    /** A responder over {@code sessions}, the table the receive pipeline also reads. */
    public FederationService(FederationConfig config, SessionTable sessions) {
        this.config = Objects.requireNonNull(config, "config");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.nonces = new WarningNonces(new SeenNonces(config.sessionTtl(), config.limits().replayLedgerCapacity()),
                config.limits().replayLedgerCapacity());
        this.usedChallenges = new UsedChallenges(config.limits().replayLedgerCapacity());
        this.blockList = config.blockList();
        this.refusals = new Refusals(responderConfig(Admission.admitAll(), ChallengePolicy.never(), CollisionArbiter.none()), config.random());
    }

    @Override
    public Conversation open(InetSocketAddress remote, String transport) {
        return new PeerConversation(this, Objects.requireNonNull(transport, "transport"));
    }

    /**
     * Replaces the block list. The live session of every peer a live entry now matches (its domain,
     * or the {@code server_id} its handshake named) is invalidated at once (HANDSHAKE.md §4.2);
     * nothing is sent to it, and its envelopes are refused at the session step before any brief is
     * opened (DELIVERY.md §3 step 5, §6.2). A handshake running meanwhile is checked again before
     * its session is kept.
     */
    public void updateBlockList(BlockList list, Instant now) {
        blockList = Objects.requireNonNull(list, "list");
        for (String peer : List.copyOf(serverIds.keySet())) {
            if (list.match(peer, Optional.ofNullable(serverIds.get(peer)), now).isPresent() && sessions.invalidate(peer, now)) {
                serverIds.remove(peer);
                LOG.info("federation session invalidated by a block entry peer={}", LogSafe.of(peer));
            }
        }
        for (BlockList.Entry e : list.entries()) {
            if (e.target() == BlockList.Target.DOMAIN && e.isLive(now) && sessions.invalidate(e.name(), now)) {
                LOG.info("federation session invalidated by a block entry peer={}", e.name());
            }
        }
    }

    /** Retires expired sessions and abandons handshakes past their deadline (CONFORMANCE.md §4.2). */
    public void sweep(Instant now) {
        sessions.sweep(now);
        handshaking.forEach(c -> c.expireHandshake(now));
        serverIds.keySet().removeIf(peer -> !sessions.holds(peer, now));
    }

    /** The shared session table. */
    public SessionTable sessions() {
        return sessions;
    }

    @Override
    public void close() {
        handshaking.forEach(PeerConversation::close);
        sessions.close();
    }

    /**
     * A responder for one handshake.
     *
     * @param serverId the init's {@code server_id}, for server block entries
     * @param arbiter the conversation's collision and capacity check at confirm
     */
    Responder responder(Optional<String> serverId, CollisionArbiter arbiter, Instant now) {
        Admission admission = init -> admit(init, serverId, now);
        ChallengePolicy challenge = init -> config.proofOfWork().filter(d -> init.peerDomain().map(p -> !sessions.holds(p, now)).orElse(true));
        return Responder.create(responderConfig(admission, challenge, arbiter), config.random(), now);
    }

    private Admission.Decision admit(InitSummary init, Optional<String> serverId, Instant now) {
        String peer = init.peerDomain().orElse("");
        Optional<BlockList.Acknowledgment> block = blockList.match(peer, serverId, now);
        if (block.isPresent()) {
            LOG.info("federation init blocked peer={} acknowledgment={}", LogSafe.of(peer), block.get());
            return block.get() == BlockList.Acknowledgment.SILENT ? Admission.Decision.IGNORE : new Admission.Refuse(SempReason.BLOCKED);
        }
        if (!sessions.hasRoomFor(peer, now)) {
            LOG.warn("federation init refused peer={} reason=server_at_capacity sessions={}", LogSafe.of(peer), sessions.size());
            return new Admission.Refuse(SempReason.SERVER_AT_CAPACITY);
        }
        return Admission.Decision.ADMIT;
    }

    private Responder.Config responderConfig(Admission admission, ChallengePolicy challenge, CollisionArbiter arbiter) {
        ResponderGuards guards = new ResponderGuards(admission, nonces, challenge, usedChallenges, config.limits().handshakeTimeout());
        return new Responder.Config(config.local(), config.accepted(), guards, config.peerKeys(), config.proofs(), config.policy(),
                config.sessionTtl(), arbiter);
    }

    BlockList blockList() {
        return blockList;
    }

    Refusals refusals() {
        return refusals;
    }

    FederationConfig config() {
        return config;
    }

    /** Records the {@code server_id} the handshake of {@code peer}'s new live session named, for server entries. */
    void registered(String peer, Optional<String> serverId) {
        serverIds.put(BlockList.normalize(peer), serverId.orElse(""));
    }

    void handshakeStarted(PeerConversation c) {
        handshaking.add(c);
    }

    void handshakeEnded(PeerConversation c) {
        handshaking.remove(c);
    }

    /**
     * The responder's {@link SeenNonces}, with a WARN at most once a minute while it is full of
     * nonces still in their window and forgets the oldest early to record new ones
     * ({@link FederationLimits#replayLedgerCapacity}).
     */
    private static final class WarningNonces implements NonceLedger {
        private static final Duration WARN_EVERY = Duration.ofMinutes(1);

        private final NonceLedger ledger;
        private final int capacity;
        private Instant warned;

        WarningNonces(NonceLedger ledger, int capacity) {
            this.ledger = ledger;
            this.capacity = capacity;
        }

        @Override
        public boolean seen(byte[] nonce, Instant now) {
            return ledger.seen(nonce, now);
        }

        @Override
        public Recorded record(byte[] nonce, Instant now) {
            Recorded recorded = ledger.record(nonce, now);
            if (recorded == Recorded.FIRST_USE_EVICTED_OLDEST && warnDue(now)) {
                LOG.warn("federation replay ledger full of live nonces capacity={}: the oldest are forgotten before their window ends",
                        capacity);
            }
            return recorded;
        }

        private synchronized boolean warnDue(Instant now) {
            if (warned != null && now.isBefore(warned.plus(WARN_EVERY))) {
                return false;
            }
            warned = now;
            return true;
        }
    }
}
