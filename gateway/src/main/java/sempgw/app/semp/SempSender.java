package sempgw.app.semp;

import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.app.config.SempConfig;
import sempgw.app.keys.DomainKeys;
import sempgw.app.qmgr.Notifier;
import sempgw.app.qmgr.QmgrSettings;
import sempgw.app.qmgr.QueueManager;
import sempgw.app.qmgr.RetryPolicy;
import sempgw.core.crypto.RandomSource;
import sempgw.core.handshake.LocalDomain;
import sempgw.semp.egress.delivery.DeliveredReceipts;
import sempgw.semp.egress.delivery.SempDeliveryAgent;
import sempgw.semp.egress.delivery.SempDeliverySettings;
import sempgw.semp.egress.delivery.SempRetrySchedule;
import sempgw.semp.egress.federation.FederationClient;
import sempgw.semp.egress.federation.FederationSettings;
import sempgw.semp.egress.peers.HttpsDomainKeys;
import sempgw.semp.egress.peers.PeerDiscovery;
import sempgw.store.queue.MessageQueue;
import sempgw.store.queue.Recipient;

/**
 * The SEMP sender: a {@link QueueManager} over the SEMP sender queue driving semp-egress's
 * {@link SempDeliveryAgent}, which federates through a {@link FederationClient} (h2 and ws over
 * HTTPS), swept every 5 s by a {@link SessionSweep} so an expired session's keys are erased
 * without waiting for more mail to its peer (SESSION.md §2.4), and checks receipts against the
 * peers' published domain keys ({@link HttpsDomainKeys}).
 * Retries follow DELIVERY.md §2.3 ({@link SempRetrySchedule}) and stop at the horizon of
 * DELIVERY.md §2.4 ({@code semp.queue.horizon}); as many deliveries at once per peer domain as its
 * one session (SESSION.md §2.5.2) carries: several over h2, one over WebSocket.
 */
public final class SempSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SempSender.class);

    private final QueueManager manager;
    private final FederationClient client;
    private final SempDeliveryAgent agent;
    private final SessionSweep sweep;

    private SempSender(QueueManager manager, FederationClient client, SempDeliveryAgent agent, SessionSweep sweep) {
        this.manager = manager;
        this.client = client;
        this.agent = agent;
        this.sweep = sweep;
    }

    /**
     * Starts delivering what is in {@code senderQueue} and whatever is committed to it later.
     *
     * @param discovery the gateway's SEMP discovery ({@code PeerDiscovery.of(SempDiscovery)})
     * @param peerKeys the peers' published domain keys, shared with the receiving side; the caller closes them
     * @param tls the trust anchors for peers' HTTPS endpoints ({@code semp.trust_file} and the platform's)
     * @param receipts where verified delivery receipts are kept (CONFORMANCE.md §5.6); the caller closes it
     * @param notifier who hears of a failed or expired envelope
     */
    public static SempSender start(SempConfig semp, DomainKeys keys, MessageQueue senderQueue, PeerDiscovery discovery,
            HttpsDomainKeys peerKeys, SSLContext tls, DeliveredReceipts receipts, Notifier notifier, Clock clock) {
        FederationSettings federation = FederationSettings.defaults(new LocalDomain(keys.domain(), semp.serverId(), keys.signing()))
                .withSuites(semp.suites()).withPreferWebSocket(prefersWebSocket(semp)).withMaxEnvelopeSize(semp.maxEnvelopeSize());
        FederationClient client = FederationClient.overHttps(federation, discovery, peerKeys, tls, RandomSource.secure());
        SempDeliveryAgent agent = new SempDeliveryAgent(client, peerKeys, keys.signing(), new SempDeliverySettings(semp.queue().horizon(),
                SempDeliverySettings.DEFAULT_ATTEMPT_TIMEOUT, Set.copyOf(semp.receipts().relaxedPeers())), clock, RandomSource.secure(),
                receipts::keep);
        // java.util.Random: shared by every delivery thread, and thread-safe.
        RetryPolicy retries = RetryPolicy.byAttempt(SempRetrySchedule::delay, semp.queue().horizon(), new Random());
        QueueManager manager = new QueueManager(senderQueue, agent, Recipient::domain, notifier, qmgrSettings(semp), clock, retries);
        manager.start();
        LOG.info("semp: sender started for {}, retry horizon {}", keys.domain(), semp.queue().horizon());
        return new SempSender(manager, client, agent, SessionSweep.start("semp-sweep-outbound", client::sweep, clock));
    }

    /** {@code semp.transports} is in preference order: WebSocket first when it is listed first, else h2 (TRANSPORT.md §5.1). */
    static boolean prefersWebSocket(SempConfig semp) {
        return "ws".equals(semp.transports().getFirst());
    }

    /**
     * Deliveries per peer: as many as one session carries at once (over h2 several envelopes are in
     * flight, TRANSPORT.md §4.3.2; over WebSocket one); the horizon as lifetime; no delay notices
     * (SEMP has none).
     */
    static QmgrSettings qmgrSettings(SempConfig semp) {
        int perPeer = prefersWebSocket(semp) ? 1 : FederationSettings.DEFAULT_MAX_CONCURRENT_ENVELOPES;
        return new QmgrSettings(perPeer, SempRetrySchedule.FLOOR, SempRetrySchedule.CAP, semp.queue().horizon(), Duration.ZERO,
                QmgrSettings.DEFAULT_ACTIVE_LIMIT, QmgrSettings.DEFAULT_SHUTDOWN_GRACE);
    }

    /** The delivery agent over the federation sessions, for envelopes the bridge composes. */
    public SempDeliveryAgent agent() {
        return agent;
    }

    /** Makes the queue manager look at its schedule now (tests that move the clock use it). */
    public void wake() {
        manager.wake();
    }

    /** Stops the queue manager (running deliveries get their grace), the sweep, then the federation sessions. */
    @Override
    public void close() {
        manager.close();
        sweep.close();
        try {
            client.close();
        } catch (RuntimeException e) {
            LOG.error("error while closing the federation client: {}", e.toString());
        }
    }
}
