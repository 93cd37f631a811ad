package sempgw.semp.ingress.federation;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.core.SempReason;
import sempgw.core.delivery.Acknowledgment;
import sempgw.core.delivery.AcknowledgmentCodec;
import sempgw.core.envelope.seal.SessionState;
import sempgw.core.handshake.Responder;
import sempgw.core.handshake.Step;
import sempgw.core.session.RekeyResponder;
import sempgw.core.session.RekeyStep;
import sempgw.core.session.Session;
import sempgw.semp.ingress.Conversation;
import sempgw.semp.ingress.LogSafe;
import sempgw.semp.ingress.receive.PeerSessionRef;
import sempgw.semp.ingress.receive.ReceiveOutcome;

/**
 * One peer's federation conversation over one transport binding, dispatching by message
 * {@code type} (HANDSHAKE.md §1.4):
 *
 * <ol>
 *   <li>While a handshake runs, every message goes to its semp-core {@link Responder}: a
 *   {@code Send} is the reply; {@code Rejected} replies the rejection (or nothing, for a silent
 *   block) and ends the conversation unless it holds a session; {@code Established} registers the
 *   session in the {@link SessionTable} before {@code accepted} goes out. The responder is dropped
 *   on failure, on success, and by the sweep at its 30 s deadline (CONFORMANCE.md §4.2); a late
 *   message then gets {@code handshake_expired} (HANDSHAKE.md §6.6).</li>
 *   <li>{@code SEMP_HANDSHAKE} otherwise starts a handshake. On a conversation that holds a
 *   session this is allowed: a new inbound handshake supersedes the peer's session (SESSION.md
 *   §2.5.2) and a connection may carry several sessions (TRANSPORT.md §8.3).</li>
 *   <li>{@code SEMP_ENVELOPE} goes to the receive pipeline with the session its postmark names,
 *   also on a connection that did not run the handshake (TRANSPORT.md §8.2, §8.3), whatever domain
 *   it claims: silence is only for envelopes that pass the checks (DELIVERY.md §1.3). A peer blocked
 *   after its session was established gets, for envelopes its domain sealed on that session, the
 *   entry's acknowledgment: none ({@code silent}) or {@code blocked} (HANDSHAKE.md §4.2).</li>
 *   <li>{@code SEMP_REKEY} goes to semp-core's {@link RekeyResponder} for this conversation's
 *   session (SESSION.md §3); the table indexes the new id and keeps the old one for the
 *   transition window.</li>
 *   <li>A message of a type SEMP 1.x does not define is dropped without a reply, in any state,
 *   also while a handshake runs: an unknown optional message type (CONFORMANCE.md §9.1.4; no
 *   message type can be marked critical, docs/interop.md). The conversation goes on.</li>
 *   <li>Anything else, and a rekey without a live session, gets a signed {@code rejected}
 *   ({@code handshake_invalid}, or {@code handshake_expired} for an expired session).</li>
 *   <li>Bytes that are not a SEMP message at all (not JSON, no {@code type}), and envelopes the
 *   pipeline finds {@link ReceiveOutcome.Malformed}, get no SEMP reply:
 *   {@link #lastMessageMalformed()} tells the transport to answer 400 or close 1007 (ERRORS.md
 *   §12, TRANSPORT.md §4.2.2). A conversation without a session then ends.</li>
 * </ol>
 * Unparseable input never throws out of {@link #onMessage}. One message at a time; the sweep
 * thread only takes the lock when it is free. The exception: an envelope arriving while the
 * conversation holds a live session and runs no handshake may be handled {@link #concurrently}
 * with other such envelopes (TRANSPORT.md §4.3.2); that handling reads nothing the conversation
 * changes, and the transport never runs it beside a handshake or rekey message (§2.3).
 */
final class PeerConversation implements Conversation {
    private static final Logger LOG = LoggerFactory.getLogger(PeerConversation.class);

    private final FederationService service;
    private final SessionTable table;
    private final String transport;
    private final ReentrantLock lock = new ReentrantLock();
    private Responder responder;
    private String reservedPeer;
    private String reservedId;
    private Optional<String> serverId = Optional.empty();
    private Session session;
    private boolean handshakeExpired;
    private boolean finished;
    private boolean malformed;
    private Instant current = Instant.EPOCH;

