package sempgw.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import sempgw.core.crypto.SuiteId;
import sempgw.store.queue.DeliveryResult;

/**
 * Federation benchmark (issue 4): handshakes per second and envelopes per second between a
 * sending and a receiving gateway stack on one machine, both suites, over HTTP/2, WebSocket and
 * (as the in-run anchor) in memory, over one session and over 20. "20 sessions" means 20 sending
 * domains against one receiving gateway: a federation session is per peer domain (SESSION.md
 * §2.5.2) and turn-based, so 20 concurrent sessions need 20 peer domains.
 *
 * <ul>
 *   <li>{@code handshakes}: each worker opens a session with a full federation handshake
 *   ({@code FederationClient.channel}: a new connection for ws, a new tunnel on the shared HTTP/2
 *   connection for h2, TLS included for ws) and drops it ({@code invalidate}), in a loop.</li>
 *   <li>{@code envelopes}: each worker hands composed envelopes to {@code SempDeliveryAgent.deliver}
 *   one after the other, as the queue manager does for one peer: seal for the session, send,
 *   receive pipeline on the far side (seal, MAC, brief, policy, inbox commit with fsync, signed
 *   receipt), verify the receipt. The sender queue itself is not involved.</li>
 *   <li>{@code queued}: the same through each sending domain's SEMP sender queue and queue
 *   manager ({@link QueuedSender}): queue commit to inbox commit.</li>
 *   <li>{@code gateways}: two whole gateway instances, one session ({@link GatewayPairBench}).</li>
 * </ul>
 * It reports what it measured and never fails on a number; a configuration whose steps failed
 * shows the error count and the first error. Usage: {@code bench/fed-bench.sh}; arguments
 * {@code --warmup=S --duration=S --prime=S --envelopes=N --only=REGEX --out=FILE --dir=DIR}.
 */
public final class FederationBench {
    private static final int MAX_SESSIONS = 20;
    /** Envelopes a sending domain keeps in its sender queue at most, in the queued rows. */
    private static final int BACKLOG = 16;

    private final Duration warmup;
    private final Duration duration;
    private final Duration prime;
    private final int envelopes;
    private final Pattern only;
    private final Path dir;
    private final BenchKeys keys = new BenchKeys(MAX_SESSIONS);
    private final BenchTls tls;
    private final SSLContext trust;
    private final List<Result> results = new ArrayList<>();

