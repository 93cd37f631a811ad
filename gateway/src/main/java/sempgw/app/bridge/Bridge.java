package sempgw.app.bridge;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import sempgw.app.config.GatewayConfig;
import sempgw.app.qmgr.DestinationResolver;
import sempgw.app.qmgr.Notifier;
import sempgw.app.qmgr.RetryPolicy;
import sempgw.app.semp.InboxBridge;
import sempgw.app.semp.SempNode;
import sempgw.core.crypto.RandomSource;
import sempgw.semp.egress.delivery.SempDeliverySettings;
import sempgw.semp.egress.delivery.SempRetrySchedule;
import sempgw.store.queue.DeliveryAgent;
import sempgw.store.queue.MessageQueue;
import sempgw.store.queue.QueueEntry;

/**
 * The SMTP <-> SEMP bridge, assembled from the running parts (GATEWAY.md §3): on the way out a
 * routing agent for the main queue ({@link RoutingAgent}), its first attempt watched while the
 * SMTP client waits ({@link FirstAttempts}, {@link TransactionGate}), and the origin indicator
 * of mail for the mailbox host that did not come by SEMP ({@link LegacyOrigin}); on the way in,
 * envelopes for provisioned mailboxes opened and queued as MIME ({@link MailboxInbox}).
 *
 * @param agent the main queue's delivery agent
 * @param destinations the main queue's destinations: SEMP peers apart from SMTP next hops
 * @param notifier the main queue's notifier: DSNs wait for the DATA verdict of their message
 * @param gate the SMTP listener's reply to DATA
 * @param watcher the main queue's commit listener, registered before the queue manager's
 * @param retries the main queue's retry schedule: DELIVERY.md §2.3's for recipients whose last
 *     attempt found a SEMP peer (within {@code semp.queue.horizon}), Postfix's backoff for the rest
 */
public record Bridge(DeliveryAgent agent, DestinationResolver destinations, Notifier notifier, TransactionGate gate,
                     Consumer<QueueEntry> watcher, RetryPolicy retries) {

    /**
     * @param smtp the SMTP delivery agent, for recipients routed to SMTP
     * @param smtpDestinations the SMTP agent's destinations (route, smarthost or domain)
     * @param dsn the DSN notifier of the main queue
     * @param smtpRetries the main queue's backoff, kept for recipients not at a SEMP peer
     * @param random the jitter of the SEMP peers' retries
     */
    public static Bridge outbound(GatewayConfig config, SempNode semp, MessageQueue queue, DeliveryAgent smtp,
            DestinationResolver smtpDestinations, Notifier dsn, RetryPolicy smtpRetries, RandomGenerator random, Clock clock) {
        FirstAttempts attempts = new FirstAttempts(config.bridge().attemptTimeout());
        Set<String> local = new HashSet<>();
        local.add(semp.mailboxes().domain().toLowerCase(Locale.ROOT));
        config.smtp().localDomains().forEach(d -> local.add(d.toLowerCase(Locale.ROOT)));
        Routes routes = new Routes(config.policy().table(), local, semp.peers().discovery(), semp.mailboxes());
        SempRoute sempRoute = new SempRoute(semp.mailboxes(), semp.peers().discovery(), semp.peers().recipientKeys(), semp.deliveryAgent(),
                semp.knownCorrespondents(), SempDeliverySettings.DEFAULT_ATTEMPT_TIMEOUT, new ComposedCache(), ConversionBudget.ofHeap(), clock,
                RandomSource.secure());
        UpgradeSignal upgrade = new UpgradeSignal(semp.mailboxes(), semp.mailboxes().domain(), config.bridge().advertiseSemp());
        LegacyOrigin origins = new LegacyOrigin(semp.peers().userKeys()::lookup, new VerifiedSenders(VerifiedSenders.CAPACITY, VerifiedSenders.MAX_AGE),
                LegacyOrigin.WAIT, clock);
        RoutingAgent agent = new RoutingAgent(routes, smtp, sempRoute, upgrade, origins, attempts);
        Consumer<QueueEntry> watcher = entry -> {
            if (FirstAttempts.isSmtpIngress(entry)) {
                attempts.watch(entry.id(), entry.recipients().size());
            }
        };
        return new Bridge(agent, agent.destinations(smtpDestinations), attempts.notifier(dsn), new TransactionGate(attempts, queue, config.bridge().attemptTimeout()), watcher,
                retries(smtpRetries, config.semp().queue().horizon(), random));
    }

    /** SEMP peers are retried on DELIVERY.md §2.3's schedule within {@code horizon}, everything else on {@code smtp}. */
    static RetryPolicy retries(RetryPolicy smtp, Duration horizon, RandomGenerator random) {
        RetryPolicy semp = RetryPolicy.byAttempt(SempRetrySchedule::delay, horizon, random);
        return RetryPolicy.byDestination(destination -> RoutingAgent.isSemp(destination) ? semp : smtp);
    }

    /** The inbound half: what the SEMP receive pipeline stores into. */
    public static InboxBridge inbound(MessageQueue queue, String hostname, Clock clock) {
        return (natives, mailboxes, users) -> new MailboxInbox(mailboxes, users, queue, natives, hostname, clock);
    }
}
