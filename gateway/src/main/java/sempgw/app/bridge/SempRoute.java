package sempgw.app.bridge;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.agent.ConversionException;
import sempgw.agent.MimeToSemp;
import sempgw.agent.OutboundContext;
import sempgw.app.mailbox.MailboxIdentity;
import sempgw.app.mailbox.MailboxKeys;
import sempgw.core.crypto.RandomSource;
import sempgw.policy.LocalOutcome;
import sempgw.policy.Outcomes;
import sempgw.core.SempReason;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.SizeBuckets;
import sempgw.core.envelope.compose.ComposeException;
import sempgw.core.envelope.compose.ComposeOptions;
import sempgw.core.envelope.compose.ComposedEnvelope;
import sempgw.core.envelope.compose.Draft;
import sempgw.core.envelope.compose.EnvelopeComposer;
import sempgw.core.envelope.compose.RecipientKeys;
import sempgw.core.envelope.compose.Sender;
import sempgw.semp.egress.delivery.SempDeliveryAgent;
import sempgw.semp.egress.discovery.DiscoveryResult;
import sempgw.semp.egress.peers.PeerDiscovery;
import sempgw.semp.egress.keys.KeyLookupException;
import sempgw.semp.egress.keys.PeerRecipientKeys;
import sempgw.semp.ingress.receive.KnownCorrespondents;
import sempgw.store.queue.DeliveryAgent.ContentSource;
import sempgw.store.queue.DeliveryResult;
import sempgw.store.queue.DeliveryResult.Reason;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.Recipient;

/**
 * SEMP delivery of a queued SMTP message to the recipients at one domain, as the sender's mailbox
 * agent (GATEWAY.md §3 flow 1), in steps:
 * <ol>
 *   <li>the sender's identity key from the mailbox store; none -> deferred (the route said the
 *   sender has one, so it was removed meanwhile);</li>
 *   <li>MIME to brief and enclosure ({@link MimeToSemp}); content that cannot be converted is
 *   a permanent media error, 5.6.0 (RFC 3463 §3.7);</li>
 *   <li>the peer's envelope size limit (discovery), the recipients' published keys and the suite
 *   ({@link PeerRecipientKeys}); a recipient without keys is unknown there, 5.1.1; keys that
 *   cannot be fetched defer;</li>
 *   <li>compose (semp-core {@link EnvelopeComposer}: one envelope for the domain's To and Cc
 *   recipients, one per Bcc recipient) with the sender's signature;</li>
 *   <li>record the domain as a known correspondent of the sender ({@link KnownCorrespondents},
 *   the set the receive pipeline consults): the sender has sent it an envelope, DELIVERY.md
 *   §6.4.1 condition 1, so its replies are not first contact. Recorded when there is an envelope
 *   to send and before it is sent, as CLIENT.md §7.2.2 orders approval before a reply is
 *   transmitted: an answer that arrives before our acknowledgment is not gated;</li>
 *   <li>hand each envelope to semp-egress ({@link SempDeliveryAgent}: seal, send, verify the
 *   receipt).</li>
 * </ol>
 * Composed envelopes are kept in memory ({@link ComposedCache}, 64 MiB of them at most) until
 * their recipients are done, so a retry sends the same envelope again; a restart, or an envelope
 * the cache dropped, composes afresh, under the same {@code postmark.id} and
 * {@code brief.message_id} ({@link StableIds}), so the peer recognises a retry of an envelope it
 * stored either way (DELIVERY.md §3). Each delivery first reserves its share of the heap
 * ({@link ConversionBudget}), so many large messages at once are deferred rather than exhausting it.
 */
final class SempRoute {
    private static final Logger LOG = LoggerFactory.getLogger(SempRoute.class);
    /** How long a delivery waits for its share of the conversion budget before it is deferred. */
    static final Duration BUDGET_WAIT = Duration.ofMinutes(1);

