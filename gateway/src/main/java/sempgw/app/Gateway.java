package sempgw.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.ExtendedResolver;
import sempgw.app.bounce.DsnNotifier;
import sempgw.app.bridge.Bridge;
import sempgw.app.config.GatewayConfig;
import sempgw.app.control.ControlHandler;
import sempgw.app.control.ControlRoutes;
import sempgw.app.control.ControlServer;
import sempgw.app.control.QueueControlHandler;
import sempgw.app.mailbox.MailboxAdmin;
import sempgw.app.mailbox.MailboxControlHandler;
import sempgw.app.qmgr.DestinationResolver;
import sempgw.app.qmgr.Notifier;
import sempgw.app.qmgr.OperatorActions;
import sempgw.app.qmgr.QmgrSettings;
import sempgw.app.qmgr.QueueManager;
import sempgw.app.qmgr.RetryPolicy;
import sempgw.app.semp.SempNode;
import sempgw.app.tls.ServerCredentials;
import sempgw.app.tls.TlsContexts;
import sempgw.smtp.egress.SmtpDeliveryAgent;
import sempgw.smtp.egress.dsn.DsnComposer;
import sempgw.smtp.ingress.AfterCommit;
import sempgw.smtp.ingress.SmtpIngress;
import sempgw.store.PrivateFiles;
import sempgw.store.queue.DeliveryAgent;
import sempgw.store.queue.FsQueue;
import sempgw.store.queue.MessageQueue;
import sempgw.store.queue.QueueKey;

