package sempgw.smtp.ingress;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.internal.server.Command;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;
import sempgw.smtp.ingress.command.IngressCommands;
import sempgw.smtp.ingress.policy.RelayPolicy;
import sempgw.smtp.ingress.protocol.Replies;
import sempgw.smtp.ingress.session.ClientServerSocket;
import sempgw.smtp.ingress.session.ClientSocket;
import sempgw.smtp.ingress.session.ConnectionLimiter;
import sempgw.smtp.ingress.session.ConnectionSettings;
import sempgw.smtp.ingress.session.IngressTransaction;
import sempgw.smtp.ingress.session.OwedReplies;
import sempgw.store.queue.MessageQueue;

/**
 * The SMTP server of the gateway (Postfix's smtpd(8) role): accepts mail from the
 * organisation's MTA and from the internet for local domains, and writes it durably into the
 * {@link MessageQueue}; it answers {@code 250} only after the queue's commit (fsync).
 *
 * <p>Built on SubEthaSMTP, which provides the listener, one virtual thread per session and
 * command dispatch. The ingress replaces every command, and reads and writes the connection
 * through its own {@link ClientSocket} so that framing, limits and replies are its own.
 *
 * <p>Connection limits are the {@link ConnectionLimiter}'s; SubEthaSMTP's own limit is set
 * {@value #REFUSAL_HEADROOM} above the total, so that refused clients still get a reply while
 * a flood is being turned away, and beyond that its accept loop waits.
 *
 * <p>{@link #stop()} stops accepting; lets each DATA reply owed for a committed message go out
 * first ({@link OwedReplies}: a deciding {@link AfterCommit} hook is interrupted, and the wait is
 * at most {@value #SETTLE_SECONDS} s); then tells every connected client
 * {@code 421 4.3.2 Service shutting down}, closes the connections (uncommitted messages are
 * aborted; the clients keep them and retry) and waits for the session threads to end.
 */
public final class SmtpIngress implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpIngress.class);
    private static final int BACKLOG = 256;
    private static final int REFUSAL_HEADROOM = 64;
    private static final int SETTLE_SECONDS = 10;

    private final SmtpIngressConfig config;
    private final ConnectionLimiter limiter;
    private final OwedReplies owed = new OwedReplies();
    private final ScheduledThreadPoolExecutor watchdog;
    private final SMTPServer server;

    public SmtpIngress(SmtpIngressConfig config, MessageQueue queue) {
        this(config, queue, Clock.systemDefaultZone());
    }

    public SmtpIngress(SmtpIngressConfig config, MessageQueue queue, Clock clock) {
        this.config = config;
        this.limiter = new ConnectionLimiter(config.maxConnections(), config.maxConnectionsPerClient(), config.hostname());
        RelayPolicy policy = new RelayPolicy(config.relayNetworks(), config.localDomains(), config.recipientValidator());
        this.watchdog = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().daemon().name("smtp-ingress-watchdog").factory());
        watchdog.setRemoveOnCancelPolicy(true);
        ConnectionSettings settings = new ConnectionSettings(IngressCommands.VERBS, config.hostname(), config.commandTimeout(), watchdog);
        this.server = SMTPServer.port(config.port())
                .bindAddress(config.bindAddress())
                .hostName(config.hostname())
                .softwareName("sempgw")
                .backlog(BACKLOG)
                .executorService(Executors.newVirtualThreadPerTaskExecutor())
                .maxConnections(config.maxConnections() + REFUSAL_HEADROOM)
                .connectionTimeout(Math.toIntExact(config.commandTimeout().toMillis()), TimeUnit.MILLISECONDS)
                .sessionHandler(limiter)
                .messageHandlerFactory(context -> new IngressTransaction())
                .serverSocketFactory(() -> new ClientServerSocket(settings))
                .build();
        List<Command> commands = IngressCommands.create(config, settings, queue, policy, owed, clock);
        commands.forEach(server.getCommandHandler()::addCommand);
    }

    /** Binds and starts accepting connections. */
    public void start() {
        server.start();
        LOG.info("smtp ingress listening on {}:{}", config.bindAddress().getHostAddress(), port());
    }

    /** The bound port (the real one when configured with port 0). */
    public int port() {
        return server.getPortAllocated();
    }

    /** Number of sessions currently admitted. */
    public int sessions() {
        return limiter.liveSessions();
    }

    public void stop() {
        List<Session> live = limiter.drain();
        settleOwedReplies();
        for (Session session : live) {
            try {
                ClientSocket.of(session).replies().sendNow(Replies.shuttingDown(config.hostname()));
            } catch (IOException | RuntimeException e) {
                LOG.debug("shutdown notice not delivered: {}", e.toString());
            }
        }
        server.stop();
        watchdog.shutdownNow();
        LOG.info("smtp ingress stopped ({} sessions closed)", live.size());
    }

    private void settleOwedReplies() {
        try {
            if (!owed.settle(Duration.ofSeconds(SETTLE_SECONDS))) {
                LOG.warn("{} DATA replies still owed after {} s; closing anyway", owed.owed(), SETTLE_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