    private final MailboxKeys mailboxes;
    private final PeerDiscovery discovery;
    private final PeerRecipientKeys recipientKeys;
    private final SempDeliveryAgent agent;
    private final KnownCorrespondents known;
    private final Duration attemptTimeout;
    private final ComposedCache cache;
    private final ConversionBudget budget;
    private final Clock clock;
    private final RandomSource random;

    /**
     * @param known where the receive pipeline looks up known correspondents (DELIVERY.md §6.4.1)
     * @param attemptTimeout the wait for each acknowledgment (DELIVERY.md §1.5)
     */
    SempRoute(MailboxKeys mailboxes, PeerDiscovery discovery, PeerRecipientKeys recipientKeys, SempDeliveryAgent agent, KnownCorrespondents known,
            Duration attemptTimeout, ComposedCache cache, ConversionBudget budget, Clock clock, RandomSource random) {
        this.budget = budget;
        this.mailboxes = mailboxes;
        this.discovery = discovery;
        this.recipientKeys = recipientKeys;
        this.agent = agent;
        this.known = known;
        this.attemptTimeout = attemptTimeout;
        this.cache = cache;
        this.clock = clock;
        this.random = random;
    }

    /**
     * One result per recipient, in order; never throws for a delivery failure. Waits at most
     * {@link #BUDGET_WAIT} for its share of the {@link ConversionBudget}, then defers.
     */
    List<DeliveryResult> deliver(QueueEntry entry, String domain, List<Recipient> recipients, ContentSource content) {
        Optional<ConversionBudget.Reservation> reservation;
        try {
            reservation = budget.reserve(entry.size(), BUDGET_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reservation = Optional.empty();
        }
        if (reservation.isEmpty()) {
            LOG.info("{}: semp peer={} deferred: the conversion budget is spent (large messages in progress)", entry.id(), domain);
            DeliveryResult busy = new DeliveryResult.Deferred("451 4.3.1 the gateway is converting too much mail at once; try again later");
            return recipients.stream().map(r -> busy).toList();
        }
        try (ConversionBudget.Reservation _ = reservation.get()) {
            return deliverReserved(entry, domain, recipients, content);
        }
    }

    private List<DeliveryResult> deliverReserved(QueueEntry entry, String domain, List<Recipient> recipients, ContentSource content) {
        List<String> addresses = recipients.stream().map(r -> r.address().toLowerCase(Locale.ROOT)).toList();
        Map<String, DeliveryResult> byAddress = new HashMap<>();
        try {
            Optional<List<ComposedEnvelope>> cached = cache.get(entry.id(), domain, addresses, clock.instant());
            List<ComposedEnvelope> envelopes = cached.isPresent() ? cached.get() : compose(entry, domain, addresses, content, byAddress);
            if (!envelopes.isEmpty()) {
                known.remember(entry.sender().reversePath(), domain);
            }
            for (ComposedEnvelope e : envelopes) {
                DeliveryResult result = withStatus(send(entry, e));
                e.recipients().forEach(a -> byAddress.put(a, result));
            }
            if (byAddress.values().stream().allMatch(r -> r instanceof DeliveryResult.Deferred)) {
                if (cached.isEmpty()) {
                    cache.put(entry.id(), domain, addresses, envelopes);
                }
            } else {
                cache.remove(entry.id(), domain);
            }
        } catch (Refused r) {
            LOG.info("{}: semp peer={} outcome={} recipients={}: {}", entry.id(), domain,
                    r.result instanceof DeliveryResult.Failed ? "failed" : "deferred", recipients.size(), r.result.reply());
            addresses.forEach(a -> byAddress.putIfAbsent(a, r.result));
        }
        return addresses.stream().map(a -> byAddress.getOrDefault(a,
                new DeliveryResult.Deferred("451 4.3.0 no envelope was composed for this recipient"))).toList();
    }

    /**
     * Hands one envelope to semp-egress; a transport failure (the peer restarted and forgot our
     * session, or the connection broke) has already dropped the session, so the envelope is sent
     * once more over a fresh one. The same {@code postmark.id}: a peer that did get the first copy
     * answers {@code delivered} again without delivering twice (DELIVERY.md §3).
     */
    private DeliveryResult send(QueueEntry entry, ComposedEnvelope e) {
        return retriedOnceOnTransport(() -> agent.deliver(e.envelope(), entry.arrivedAt(), entry.id().value(), attemptTimeout));
    }

    /** One attempt, and a second when the first failed under {@code transport}; never more. */
    static DeliveryResult retriedOnceOnTransport(Supplier<DeliveryResult> attempt) {
        DeliveryResult result = attempt.get();
        return isTransportFailure(result) ? attempt.get() : result;
    }

    /** A deferral under the local {@code transport} code (docs/outcomes.md): the session is gone, a fresh one may work. */
    static boolean isTransportFailure(DeliveryResult result) {
        return result instanceof DeliveryResult.Deferred d
                && d.reason().map(Reason::code).filter(LocalOutcome.TRANSPORT.code()::equals).isPresent();
    }

    /**
     * The envelopes for the recipients that have keys; each recipient without published keys is
     * put in {@code outcomes} as unknown at its domain (5.1.1).
     */
    private List<ComposedEnvelope> compose(QueueEntry entry, String domain, List<String> addresses, ContentSource content,
            Map<String, DeliveryResult> outcomes) throws Refused {
        MailboxIdentity identity = mailboxes.identity(entry.sender().reversePath()).orElseThrow(() -> new Refused(new DeliveryResult.Deferred(
                "451 4.7.0 the sender's SEMP mailbox is no longer provisioned")));
        if (!(discovery.discover(domain) instanceof DiscoveryResult.Semp peer)) {
            throw new Refused(new DeliveryResult.Deferred("451 4.4.3 semp; " + domain + " is not discovered as SEMP now"));
        }
        Keyed keyed = keys(domain, addresses);
        List<String> reachable = addresses.stream().filter(a -> !keyed.keys().clientKeysOf(a).isEmpty()).toList();
        addresses.stream().filter(a -> !reachable.contains(a)).forEach(a -> outcomes.put(a,
                new DeliveryResult.Failed("smtp", "550 5.1.1 the recipient has no published SEMP keys at " + domain)));
        if (reachable.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Draft draft = convert(entry, reachable, content, identity.address().toString(), now);
        int limit = (int) Math.min(peer.maxEnvelopeSize(), Integer.MAX_VALUE);
        ComposeOptions options = new ComposeOptions(keyed.suite(), ComposeOptions.DEFAULT_LIFETIME, SizeBuckets.standard(limit));
        EnvelopeComposer composer = new EnvelopeComposer(options, random, StableIds.postmarkIds(entry, domain, reachable));
        try {
            return composer.compose(draft, Sender.of(identity.key()), keyed.keys(), "", now, domain::equalsIgnoreCase);
        } catch (ComposeException e) {
            throw new Refused(composeFailure(e));
        }
    }

    private record Keyed(SuiteId suite, RecipientKeys keys) {
    }

    /**
     * The recipients' keys in the strongest suite we share with the peer; the baseline suite when
     * that covers more recipients (a peer's users may have no post-quantum key yet).
     */
    private Keyed keys(String domain, List<String> addresses) throws Refused {
        try {
            SuiteId suite = recipientKeys.suiteFor(domain).orElseThrow(() -> new Refused(new DeliveryResult.Failed("smtp",
                    "554 5.7.5 no SEMP suite in common with " + domain)));
            Keyed best = new Keyed(suite, recipientKeys.recipientKeys(domain, addresses, suite));
            if (suite != SuiteId.X25519_CHACHA20_POLY1305 && covered(best.keys(), addresses) < addresses.size()) {
                Keyed baseline = new Keyed(SuiteId.X25519_CHACHA20_POLY1305,
                        recipientKeys.recipientKeys(domain, addresses, SuiteId.X25519_CHACHA20_POLY1305));
                return covered(baseline.keys(), addresses) > covered(best.keys(), addresses) ? baseline : best;
            }
            return best;
        } catch (KeyLookupException e) {
            throw new Refused(new DeliveryResult.Deferred((e.isTransient() ? "451 4.4.3" : "451 4.7.5") + " semp; keys of " + domain
                    + " unavailable: " + e.getMessage()));
        }
    }

    private static long covered(RecipientKeys keys, List<String> addresses) {
        return addresses.stream().filter(a -> !keys.clientKeysOf(a).isEmpty()).count();
    }

    private Draft convert(QueueEntry entry, List<String> addresses, ContentSource content, String sender, Instant now) throws Refused {
        List<String> all = entry.recipients().stream().map(r -> r.recipient().address()).toList();
        try (InputStream in = content.open()) {
            return MimeToSemp.convert(in, new OutboundContext(sender, all, addresses, now, () -> StableIds.messageId(entry))).draft();
        } catch (ConversionException e) {
            throw new Refused(e.error().temporary() ? new DeliveryResult.Deferred("451 4.3.0 conversion to SEMP failed: " + e.reason())
                    : new DeliveryResult.Failed("smtp", "554 5.6.0 the message cannot be converted to SEMP: " + e.reason()));
        } catch (IOException e) {
            throw new Refused(new DeliveryResult.Deferred("451 4.3.0 queued message unreadable"));
        }
    }

    /**
     * A SEMP result with the RFC 3463 status of its reason code from docs/outcomes.md ({@link Outcomes}),
     * for the DSN's Status field (RFC 3464 §2.3.4); the reply text, and so the Diagnostic-Code
     * {@code semp; <reason_code>: <reason>}, stays as semp-egress wrote it. A status whose class
     * does not fit the result (5 for a failure, 4 for a deferral) is left out.
     */
    static DeliveryResult withStatus(DeliveryResult result) {
        return switch (result) {
            case DeliveryResult.Failed f when f.reason().isPresent() ->
                    new DeliveryResult.Failed(f.diagnosticType(), f.reply(), statused(f.reason().get(), '5'));
            case DeliveryResult.Deferred d when d.reason().isPresent() ->
                    new DeliveryResult.Deferred(d.reply(), statused(d.reason().get(), '4'));
            default -> result;
        };
    }

    private static Optional<Reason> statused(Reason reason, char statusClass) {
        String status = Outcomes.lookup(reason.code()).dsnStatus();
        return Optional.of(status.charAt(0) == statusClass ? reason.withStatus(status) : reason);
    }

    private static DeliveryResult composeFailure(ComposeException e) {
        return switch (e.error()) {
            case MISSING_RECIPIENT_KEY -> new DeliveryResult.Failed("smtp", "550 5.1.1 the recipient has no published SEMP keys");
            case TOO_LARGE, EXTENSION_TOO_LARGE -> {
                String code = SempReason.ENVELOPE_SIZE_EXCEEDED.code();
                yield new DeliveryResult.Failed(SempDeliveryAgent.DIAGNOSTIC_TYPE, code + ": " + e.getMessage(),
                        new Reason(code, String.valueOf(e.getMessage())));
            }
            case NON_CANONICAL_ADDRESS, INVALID_CONTENT, NO_RECIPIENTS, TOO_MANY_RECIPIENTS ->
                    new DeliveryResult.Failed("smtp", "554 5.6.0 the message cannot be sent by SEMP: " + e.error());
            case MISSING_DOMAIN_KEY, SUITE_MISMATCH -> new DeliveryResult.Deferred("451 4.4.3 semp; keys of the recipient domain unusable: " + e.error());
        };
    }

    /** A failure that ends the attempt before anything was sent. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient DeliveryResult result;

        Refused(DeliveryResult result) {
            super(result.reply(), null, false, false);
            this.result = result;
        }
    }
}
