package sempgw.semp.ingress.receive;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.core.SempReason;
import sempgw.core.crypto.RandomSource;
import sempgw.core.delivery.DeliveryReceipt;
import sempgw.core.envelope.Extensions;
import sempgw.core.envelope.Postmark;
import sempgw.core.envelope.seal.DeliveryPolicy;
import sempgw.core.envelope.seal.EnvelopeVerifier;
import sempgw.core.envelope.seal.SessionLookup;
import sempgw.core.envelope.seal.SessionState;
import sempgw.core.envelope.seal.Verdict;
import sempgw.semp.ingress.LogSafe;
import sempgw.semp.ingress.inbox.AcceptedEnvelope;

/**
 * The receive pipeline of DELIVERY.md §3 for one envelope of a federation conversation. Steps in
 * order; the first failure answers:
 *
 * <ol>
 *   <li>Size, padding included -> {@code envelope_size_exceeded} (ENVELOPE.md §9.3, CONFORMANCE.md §4.1).</li>
 *   <li>semp-core's {@link EnvelopeVerifier} (ENVELOPE.md §9.1, §7.2): signature {@code seal_invalid}
 *   (sender domain keys that cannot be fetched now: {@code server_unavailable}, which the sender
 *   retries; KEY.md §6.4, ERRORS.md §3), expiry {@code envelope_expired}, session {@code no_session} / {@code handshake_expired} /
 *   {@code handshake_invalid}, MAC {@code session_mac_invalid}, required extensions
 *   {@code extension_unsupported}, brief unwrap and decrypt, {@code brief.from} in
 *   {@code postmark.from_domain} (SPEC-DIGEST-SERVER §9 item 10) and the domain/server
 *   {@link DeliveryPolicy} -> {@code policy_forbidden}. Its session lookup sees only this
 *   conversation's session: another {@code postmark.session_id} is {@code no_session}
 *   (ENVELOPE.md §9.3 "does not reference a known session"; the sender re-handshakes).
 *   Bytes that do not decode as an envelope are {@link ReceiveOutcome.Malformed}: there is no
 *   SEMP code for them, the transport answers 400 (ERRORS.md §12, TRANSPORT.md §4.2.2).</li>
 *   <li>{@code postmark.from_domain} is the session's peer domain, whose ownership the handshake
 *   proved (HANDSHAKE.md §5, DELIVERY.md §5.3 "cryptographically verified identifiers"); we relay
 *   for no one -> {@code policy_forbidden}.</li>
 *   <li>{@code postmark.to_domain} is one of ours -> {@code policy_forbidden}.</li>
 *   <li>Already stored (a retry after a lost acknowledgment) -> {@code delivered} again with a
 *   fresh receipt, not stored twice ({@link DeliveredEnvelopes}); a copy arriving while another
 *   is being handled waits for it, from this check to the store.</li>
 *   <li>Recipients, user block list, first contact, rate limit ({@link RecipientPolicy}) ->
 *   {@code policy_forbidden} (with a challenge) or silent.</li>
 *   <li>{@link Inbox#store} (durable), given the decoded envelope and opened brief with the wire
 *   bytes, so the inbox neither decodes nor decrypts again -> its {@link InboxRefusal}'s code, with
 *   nothing stored (the gateway's mailbox agent refuses an enclosure it cannot open, ENVELOPE.md
 *   §9.2), else {@code server_unavailable} when it fails; then {@code delivered} with a receipt
 *   signed by our domain key (DELIVERY.md §1.1.1). Never a {@code delivered} before the store,
 *   never an accepted envelope dropped (ENVELOPE.md §9.1).</li>
 * </ol>
 * Every rejection names the envelope's {@code postmark.id} (ENVELOPE.md §9.2); one that would
 * have to be sent without it (none readable, or longer than 256 characters) is
 * {@link ReceiveOutcome.Malformed} instead. The one exception is {@code server_unavailable} after
 * an internal failure: its reply carries {@code envelope_id} {@code ""}, which a sender cannot
 * decode and so also retries. Thread-safe: conversations call it concurrently. Time is passed
 * in; the only I/O is the inbox's.
 */
public final class ReceivePipeline {
    private static final Logger LOG = LoggerFactory.getLogger(ReceivePipeline.class);

    private final ReceiveConfig config;
    private final ServerKeys keys;
    private final SessionLookup sessions;
    private final DeliveryPolicy domainPolicy;
    private final Inbox inbox;
    private final RandomSource random;
    private final RecipientPolicy recipients;
    private final DeliveredEnvelopes delivered;