/**
 * The running gateway, wired by hand from one {@link GatewayConfig} (Postfix's master(8) role):
 * queue, then (with {@code [semp] enabled = true}) the SEMP side ({@link SempNode}: keys,
 * mailboxes, documents, receiving side, HTTPS listener, sender) and the {@link Bridge} between
 * SMTP and SEMP, then delivery agent and queue manager,
 * then control socket, then the SMTP listener,
 * so that mail is accepted only once everything that handles it runs. {@link #close()} undoes
 * this in reverse: the listener says {@code 421} to connected clients and lets in-flight
 * commits finish, running deliveries get a grace period, and the queue closes last.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final Deque<AutoCloseable> components;
    private final FsQueue queue;
    private final SmtpIngress ingress;
    private final QueueManager manager;
    private final Optional<SempNode> semp;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);

    private Gateway(Deque<AutoCloseable> components, FsQueue queue, SmtpIngress ingress, QueueManager manager, Optional<SempNode> semp) {
        this.components = components;
        this.queue = queue;
        this.ingress = ingress;
        this.manager = manager;
        this.semp = semp;
    }

    /** Starts every component; on failure closes whatever had started and rethrows. */
    public static Gateway start(GatewayConfig config, Clock clock) throws IOException {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            PrivateFiles.createDirectories(config.dataDir());
            PrivateFiles.openToOthers(config.dataDir()).ifPresent(mode -> LOG.warn(
                    "data directory {} is accessible by group or others (mode {}): its files are the gateway's alone, their names"
                            + " and sizes are not; run: chmod 700 {}", config.dataDir().toAbsolutePath(), mode, config.dataDir().toAbsolutePath()));
            FsQueue queue;
            try (QueueKey key = QueueKey.loadOrCreate(config.queue().keyFile())) {
                queue = FsQueue.open(config.queue().dir(), key, clock);
            }
            started.push(queue);
            String hostname = config.smtp().hostname();
            ServerCredentials credentials = TlsContexts.credentials(config.tls(), config.selfSignedDir(), hostname, clock);
            Optional<SempNode> semp = Optional.empty();
            if (config.semp().enabled()) {
                semp = Optional.of(SempNode.start(config, credentials, Bridge.inbound(queue, hostname, clock), clock));
                started.push(semp.get());
            }
            SmtpDeliveryAgent smtp = new SmtpDeliveryAgent(EgressSettings.of(config.delivery(), hostname),
                    EgressSettings.routes(config.delivery()), new ExtendedResolver(), clock);
            started.push(smtp);
            DsnNotifier dsn = new DsnNotifier(queue,
                    new DsnComposer(hostname, DsnComposer.DEFAULT_MAX_RETURNED_SIZE, new Random()),
                    config.queue().maxLifetime(), clock);
            DeliveryAgent agent = smtp;
            DestinationResolver destinations = smtp::destination;
            Notifier notifier = dsn;
            AfterCommit afterCommit = AfterCommit.QUEUED;
            // java.util.Random: shared by every delivery thread, and thread-safe.
            Random random = new Random();
            RetryPolicy retries = RetryPolicy.exponential(config.queue().minBackoff(), config.queue().maxBackoff(),
                    config.queue().maxLifetime(), random);
            if (semp.isPresent()) {
                Bridge bridge = Bridge.outbound(config, semp.get(), queue, smtp, smtp::destination, dsn, retries, random, clock);
                queue.onCommit(bridge.watcher());
                agent = bridge.agent();
                destinations = bridge.destinations();
                notifier = bridge.notifier();
                afterCommit = bridge.gate();
                retries = bridge.retries();
            }
            QueueManager manager = new QueueManager(queue, agent, destinations, notifier, qmgrSettings(config), clock, retries);
            manager.start();
            started.push(manager);
            OperatorActions actions = new OperatorActions(queue, manager, clock);
            started.push(ControlServer.start(config.control().socket(), new ControlRoutes(new QueueControlHandler(queue, actions),
                    semp.<ControlHandler>map(n -> new MailboxControlHandler(new MailboxAdmin(n.mailboxes(), clock))).orElse(ControlRoutes.NO_MAILBOXES))));
            SmtpIngress ingress = new SmtpIngress(IngressSettings.of(config.smtp(), TlsContexts.server(credentials), afterCommit), queue, clock);
            try {
                ingress.start();
            } catch (RuntimeException e) {
                Optional<IOException> bind = config.smtp().listen().bindFailure("smtp.listen", e);
                if (bind.isPresent()) {
                    throw bind.get();
                }
                throw e;
            }
            started.push(ingress);
            LOG.info("gateway started: smtp on {}:{}, data in {}, control socket {}", config.smtp().listen().address().getHostAddress(),
                    ingress.port(), config.dataDir().toAbsolutePath(), config.control().socket());
            return new Gateway(started, queue, ingress, manager, semp);
        } catch (IOException | RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    static QmgrSettings qmgrSettings(GatewayConfig config) {
        return new QmgrSettings(config.delivery().concurrencyPerDestination(), config.queue().minBackoff(), config.queue().maxBackoff(),
                config.queue().maxLifetime(), config.queue().delayWarningAfter(), QmgrSettings.DEFAULT_ACTIVE_LIMIT,
                QmgrSettings.DEFAULT_SHUTDOWN_GRACE);
    }

    /** The main queue, read-only use: what is waiting and in which state (tools and tests). */
    public MessageQueue queue() {
        return queue;
    }

    /** The port SMTP listens on (the real one when configured with port 0). */
    public int smtpPort() {
        return ingress.port();
    }

    /**
     * The SEMP side: its HTTPS port, outbox, user key directory and inbox.
     *
     * @throws IllegalStateException if the gateway runs with {@code [semp] enabled = false}
     */
    public SempNode semp() {
        return semp.orElseThrow(() -> new IllegalStateException("SEMP is off ([semp] enabled = false)"));
    }

    /** Asks the queue manager to look at its schedule now (tests that move the clock use it). */
    public void wakeQueueManager() {
        manager.wake();
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /** Stops in reverse start order; safe to call more than once and from a shutdown hook. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        LOG.info("gateway stopping");
        closeAll(components);
        LOG.info("gateway stopped");
        closed.countDown();
    }

    private static void closeAll(Deque<AutoCloseable> components) {
        while (!components.isEmpty()) {
            AutoCloseable c = components.pop();
            try {
                c.close();
            } catch (Exception e) {
                LOG.error("error while stopping {}: {}", c.getClass().getSimpleName(), e.toString());
            }
        }
    }

}
