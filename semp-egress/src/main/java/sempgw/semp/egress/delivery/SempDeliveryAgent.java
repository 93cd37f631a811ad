package sempgw.semp.egress.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.core.SempTimestamps;
import sempgw.core.delivery.DeliveryReceipt;
import sempgw.core.crypto.RandomSource;
import sempgw.core.envelope.Envelope;
import sempgw.core.envelope.EnvelopeCodec;
import sempgw.core.envelope.EnvelopeFormatException;
import sempgw.core.handshake.DomainKeyLookup;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.semp.egress.federation.PeerSessions;
import sempgw.store.queue.DeliveryAgent;
import sempgw.store.queue.DeliveryResult;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.Recipient;

/**
 * The SEMP delivery agent (Postfix's smtp(8) role for SEMP): the queue manager hands it one queued
 * envelope and the recipients still to deliver, all at the envelope's {@code postmark.to_domain}.
 * The queued content is the composed envelope before sealing ({@link EnvelopeCodec} JSON).
 *
 * <ol>
 *   <li>Read the queued envelope; unreadable content is an internal failure: {@code Deferred}.</li>
 *   <li>At or past the effective deadline (DELIVERY.md §2.4) the envelope is {@code expired}:
 *   {@code Failed}, and the peer is not contacted.</li>
 *   <li>Otherwise one attempt ({@link EnvelopeAttempt}): seal for the peer session, send, verify
 *   the acknowledgment and its receipt.</li>
 * </ol>
 * An acknowledgment covers the whole envelope (DELIVERY.md §1), so its result applies to every
 * recipient given. {@link #deliver(Envelope, Instant, String, Duration)} runs the same attempt for an
 * envelope that is not in the queue (the bridge's in-transaction attempt). A failure carries its
 * reason code as a field ({@link DeliveryResult.Reason}: the ERRORS.md code, or {@code transport},
 * {@code silent}, {@code receipt_invalid}, {@code internal}, {@code expired}); its reply text
 * ({@code semp; <code>: <reason>} deferred, {@code <code>: <reason>} failed, diagnostic type
 * {@value #DIAGNOSTIC_TYPE}) is for the log, {@code queue show} and the DSN's Diagnostic-Code.
 * Each attempt logs one line: queue id, peer domain, outcome and reason code; never addresses or content. A delivery accepted from a relaxed-receipt peer without a verified
 * receipt logs that line at WARN. Thread-safe; blocking (call it from a virtual thread).
 */
public final class SempDeliveryAgent implements DeliveryAgent {
    /** The largest queued envelope read back: far above the 25 MiB default {@code max_envelope_size}. */
    static final int MAX_QUEUED_ENVELOPE = 64 * 1024 * 1024;
    /** The RFC 3464 diagnostic type of SEMP failures; their reason codes are ERRORS.md's. */
    public static final String DIAGNOSTIC_TYPE = "semp";
    private static final Logger LOG = LoggerFactory.getLogger(SempDeliveryAgent.class);

    private final EnvelopeAttempt attempt;
    private final SempDeliverySettings settings;
    private final Clock clock;
    private final BiConsumer<String, DeliveryReceipt> receipts;

    /**
     * @param sessions the federation sessions with peer domains
     * @param peerKeys the peers' published domain signing keys, for receipts (DELIVERY.md §1.1.1.6)
     * @param signingKey our domain signing key, which seals every envelope we send
     */
    public SempDeliveryAgent(PeerSessions sessions, DomainKeyLookup peerKeys, DomainSigningPrivateKey signingKey,
                             SempDeliverySettings settings, Clock clock, RandomSource random) {
        this(sessions, peerKeys, signingKey, settings, clock, random, (envelopeId, receipt) -> { });
    }