    /**
     * @param sessions the federation session table ({@code federation.SessionTable})
     * @param domainPolicy domain- and server-level policy, run by the verifier (DELIVERY.md §6.2)
     * @param random challenge prefixes and ids
     */
    public ReceivePipeline(ReceiveConfig config, ServerKeys keys, SessionLookup sessions, DeliveryPolicy domainPolicy,
                           LocalUsers users, Inbox inbox, RandomSource random) {
        this(config, keys, sessions, domainPolicy, users, inbox, random, DeliveredJournal.none());
    }

    /**
     * With the duplicate-delivery set kept across restarts in {@code delivered}, which the caller
     * closes after the pipeline's last use.
     */
    public ReceivePipeline(ReceiveConfig config, ServerKeys keys, SessionLookup sessions, DeliveryPolicy domainPolicy,
                           LocalUsers users, Inbox inbox, RandomSource random, DeliveredJournal delivered) {
        this.config = Objects.requireNonNull(config, "config");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.domainPolicy = Objects.requireNonNull(domainPolicy, "domainPolicy");
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.random = Objects.requireNonNull(random, "random");
        this.recipients = new RecipientPolicy(config, users);
        this.delivered = new DeliveredEnvelopes(config.duplicateWindowCapacity(), Objects.requireNonNull(delivered, "delivered"));
    }

    /**
     * Runs the pipeline on one envelope received in {@code session}. Never throws: bad input is a
     * rejection; sender keys the lookup reports unavailable are the verifier's
     * {@code server_unavailable}; and a collaborator that throws (key lookup, session table,
     * mailbox or policy store) is {@code server_unavailable} too, which the sender retries
     * (unknown failures are temporary).
     */
    public ReceiveOutcome receive(byte[] envelopeWire, PeerSessionRef session, Instant now) {
        try {
            return run(envelopeWire, session, now);
        } catch (RuntimeException e) {
            String id = Replies.postmarkIdOf(envelopeWire);
            LOG.warn("envelope {} from {}: internal failure, answering server_unavailable: {}", LogSafe.of(id), LogSafe.of(session.peerDomain()),
                    LogSafe.text(e.toString()));
            return Replies.rejected(id, List.of(), SempReason.SERVER_UNAVAILABLE, "temporarily unable to process the envelope, retry later", now);
        }
    }

    private ReceiveOutcome run(byte[] envelopeWire, PeerSessionRef session, Instant now) {
        if (envelopeWire.length > config.maxEnvelopeSize()) {
            return reject(Replies.postmarkIdOf(envelopeWire), List.of(), session, SempReason.ENVELOPE_SIZE_EXCEEDED,
                    "envelope exceeds max_envelope_size " + config.maxEnvelopeSize(), now);
        }
        SessionLookup thisSession = id -> id.equals(session.sessionId()) ? sessions.find(id) : new SessionState.Unknown();
        Verdict verdict = new EnvelopeVerifier(keys.senderKeys(), thisSession, keys.decryptionKeys(), domainPolicy,
                config.verifierOptions()).receive(envelopeWire, now);
        return switch (verdict) {
            case Verdict.Malformed m -> malformed(Replies.postmarkIdOf(envelopeWire), session, "does not decode: " + m.error());
            case Verdict.Rejected r -> reject(r.postmarkId().isEmpty() ? Replies.postmarkIdOf(envelopeWire) : r.postmarkId(), List.of(),
                    session, r.reason(), r.detail(), r.extension(), now);
            case Verdict.Accepted a -> accepted(a, envelopeWire, session, now);
        };
    }

    private ReceiveOutcome accepted(Verdict.Accepted a, byte[] wire, PeerSessionRef session, Instant now) {
        Postmark p = a.envelope().envelope().postmark();
        if (!Replies.acknowledgeable(p.id())) {
            return malformed(p.id(), session, "postmark.id is not 1 to " + Replies.MAX_ID_CHARS + " characters");
        }
        if (!p.id().chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            return reject(p.id(), List.of(), session, SempReason.POLICY_FORBIDDEN,
                    "postmark.id is not printable ASCII (ENVELOPE.md §3.3: a ULID)", now);
        }
        if (!p.fromDomain().equals(session.peerDomain())) {
            return reject(p.id(), List.of(), session, SempReason.POLICY_FORBIDDEN, "postmark.from_domain is not the session's peer domain", now);
        }
        if (!config.localDomains().contains(p.toDomain())) {
            return reject(p.id(), List.of(), session, SempReason.POLICY_FORBIDDEN, "postmark.to_domain is not a local domain", now);
        }
        List<String> locals = RecipientFacts.localRecipients(a.brief(), p.toDomain());
        try (DeliveredEnvelopes.Claim held = delivered.claim(p.fromDomain(), p.id())) {
            if (delivered.contains(p.fromDomain(), p.id(), now)) {
                LOG.info("envelope {} from {}: duplicate of a stored envelope, delivered again", LogSafe.of(p.id()), p.fromDomain());
                return receipt(a, locals, now);
            }
            return switch (recipients.decide(a.envelope().envelope(), a.brief(), keys, random, now)) {
                case RecipientPolicy.Decision.Silence s -> {
                    LOG.info("envelope {} from {}: silent ({})", LogSafe.of(p.id()), p.fromDomain(), s.why());
                    yield new ReceiveOutcome.Silent(s.why());
                }
                case RecipientPolicy.Decision.Refuse r -> {
                    LOG.info("envelope {} from {}: rejected policy_forbidden ({})", LogSafe.of(p.id()), p.fromDomain(), r.why());
                    yield Replies.refused(p.id(), locals, r.challenge(), now);
                }
                case RecipientPolicy.Decision.Deliver d -> deliver(a, wire, d, session, now);
            };
        }
    }

