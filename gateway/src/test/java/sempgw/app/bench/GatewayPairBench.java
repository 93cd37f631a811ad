package sempgw.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import sempgw.app.semp.TestGateway;
import sempgw.app.semp.TestMailbox;
import sempgw.app.semp.TwoGateways;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.compose.ComposedEnvelope;

/**
 * The wording taken literally: two complete gateway instances ({@link TwoGateways}:
 * {@code a.test} and {@code b.test}, each with its own data directory, certificate, documents,
 * DNS discovery through an in-process DNS server, HTTPS key fetch, SEMP sender queue and
 * inbox), {@code alice@a.test} sending to {@code bob@b.test} over the one session that a pair of
 * domains has. Envelopes are submitted to a's outbox ({@code SempOutbox.submit}, fsync'd) with at
 * most {@value #BACKLOG} waiting; the figure is envelopes committed to b's inbox per second.
 *
 * <p>Both gateways run with {@code semp.rate_limit.per_domain_hour} raised: with the default of
 * 100, a receiving gateway turns silent after 100 envelopes an hour from a sending domain that is
 * not a known correspondent (DELIVERY.md §6.5), and in {@code open} first-contact mode a peer
 * domain never becomes one.
 */
final class GatewayPairBench {
    private static final int BACKLOG = 16;
    private static final String RAISED_RATE_LIMIT = "rate_limit = { per_domain_hour = 10000000 }";

    private final Path dir;
    private final Duration warmup;
    private final Duration duration;
    private final int envelopes;
    private List<ComposedEnvelope> pool = List.of();
    private String from = "";

    GatewayPairBench(Path dir, Duration warmup, Duration duration, int envelopes) {
        this.dir = dir;
        this.warmup = warmup;
        this.duration = duration;
        this.envelopes = envelopes;
    }

    /**
     * One row. The first call for a suite provisions the mailboxes and composes the pool; later
     * calls reuse the same data directories (same domain keys), so the pool stays valid.
     */
    Result run(SuiteId suite, Transport transport, boolean compose) throws Exception {
        String other = transport == Transport.WS ? "h2" : "ws";
        // semp.suites must include the mandatory suite (ENVELOPE.md §7.3.1); PQ first makes the session PQ.
        SuiteId[] suites = suite == SuiteId.X25519_CHACHA20_POLY1305 ? new SuiteId[] {suite}
                : new SuiteId[] {suite, SuiteId.X25519_CHACHA20_POLY1305};
        TwoGateways.Options options = TwoGateways.Options.defaults().withSuites(suites).withTransports(transport.label, other)
                .withSemp(RAISED_RATE_LIMIT);
        try (TwoGateways pair = TwoGateways.start(Files.createDirectories(dir), options)) {
            if (compose) {
                compose(pair, suite);
            }
            TestGateway a = pair.a();
            TestGateway b = pair.b();
            long before = b.node().inbox().entries().size();
            Iterator<ComposedEnvelope> mails = pool.iterator();
            long[] submitted = {0};
            LoadRun.Step step = () -> {
                if (!mails.hasNext()) {
                    return false;
                }
                while (a.node().outbox().pending().size() >= BACKLOG) {
                    Thread.sleep(2);
                }
                a.node().outbox().submit(mails.next(), from);
                submitted[0]++;
                return true;
            };
            LoadRun.Window window = LoadRun.run(List.of(step), () -> b.node().inbox().entries().size(), warmup, duration);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!a.node().outbox().pending().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            long stored = b.node().inbox().entries().size() - before;
            return new Result("gateways", suite, transport, 1, window, submitted[0], stored);
        }
    }

    private void compose(TwoGateways pair, SuiteId suite) throws Exception {
        TestMailbox alice = pair.a().provision("alice");
        TestMailbox bob = pair.b().provision("bob");
        from = alice.address();
        Instant now = Instant.now();
        String body = "x".repeat(MailPool.BODY_BYTES - 40) + "\n";
        long t0 = System.nanoTime();
        List<ComposedEnvelope> out = new ArrayList<>();
        try (ExecutorService workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors())) {
            List<Future<ComposedEnvelope>> futures = new ArrayList<>();
            for (int i = 0; i < envelopes; i++) {
                int n = i;
                futures.add(workers.submit(() -> alice.compose(bob, pair.b().domainKey(suite), suite, "benchmark " + n, body, now)));
            }
            for (Future<ComposedEnvelope> f : futures) {
                out.add(f.get());
            }
        }
        pool = out;
        FederationBench.log("composed %d %s envelopes alice@a.test -> bob@b.test in %.1f s", out.size(), suite.wireName(),
                (System.nanoTime() - t0) / 1e9);
    }
}