    PeerConversation(FederationService service, String transport) {
        this.service = service;
        this.table = service.sessions();
        this.transport = transport;
    }

    @Override
    public Optional<byte[]> onMessage(byte[] message, Instant now) {
        lock.lock();
        try {
            current = now;
            malformed = false;
            return dispatch(message, now);
        } catch (RuntimeException e) {
            LOG.warn("federation message failed transport={} error={}", transport, e.getClass().getSimpleName());
            endHandshake();
            finished = session == null;
            return refuse(false, now);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<Function<Instant, Answer>> concurrently(byte[] message, Instant now) {
        lock.lock();
        try {
            if (responder != null || handshakeExpired || session == null || !table.isLive(session, now)
                    || !(Inbound.read(message, service.config().limits().maxMessageBytes()) instanceof Inbound.Envelope e)) {
                return Optional.empty();
            }
            String id = e.sessionId().orElse(session.id());
            Optional<String> server = serverId;
            return Optional.of(at -> beside(message, id, e, server, at));
        } finally {
            lock.unlock();
        }
    }

    /** An envelope handled beside others: reads only what it was given; a failure is a signed refusal. */
    private Answer beside(byte[] message, String id, Inbound.Envelope e, Optional<String> server, Instant now) {
        try {
            Answer a = received(message, id, e, server, now);
            if (a.malformed()) {
                LOG.info("federation message malformed, answered by the transport transport={} what=envelope", transport);
            }
            return a;
        } catch (RuntimeException failure) {
            LOG.warn("federation message failed transport={} error={}", transport, failure.getClass().getSimpleName());
            try {
                return new Answer(Optional.of(service.refusals().invalid(now)), false);
            } catch (RuntimeException again) {
                return new Answer(Optional.empty(), false);
            }
        }
    }

    @Override
    public boolean finished() {
        lock.lock();
        try {
            return finished;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean lastMessageMalformed() {
        lock.lock();
        try {
            return malformed;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            endHandshake();
            finished = true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Drops the handshake when its deadline has passed; skipped while a message is being handled.
     * A conversation without a session is then finished: its transport is closed (HANDSHAKE.md
     * §6.6), and a message arriving first is answered {@code handshake_expired}.
     */
    void expireHandshake(Instant now) {
        if (!lock.tryLock()) {
            return;
        }
        try {
            if (responder != null && !now.isBefore(responder.deadline())) {
                LOG.info("federation handshake abandoned at its deadline transport={}", transport);
                endHandshake();
                handshakeExpired = true;
                finished = session == null;
            }
        } finally {
            lock.unlock();
        }
    }

    private Optional<byte[]> dispatch(byte[] message, Instant now) {
        Inbound in = Inbound.read(message, service.config().limits().maxMessageBytes());
        if (in instanceof Inbound.Unknown u) {
            return unknown(u);
        }
        if (responder != null) {
            return handshake(message, now);
        }
        boolean late = handshakeExpired;
        handshakeExpired = false;
        if (late && in instanceof Inbound.Handshake h && !"init".equals(h.step())) {
            finished = session == null;
            return refuse(true, now);
        }
        return switch (in) {
            case Inbound.Handshake h -> {
                serverId = h.serverId();
                responder = service.responder(serverId, this::proceed, now);
                service.handshakeStarted(this);
                yield handshake(message, now);
            }
            case Inbound.Envelope e -> envelope(message, e, now);
            case Inbound.Oversized o -> envelope(message, new Inbound.Envelope(Optional.empty(), Optional.empty()), now);
            case Inbound.Rekey r -> rekey(message, now);
            case Inbound.ConfigurationUpdate u -> configurationUpdate(u);
            case Inbound.Other o -> unexpected("type " + LogSafe.of(o.type()), now);
            case Inbound.Unknown u -> unknown(u);
            case Inbound.Unreadable u -> malformed("unreadable " + u.why());
        };
    }

    private Optional<byte[]> handshake(byte[] message, Instant now) {
        return switch (responder.onMessage(message, now)) {
            case Step.Send s -> Optional.of(s.message());
            case Step.Established e -> established(e, now);
            case Step.Rejected r -> {
                endHandshake();
                finished = session == null;
                LOG.info("federation handshake rejected transport={} reason={} origin={} detail={}",
                        transport, r.reason().code(), r.origin(), LogSafe.text(r.detail()));
                yield r.message();
            }
        };
    }

    private Optional<byte[]> established(Step.Established e, Instant now) {
        reservedPeer = null;
        endHandshake();
        Session s = e.session();
        Optional<BlockList.Acknowledgment> block = service.blockList().match(s.peer(), serverId, now);
        if (block.isPresent()) {
            table.release(s.peer(), s.id());
            s.destroy();
            finished = session == null;
            LOG.info("federation session not kept: blocked during its handshake peer={} acknowledgment={}", s.peer(), block.get());
            return block.get() == BlockList.Acknowledgment.SILENT ? Optional.empty() : refuse(false, now);
        }
        return switch (table.register(s, now)) {
            case SessionTable.Registered r -> {
                service.registered(s.peer(), serverId);
                session = s;
                LOG.info("federation session established peer={} id={} suite={} transport={} replaced={}",
                        s.peer(), s.id(), s.suite().wireName(), transport, r.replaced().orElse("-"));
                yield e.message();
            }
            case SessionTable.Refused r -> {
                finished = session == null;
                LOG.warn("federation session not kept peer={} id={} why={}", s.peer(), s.id(), r.why());
                yield Optional.empty();
            }
        };
    }

    private Optional<byte[]> envelope(byte[] message, Inbound.Envelope e, Instant now) {
        String id = e.sessionId().orElseGet(() -> session == null ? "" : session.id());
        if (session == null || !table.isLive(session, now)) {
            session = table.session(id, now).orElse(null);
        }
        Answer a = received(message, id, e, serverId, now);
        return a.malformed() ? malformed("envelope") : a.reply();
    }

    /**
     * The receive pipeline's answer to an envelope naming session {@code id}; touches no conversation
     * state. Every envelope reaches the pipeline, whatever domain it claims: silence is only for
     * envelopes that pass the checks (DELIVERY.md §1.3), and an invalid one is rejected explicitly.
     * A block entry added after a session was established invalidates it at once; the blocked
     * party's later envelopes on it then get the entry's acknowledgment (HANDSHAKE.md §4.2): none
     * for {@code silent}, {@code blocked} for {@code rejected} ({@link #blocked}).
     */
    private Answer received(byte[] message, String id, Inbound.Envelope e, Optional<String> server, Instant now) {
        String peer = BlockList.normalize(table.session(id, now).map(Session::peer).or(e::fromDomain).orElse(""));
        return switch (service.config().receiver().receive(message, new PeerSessionRef(peer, id), now)) {
            case ReceiveOutcome.Reply r -> blocked(r, id, e, server, now).orElseGet(() -> new Answer(Optional.of(r.acknowledgment()), false));
            case ReceiveOutcome.Silent s -> new Answer(Optional.empty(), false);
            case ReceiveOutcome.Malformed m -> new Answer(Optional.empty(), true);
        };
    }

    /**
     * The block entry's answer instead of {@code reply}, when {@code reply} rejects the envelope with
     * {@code handshake_invalid} for a session that was invalidated and the envelope's
     * {@code postmark.from_domain} is blocked. The pipeline checks the session only after the seal
     * signature under that domain's published key and the expiry (DELIVERY.md §3 steps 1-3), so
     * such an envelope is the blocked domain's own; a forged one got {@code seal_invalid} and keeps it.
     */
    private Optional<Answer> blocked(ReceiveOutcome.Reply reply, String id, Inbound.Envelope e, Optional<String> server, Instant now) {
        Optional<Acknowledgment.Rejected> invalid = reply.rejected().filter(r -> r.reason() == SempReason.HANDSHAKE_INVALID);
        if (invalid.isEmpty() || e.fromDomain().isEmpty() || !(table.state(id, now) instanceof SessionState.Invalidated)) {
            return Optional.empty();
        }
        String domain = BlockList.normalize(e.fromDomain().get());
        Optional<BlockList.Acknowledgment> block = service.blockList().match(domain, server, now);
        if (block.isEmpty()) {
            return Optional.empty();
        }
        Acknowledgment.Rejected r = invalid.get();
        LOG.info("federation envelope of a blocked peer peer={} acknowledgment={}", LogSafe.of(domain), block.get());
        return Optional.of(block.get() == BlockList.Acknowledgment.SILENT ? new Answer(Optional.empty(), false)
                : new Answer(Optional.of(AcknowledgmentCodec.encode(new Acknowledgment.Rejected(r.envelopeId(), SempReason.BLOCKED,
                        "the sender is blocked"), now)), false));
    }

    private Optional<byte[]> rekey(byte[] message, Instant now) {
        if (session == null || !table.isLive(session, now)) {
            boolean expired = session != null && table.state(session.id(), now) instanceof SessionState.Expired;
            session = null;
            LOG.info("federation rekey without a live session transport={}", transport);
            return refuse(expired, now);
        }
        String previous = session.id();
        return switch (RekeyResponder.handle(session, message, now, service.config().random())) {
            case RekeyStep.Rekeyed r -> {
                table.rekeyed(session, previous, now);
                LOG.info("federation session rekeyed peer={} id={} previous={}", session.peer(), r.newSessionId(), previous);
                yield r.message();
            }
            case RekeyStep.Refused r -> {
                LOG.info("federation rekey refused peer={} id={} reason={} detail={}", session.peer(), previous, r.reason().code(),
                        LogSafe.text(r.detail()));
                yield r.message();
            }
            case RekeyStep.Send s -> Optional.of(s.message());
        };
    }

    /**
     * Discarded without a reply, and the conversation goes on: the notice is an optional hint
     * (DISCOVERY.md §3.5.4), and the spec gives its signature no context prefix although every
     * SEMP signature needs one (ENVELOPE.md §4.3), so it cannot be verified, and an unverified
     * notice is discarded (docs/interop.md). The peer's configuration is fetched again when its
     * {@code ttl_seconds} runs out.
     */
    private Optional<byte[]> configurationUpdate(Inbound.ConfigurationUpdate u) {
        LOG.info("federation configuration update discarded (not verifiable) domain={} transport={}",
                LogSafe.of(u.domain().orElse("-")), transport);
        return Optional.empty();
    }

    /**
     * Dropped without a reply, whatever the state, and the conversation goes on: a type SEMP 1.x
     * does not define is an unknown optional message type, which MUST be dropped silently unless
     * marked critical (CONFORMANCE.md §9.1.4), and the spec has no such mark for a message type
     * (docs/interop.md). Over h2 the POST gets what a silent reply gets.
     */
    private Optional<byte[]> unknown(Inbound.Unknown u) {
        LOG.info("federation message of unknown type dropped type={} transport={}", LogSafe.of(u.type()), transport);
        return Optional.empty();
    }

    private Optional<byte[]> unexpected(String what, Instant now) {
        LOG.info("federation message refused transport={} what={}", transport, what);
        finished = session == null;
        return refuse(false, now);
    }

    /** No SEMP reply: the transport answers (ERRORS.md §12); a conversation without a session ends. */
    private Optional<byte[]> malformed(String what) {
        LOG.info("federation message malformed, answered by the transport transport={} what={}", transport, what);
        malformed = true;
        finished = session == null;
        return Optional.empty();
    }

    private Optional<byte[]> refuse(boolean expired, Instant now) {
        try {
            return Optional.of(expired ? service.refusals().expired(now) : service.refusals().invalid(now));
        } catch (RuntimeException e) {
            finished = true;
            return Optional.empty();
        }
    }

    /** The responder's collision and capacity check at confirm, reserving the peer's slot (SESSION.md §2.5.2). */
    private boolean proceed(String peer, String id, Session.Side side) {
        reservedPeer = peer;
        reservedId = id;
        return table.proceed(peer, id, current);
    }

    private void endHandshake() {
        if (responder != null) {
            responder.abandon();
            responder = null;
        }
        if (reservedPeer != null) {
            table.release(reservedPeer, reservedId);
            reservedPeer = null;
        }
        service.handshakeEnded(this);
    }
}