    private ReceiveOutcome deliver(Verdict.Accepted a, byte[] wire, RecipientPolicy.Decision.Deliver d, PeerSessionRef session, Instant now) {
        Postmark p = a.envelope().envelope().postmark();
        try {
            inbox.store(new AcceptedEnvelope(a.envelope().envelope(), a.brief(), d.recipients(), wire, now));
        } catch (InboxRefusal r) {
            return reject(p.id(), d.recipients(), session, r.reason(), r.detail(), r.extension(), now);
        } catch (IOException | RuntimeException e) {
            LOG.warn("envelope {} from {}: inbox store failed, answering server_unavailable: {}", LogSafe.of(p.id()), p.fromDomain(),
                    LogSafe.text(e.toString()));
            return Replies.rejected(p.id(), d.recipients(), SempReason.SERVER_UNAVAILABLE,
                    "temporarily unable to accept the envelope, retry later", now);
        }
        delivered.remember(p.fromDomain(), p.id(), p.expires().plus(config.expiryGrace()), now);
        recipients.delivered(d, p.fromDomain());
        LOG.info("envelope {} from {}: delivered to {} local recipient(s)", LogSafe.of(p.id()), p.fromDomain(), d.recipients().size());
        return receipt(a, d.recipients(), now);
    }

    /** {@code delivered} with a fresh receipt; a signing failure after the store is a retry, answered from the duplicate set. */
    private ReceiveOutcome receipt(Verdict.Accepted a, List<String> recipients, Instant now) {
        Postmark p = a.envelope().envelope().postmark();
        try {
            DeliveryReceipt receipt = DeliveryReceipt.issue(a.canonical(), p.toDomain(), now, keys.signingKey());
            return Replies.delivered(p.id(), recipients, receipt, now);
        } catch (RuntimeException e) {
            LOG.warn("envelope {} from {}: receipt not issued, answering server_unavailable: {}", LogSafe.of(p.id()), p.fromDomain(),
                    LogSafe.text(e.toString()));
            return Replies.rejected(p.id(), recipients, SempReason.SERVER_UNAVAILABLE,
                    "temporarily unable to acknowledge the envelope, retry later", now);
        }
    }

    /** A rejection naming {@code postmarkId}; {@link ReceiveOutcome.Malformed} when the id cannot be named (ENVELOPE.md §9.2). */
    private static ReceiveOutcome reject(String postmarkId, List<String> recipients, PeerSessionRef session, SempReason reason,
                                         String detail, Instant now) {
        return reject(postmarkId, recipients, session, reason, detail, Optional.empty(), now);
    }

    /**
     * {@link #reject} naming an unsupported extension in the text and the acknowledgment
     * (EXTENSIONS.md §3.1, §8.3) when its key is well formed (§2.3): a peer's string of any other
     * shape is not echoed back.
     */
    private static ReceiveOutcome reject(String postmarkId, List<String> recipients, PeerSessionRef session, SempReason reason,
                                         String detail, Optional<String> extension, Instant now) {
        Optional<String> named = extension.filter(Extensions::wellFormedKey);
        String text = named.map(key -> detail + ": " + key).orElse(detail);
        if (!Replies.acknowledgeable(postmarkId)) {
            return malformed(postmarkId, session, reason.code() + " without a readable postmark.id: " + text);
        }
        LOG.info("envelope {} from {}: rejected {} ({})", LogSafe.of(postmarkId), LogSafe.of(session.peerDomain()), reason.code(), LogSafe.text(text));
        return Replies.rejected(postmarkId, recipients, reason, text, named, now);
    }

    /** Answered by the transport, below SEMP (ERRORS.md §12, TRANSPORT.md §4.2.2). */
    private static ReceiveOutcome malformed(String postmarkId, PeerSessionRef session, String why) {
        LOG.info("envelope {} from {}: malformed, answered by the transport ({})", LogSafe.of(postmarkId), LogSafe.of(session.peerDomain()),
                LogSafe.text(why));
        return new ReceiveOutcome.Malformed(why);
    }
}
