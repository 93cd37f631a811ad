package sempgw.smtp.egress;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Resolver;
import sempgw.smtp.egress.client.ContentTraits;
import sempgw.smtp.egress.client.IoWatchdog;
import sempgw.smtp.egress.client.MailTransaction;
import sempgw.smtp.egress.client.SessionOpener;
import sempgw.smtp.egress.client.SmtpClientSession;
import sempgw.smtp.egress.client.TransactionPlan;
import sempgw.smtp.egress.client.TransactionPlanner;
import sempgw.smtp.egress.client.TransactionResult;
import sempgw.smtp.egress.pool.ConnectionPool;
import sempgw.smtp.egress.route.MxResolver;
import sempgw.smtp.egress.route.Route;
import sempgw.smtp.egress.route.RouteResolver;
import sempgw.store.queue.DeliveryAgent;
import sempgw.store.queue.DeliveryResult;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.Recipient;

/**
 * Postfix's smtp(8)/lmtp(8) role: delivers a queued message to its recipients' next hops by
 * SMTP or LMTP and reports one {@link DeliveryResult} per recipient, in order. Recipients are
 * grouped by route; each group is one transaction on a pooled or new session. A session from
 * the pool that turns out to be dead before the server said anything is replaced by a fresh
 * connection at once, without affecting any recipient. Thread-safe; the caller bounds
 * concurrency per {@link #destination(Recipient)}.
 *
 * <p>Logs one line per recipient: queue id, recipient, relay, status and the reply. Never content.
 */
public final class SmtpDeliveryAgent implements DeliveryAgent, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpDeliveryAgent.class);

    private final RouteResolver routes;
    private final NextHopConnector connector;
    private final ConnectionPool pool;
    private final IoWatchdog watchdog;
    private final ScheduledExecutorService housekeeping;

    public SmtpDeliveryAgent(SmtpEgressConfig config, RouteResolver routes, Resolver dns, Clock clock) {
        this(config, routes, dns, clock, RandomGenerator.getDefault());
    }

    SmtpDeliveryAgent(SmtpEgressConfig config, RouteResolver routes, Resolver dns, Clock clock, RandomGenerator random) {
        this.routes = Objects.requireNonNull(routes);
        this.watchdog = new IoWatchdog();
        this.connector = new NextHopConnector(new MxResolver(dns, random), new SessionOpener(config.client(), watchdog, clock));
        this.pool = new ConnectionPool(config.maxIdlePerDestination(), config.maxIdle(), config.maxAge(), clock);
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "smtp-egress-pool-reaper");
            t.setDaemon(true);
            return t;
        });
        housekeeping.scheduleWithFixedDelay(pool::evictExpired, 1, 1, TimeUnit.SECONDS);
    }

    /** The next-hop destination of a recipient: the unit of per-destination concurrency and connection reuse. */
    public String destination(Recipient recipient) {
        return routes.route(recipient.domain()).destination();
    }

    @Override
    public List<DeliveryResult> deliver(QueueEntry entry, List<Recipient> recipients, ContentSource content) {
        Map<Route, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < recipients.size(); i++) {
            groups.computeIfAbsent(routes.route(recipients.get(i).domain()), r -> new ArrayList<>()).add(i);
        }
        DeliveryResult[] results = new DeliveryResult[recipients.size()];
        groups.forEach((route, indexes) -> {
            List<Recipient> group = indexes.stream().map(recipients::get).toList();
            List<DeliveryResult> groupResults = deliverTo(route, entry, group, content);
            for (int i = 0; i < indexes.size(); i++) {
                results[indexes.get(i)] = groupResults.get(i);
            }
        });
        return Arrays.asList(results);
    }

    private List<DeliveryResult> deliverTo(Route route, QueueEntry entry, List<Recipient> recipients, ContentSource content) {
        boolean usePool = true;
        while (true) {
            Optional<SmtpClientSession> pooled = usePool ? pool.take(route.poolKey()) : Optional.empty();
            SmtpClientSession session;
            if (pooled.isPresent()) {
                session = pooled.get();
            } else {
                switch (connector.connect(route)) {
                    case NextHopConnector.Connection.Connected(SmtpClientSession opened) -> session = opened;
                    case NextHopConnector.Connection.Unavailable(String reason, boolean permanent) -> {
                        return log(entry, recipients, route.destination(), recipients.stream()
                                .map(r -> OutcomeMapper.unavailable(reason, permanent)).toList());
                    }
                }
            }
            TransactionPlan plan;
            try {
                plan = TransactionPlanner.plan(entry.sender(), recipients, entry.size(), session.capabilities(), traitsOf(content));
            } catch (UncheckedIOException e) {
                pool.give(route.poolKey(), session);
                DeliveryResult local = new DeliveryResult.Deferred("4.3.0 cannot read the queued message: " + e.getCause().getMessage());
                return log(entry, recipients, route.destination(), recipients.stream().map(r -> local).toList());
            }
            TransactionResult result = MailTransaction.run(session, plan, recipients.size(), content, pooled.isPresent());
            if (result.stale()) {
                usePool = false;
                continue;
            }
            pool.give(route.poolKey(), session);
            List<DeliveryResult> mapped = result.outcomes().stream().map(o -> OutcomeMapper.map(o, session.target())).toList();
            return log(entry, recipients, session.target().describe(), mapped);
        }
    }

    /** Scans the content at most once, and only if the planner asks. */
    private static Supplier<ContentTraits> traitsOf(ContentSource content) {
        ContentTraits[] memo = new ContentTraits[1];
        return () -> {
            if (memo[0] == null) {
                try (InputStream in = content.open()) {
                    memo[0] = ContentTraits.scan(in);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return memo[0];
        };
    }

    private static List<DeliveryResult> log(QueueEntry entry, List<Recipient> recipients, String relay, List<DeliveryResult> results) {
        for (int i = 0; i < results.size(); i++) {
            DeliveryResult r = results.get(i);
            String status = switch (r) {
                case DeliveryResult.Delivered d -> "sent";
                case DeliveryResult.Deferred d -> "deferred";
                case DeliveryResult.Failed f -> "bounced";
            };
            LOG.debug("{}: to=<{}>, relay={}, status={} ({})", entry.id(), recipients.get(i).address(), relay, status, r.reply());
        }
        return results;
    }

    @Override
    public void close() {
        housekeeping.shutdownNow();
        pool.close();
        watchdog.close();
    }
}