    private FederationBench(Map<String, String> options) throws Exception {
        warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "3")));
        duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "10")));
        prime = Duration.ofSeconds(Long.parseLong(options.getOrDefault("prime", "6")));
        envelopes = Integer.parseInt(options.getOrDefault("envelopes", "6000"));
        only = Pattern.compile(options.getOrDefault("only", "."));
        dir = Path.of(options.getOrDefault("dir", "target/bench/fed-run"));
        Files.createDirectories(dir);
        tls = BenchTls.create(dir.resolve("tls"));
        trust = tls.trust();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String a : args) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        FederationBench bench = new FederationBench(options);
        String loadBefore = Machine.loadAverage();
        Instant started = Instant.now();
        bench.runAll();
        String report = ReportTable.render(bench.results, started, loadBefore, Machine.loadAverage(), bench.warmup, bench.duration);
        System.out.println(report);
        if (options.containsKey("out")) {
            Path out = Path.of(options.get("out"));
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, report + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        System.exit(0);
    }

    private void runAll() throws Exception {
        boolean primed = false;
        for (SuiteId suite : List.of(SuiteId.X25519_CHACHA20_POLY1305, SuiteId.PQ_KYBER768_X25519)) {
            MailPool pool = anySelected(suite, "envelopes", "queued") ? composePool(suite) : null;
            if (!primed && anySelected(suite, "handshakes", "envelopes", "queued", "gateways")) {
                prime(suite, pool);
                primed = true;
            }
            for (Transport t : Transport.values()) {
                for (int sessions : sessionCounts(t)) {
                    if (selected("handshakes", suite, t, sessions)) {
                        record("handshakes", suite, t, sessions, () -> handshakes(suite, t, sessions, warmup, duration));
                    }
                }
            }
            for (Transport t : Transport.values()) {
                for (int sessions : sessionCounts(t)) {
                    if (selected("envelopes", suite, t, sessions)) {
                        record("envelopes", suite, t, sessions, () -> envelopes(suite, t, sessions, pool, warmup, duration));
                    }
                }
            }
            for (Transport t : Transport.values()) {
                for (int sessions : sessionCounts(t)) {
                    if (selected("queued", suite, t, sessions)) {
                        record("queued", suite, t, sessions, () -> queued(suite, t, sessions, pool, warmup, duration));
                    }
                }
            }
            gatewayPair(suite);
        }
    }

    /** Two whole gateways, one session (a pair of domains has one): {@link GatewayPairBench}. */
    private void gatewayPair(SuiteId suite) throws Exception {
        Path pairDir = dir.resolve("pair-" + suite.wireName());
        GatewayPairBench pair = new GatewayPairBench(pairDir, warmup, duration, envelopes);
        boolean composed = false;
        try {
            for (Transport t : List.of(Transport.H2, Transport.WS)) {
                if (selected("gateways", suite, t, 1)) {
                    boolean first = !composed;
                    record("gateways", suite, t, 1, () -> pair.run(suite, t, first));
                    composed = true;
                }
            }
        } finally {
            delete(pairDir);
        }
    }

    /**
     * Warms the JIT before the first row, unrecorded: handshakes in memory, over HTTP/2 and over
     * WebSocket, envelopes in memory and through the queues over WebSocket (the h2 and ws
     * clients, Netty, TLS on both sides, the pipeline, the queues).
     */
    private void prime(SuiteId suite, MailPool pool) throws Exception {
        log("warming up the JVM (%d s, not recorded)", 5 * prime.toSeconds());
        handshakes(suite, Transport.MEMORY, 1, Duration.ZERO, prime);
        handshakes(suite, Transport.H2, MAX_SESSIONS, Duration.ZERO, prime);
        handshakes(suite, Transport.WS, MAX_SESSIONS, Duration.ZERO, prime);
        if (pool != null) {
            envelopes(suite, Transport.MEMORY, 1, pool, Duration.ZERO, prime);
            queued(suite, Transport.WS, MAX_SESSIONS, pool, Duration.ZERO, prime);
        }
    }

    private boolean anySelected(SuiteId suite, String... whats) {
        for (String what : whats) {
            for (Transport t : Transport.values()) {
                for (int sessions : sessionCounts(t)) {
                    if (selected(what, suite, t, sessions)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** In memory only over one session: it is the anchor, not a deployment. */
    private static List<Integer> sessionCounts(Transport t) {
        return t == Transport.MEMORY ? List.of(1) : List.of(1, MAX_SESSIONS);
    }

    private boolean selected(String what, SuiteId suite, Transport t, int sessions) {
        return only.matcher(what + " " + suite.wireName() + " " + t.label + " " + sessions).find();
    }

    private MailPool composePool(SuiteId suite) throws Exception {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<String> domains = keys.senderDomains(MAX_SESSIONS);
        for (String d : domains) {
            counts.put(d, Math.max(envelopes / 10, 1));
        }
        counts.put(domains.getFirst(), envelopes);
        long t0 = System.nanoTime();
        MailPool pool = MailPool.compose(keys, suite, counts, Runtime.getRuntime().availableProcessors());
        log("composed %d %s envelopes in %.1f s", pool.size(), suite.wireName(), (System.nanoTime() - t0) / 1e9);
        return pool;
    }

    private Result handshakes(SuiteId suite, Transport t, int sessions, Duration warm, Duration measured) throws Exception {
        Path run = runDir();
        try (ReceivingGateway receiver = ReceivingGateway.start(run, keys, tls)) {
            List<SendingDomain> senders = senders(suite, t, sessions, receiver);
            try {
                List<LoadRun.Step> steps = senders.stream().<LoadRun.Step>map(s -> () -> {
                    s.handshake();
                    return true;
                }).toList();
                return new Result("handshakes", suite, t, sessions, LoadRun.run(steps, warm, measured), 0, 0);
            } finally {
                senders.forEach(SendingDomain::close);
            }
        } finally {
            delete(run);
        }
    }

    private Result envelopes(SuiteId suite, Transport t, int sessions, MailPool pool, Duration warm, Duration measured)
            throws Exception {
        Path run = runDir();
        AtomicLong delivered = new AtomicLong();
        try (ReceivingGateway receiver = ReceivingGateway.start(run, keys, tls)) {
            List<SendingDomain> senders = senders(suite, t, sessions, receiver);
            LoadRun.Window window;
            try {
                List<LoadRun.Step> steps = new ArrayList<>();
                for (SendingDomain s : senders) {
                    Iterator<ComposedMail> mails = pool.of(s.domain).iterator();
                    steps.add(() -> {
                        if (!mails.hasNext()) {
                            return false;
                        }
                        ComposedMail m = mails.next();
                        DeliveryResult r = s.agent.deliver(m.entry(), m.recipients(), m.content()).getFirst();
                        if (!(r instanceof DeliveryResult.Delivered)) {
                            throw new IllegalStateException("not delivered: " + r);
                        }
                        delivered.incrementAndGet();
                        return true;
                    });
                }
                window = LoadRun.run(steps, warm, measured);
            } finally {
                senders.forEach(SendingDomain::close);
            }
            return new Result("envelopes", suite, t, sessions, window, delivered.get(), receiver.stored());
        } finally {
            delete(run);
        }
    }

    /**
     * Through the queues: each sending domain commits composed envelopes to its SEMP sender queue
     * (at most {@value #BACKLOG} waiting at a time, so every session stays busy without the
     * queue growing), its queue manager delivers them; the figure is envelopes committed to the
     * receiver's inbox per second. After the window the queues drain, then inbox and
     * acknowledgments are compared.
     */
    private Result queued(SuiteId suite, Transport t, int sessions, MailPool pool, Duration warm, Duration measured) throws Exception {
        Path run = runDir();
        try (ReceivingGateway receiver = ReceivingGateway.start(run, keys, tls)) {
            Map<String, Semaphore> room = new ConcurrentHashMap<>();
            receiver.onStored(domain -> room.get(domain).release());
            List<SendingDomain> senders = senders(suite, t, sessions, receiver);
            List<QueuedSender> queues = new ArrayList<>();
            LoadRun.Window window;
            try {
                List<LoadRun.Step> steps = new ArrayList<>();
                for (SendingDomain s : senders) {
                    QueuedSender queue = QueuedSender.start(s, Files.createDirectories(run.resolve(s.domain)));
                    queues.add(queue);
                    Semaphore permits = new Semaphore(BACKLOG);
                    room.put(s.domain, permits);
                    Iterator<ComposedMail> mails = pool.of(s.domain).iterator();
                    steps.add(() -> {
                        if (!mails.hasNext()) {
                            return false;
                        }
                        permits.acquire();
                        queue.submit(mails.next());
                        return true;
                    });
                }
                window = LoadRun.run(steps, receiver::stored, warm, measured);
                drain(queues);
            } finally {
                for (QueuedSender q : queues) {
                    q.close();
                }
                senders.forEach(SendingDomain::close);
            }
            long delivered = senders.stream().mapToLong(s -> s.delivered.get()).sum();
            return new Result("queued", suite, t, sessions, window, delivered, receiver.stored());
        } finally {
            delete(run);
        }
    }

    private static void drain(List<QueuedSender> queues) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (queues.stream().anyMatch(q -> q.waiting() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private List<SendingDomain> senders(SuiteId suite, Transport t, int sessions, ReceivingGateway receiver) {
        return keys.senderDomains(sessions).stream().map(d -> new SendingDomain(d, keys, suite, t, receiver, trust)).toList();
    }

    /** Runs one row; a row that throws is reported with its error and the run goes on. */
    private void record(String what, SuiteId suite, Transport t, int sessions, java.util.concurrent.Callable<Result> row) {
        try {
            record(row.call());
        } catch (Exception | Error e) {
            log("%s %s %s %d failed: %s", what, suite.wireName(), t.label, sessions, e);
            results.add(new Result(what, suite, t, sessions, new LoadRun.Window(0, 1, Duration.ZERO, Duration.ZERO, Duration.ZERO,
                    "row failed: " + e, false), 0, 0));
        }
    }

    private void record(Result r) {
        results.add(r);
        LoadRun.Window w = r.window();
        log("%-60s %8.1f/s  cpu %.2f ms/op  errors %d %s  load %s", r.key(), w.perSecond(), w.cpuMillisPerOperation(), w.errors(),
                w.firstError(), Machine.loadAverage());
    }

    private Path runDir() throws IOException {
        return Files.createDirectories(dir.resolve("run-" + Instant.now().truncatedTo(ChronoUnit.MILLIS).toEpochMilli()));
    }

    private static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static void log(String format, Object... args) {
        System.err.printf("[fed-bench %tT] %s%n", Instant.now().atZone(java.time.ZoneOffset.UTC), format.formatted(args));
    }
}