    /**
     * @param receipts where each verified delivery receipt goes, with its envelope's id
     *     ({@link DeliveredReceipts#keep}; CONFORMANCE.md §5.6)
     */
    public SempDeliveryAgent(PeerSessions sessions, DomainKeyLookup peerKeys, DomainSigningPrivateKey signingKey,
                             SempDeliverySettings settings, Clock clock, RandomSource random, BiConsumer<String, DeliveryReceipt> receipts) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.receipts = Objects.requireNonNull(receipts, "receipts");
        this.attempt = new EnvelopeAttempt(sessions, peerKeys, signingKey, settings, random);
    }

    @Override
    public List<DeliveryResult> deliver(QueueEntry entry, List<Recipient> recipients, ContentSource content) {
        if (recipients.isEmpty()) {
            return List.of();
        }
        Envelope envelope;
        try {
            envelope = read(content);
        } catch (IOException | EnvelopeFormatException e) {
            LOG.warn("{}: semp outcome=deferred code=internal: queued envelope unreadable ({})", entry.id(), e.getClass().getSimpleName());
            return each(recipients, deferred("internal", "queued envelope unreadable"));
        }
        DeliveryResult result = attempt(entry.id().toString(), envelope, entry.arrivedAt(), settings.attemptTimeout(),
                " recipients=" + recipients.size());
        return each(recipients, result);
    }

    /**
     * Delivers one composed envelope now, outside the queue: the bridge's first attempt while the
     * SMTP client waits. The same steps and results as {@link #deliver} (deadline, one attempt,
     * {@code Delivered} / {@code Deferred} / {@code Failed}, each failure with its {@link DeliveryResult.Reason}),
     * one result for every recipient of the envelope.
     *
     * @param composed       the composed, unsealed envelope (its {@code postmark.to_domain} is the peer)
     * @param queuedAt       when its message was queued: the retry horizon counts from it (DELIVERY.md §2.4)
     * @param logId          the id the log line carries, normally the queue id
     * @param attemptTimeout how long to wait for the acknowledgment, capped at the configured
     *                       attempt timeout; session setup (discovery, connect, handshake) keeps its
     *                       own limits, so a caller that must answer in time also bounds its wait
     */
    public DeliveryResult deliver(Envelope composed, Instant queuedAt, String logId, Duration attemptTimeout) {
        Objects.requireNonNull(composed, "composed");
        Objects.requireNonNull(queuedAt, "queuedAt");
        Objects.requireNonNull(logId, "logId");
        if (attemptTimeout.isNegative() || attemptTimeout.isZero()) {
            throw new IllegalArgumentException("attempt timeout must be positive");
        }
        Duration timeout = attemptTimeout.compareTo(settings.attemptTimeout()) < 0 ? attemptTimeout : settings.attemptTimeout();
        return attempt(logId, composed, queuedAt, timeout, "");
    }

    /** Deadline check, one attempt, one log line, the queue's result (shared by both entries). */
    private DeliveryResult attempt(String logId, Envelope envelope, Instant queuedAt, Duration timeout, String recipientsNote) {
        Instant now = clock.instant();
        String peer = envelope.postmark().toDomain();
        DeliveryDeadline deadline = DeliveryDeadline.of(envelope.postmark().expires(), queuedAt, settings.retryHorizon());
        AttemptOutcome outcome;
        if (deadline.passed(now)) {
            outcome = new AttemptOutcome.Failed("expired", deadline.describe());
        } else {
            outcome = attemptSafely(logId, peer, envelope, now, timeout);
        }
        log(logId, peer, envelope.postmark().id(), recipientsNote, outcome);
        if (outcome instanceof AttemptOutcome.Delivered d) {
            receipts.accept(envelope.postmark().id(), d.receipt());
        }
        return result(outcome);
    }

    private AttemptOutcome attemptSafely(String logId, String peer, Envelope envelope, Instant now, Duration timeout) {
        try {
            return attempt.run(envelope, peer, now, timeout);
        } catch (RuntimeException e) {
            LOG.warn("{}: semp peer={} internal error during the attempt: {}", logId, peer, e.getClass().getName());
            return new AttemptOutcome.Deferred("internal", "internal error", false);
        }
    }

    private static Envelope read(ContentSource content) throws IOException, EnvelopeFormatException {
        byte[] bytes;
        try (InputStream in = content.open()) {
            bytes = in.readNBytes(MAX_QUEUED_ENVELOPE + 1);
        }
        return EnvelopeCodec.decode(bytes, MAX_QUEUED_ENVELOPE).envelope();
    }

    private static DeliveryResult result(AttemptOutcome outcome) {
        return switch (outcome) {
            case AttemptOutcome.Delivered d -> new DeliveryResult.Delivered("semp; delivered, receipt signed by key " + d.receiptKey().hex()
                    + " at " + SempTimestamps.format(d.acceptedAt()));
            case AttemptOutcome.DeliveredUnverified(String why) ->
                    new DeliveryResult.Delivered("semp; delivered, receipt not verified (relaxed peer): " + why);
            case AttemptOutcome.Deferred(String code, String reason, boolean _) -> deferred(code, reason);
            case AttemptOutcome.Failed(String code, String reason) ->
                    new DeliveryResult.Failed(DIAGNOSTIC_TYPE, code + ": " + reason, new DeliveryResult.Reason(code, reason));
        };
    }

    /** A deferral: the reason code as a field, and {@code semp; <code>: <reason>} for people. */
    private static DeliveryResult deferred(String code, String reason) {
        return new DeliveryResult.Deferred(DIAGNOSTIC_TYPE + "; " + code + ": " + reason, new DeliveryResult.Reason(code, reason));
    }

    private static void log(String logId, String peer, String envelopeId, String recipients, AttemptOutcome outcome) {
        switch (outcome) {
            case AttemptOutcome.Delivered d -> LOG.info("{}: semp peer={} outcome=delivered code=delivered{} envelope={} receipt_key={}",
                    logId, peer, recipients, envelopeId, d.receiptKey().hex());
            case AttemptOutcome.DeliveredUnverified u -> LOG.warn(
                    "{}: semp peer={} outcome=delivered code={}{}: accepted without a verified receipt because {} is in semp.receipts.relaxed_peers ({})",
                    logId, peer, u.code(), recipients, peer, u.why());
            case AttemptOutcome.Deferred d -> LOG.info("{}: semp peer={} outcome=deferred code={}{}{}: {}",
                    logId, peer, d.code(), recipients, d.invalidate() ? " session=dropped" : "", d.reason());
            case AttemptOutcome.Failed f -> LOG.info("{}: semp peer={} outcome={} code={}{}: {}",
                    logId, peer, "expired".equals(f.code()) ? "expired" : "failed", f.code(), recipients, f.reason());
        }
    }

    private static List<DeliveryResult> each(List<Recipient> recipients, DeliveryResult result) {
        return Collections.nCopies(recipients.size(), result);
    }
}
