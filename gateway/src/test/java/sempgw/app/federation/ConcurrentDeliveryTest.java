package sempgw.app.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sempgw.app.semp.LogCapture;
import sempgw.app.semp.TestMailbox;
import sempgw.app.semp.TwoGateways;
import sempgw.core.envelope.compose.ComposedEnvelope;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.RecipientState;

/**
 * Issue 4, test 4: 1000 envelopes submitted concurrently from {@code a.test} to {@code b.test}
 * are all delivered, each exactly once in b's inbox, and each sender-side result is
 * {@code delivered} with a receipt verified against b's published domain key (DELIVERY.md
 * §1.1.1.6). A transient failure on the loaded test machine (a TLS setup past its timeout) is
 * deferred and retried at once by jumping the clock, never lost. The wall time is printed for
 * information only.
 */
final class ConcurrentDeliveryTest {
    private static final int ENVELOPES = 1000;
    private static final int SUBMITTERS = 20;
    private static final Duration ALL_DELIVERED = Duration.ofSeconds(100);
    /** The delivery log line of a verified receipt: {@code <queue id>: to=<..>, relay=b.test, ..., status=sent (semp; delivered, receipt signed by key <key id> at <time>)}. */
    private static final Pattern SENT = Pattern.compile(
            " INFO \\S+ (\\S+): to=<[^>]+>, relay=" + Pattern.quote(TwoGateways.B) + ", .*status=sent \\((.*)\\)$");
    private static final Pattern VERIFIED = Pattern.compile("^semp; delivered, receipt signed by key [0-9a-f]{64} at \\S+$");

    @TempDir
    Path dir;

    @Test
    void deliver_thousandConcurrentEnvelopes_eachDeliveredOnceWithVerifiedReceipt() throws Exception {
        // b.test's per-domain rate limit (100 an hour by default) would silence a.test long before 1000.
        TwoGateways.Options options = TwoGateways.Options.defaults().withSemp("[semp.rate_limit]\nper_domain_hour = 100000");
        try (LogCapture log = new LogCapture(); TwoGateways fixture = TwoGateways.start(dir, options);
                ClockedPair gw = ClockedPair.takeOver(fixture)) {
            TestMailbox alice = gw.provision(gw.a(), TwoGateways.A, "alice");
            TestMailbox bob = gw.provision(gw.b(), TwoGateways.B, "bob");
            Set<String> postmarks = ConcurrentHashMap.newKeySet();
            Set<String> queueIds = ConcurrentHashMap.newKeySet();

            long start = System.nanoTime();
            try (ExecutorService submitters = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> running = new ArrayList<>();
                for (int s = 0; s < SUBMITTERS; s++) {
                    int submitter = s;
                    running.add(submitters.submit(() -> {
                        for (int i = 0; i < ENVELOPES / SUBMITTERS; i++) {
                            ComposedEnvelope c = Traffic.compose(alice, bob, fixture.b().domainKey(Traffic.SUITE),
                                    "envelope " + submitter + "/" + i, gw.clock().instant());
                            postmarks.add(c.envelope().postmark().id());
                            queueIds.add(Traffic.submit(gw.a(), alice, c).toString());
                        }
                        return null;
                    }));
                }
                for (Future<?> f : running) {
                    f.get();
                }
            }
            long submitted = System.nanoTime();
            int retries = deliverAll(gw, log);
            long delivered = System.nanoTime();
            System.out.printf("ConcurrentDeliveryTest: %d envelopes from %d virtual threads: submitted in %d ms, all delivered after %d ms"
                    + " (%.0f envelopes/s end to end), %d forced retry round(s)%n", ENVELOPES, SUBMITTERS, (submitted - start) / 1_000_000,
                    (delivered - start) / 1_000_000, ENVELOPES * 1e9 / (delivered - start), retries);

            assertThat(postmarks).hasSize(ENVELOPES);
            assertThat(queueIds).hasSize(ENVELOPES);
            assertThat(Traffic.inboxPostmarkIds(gw.b())).hasSize(ENVELOPES).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(postmarks);
            Map<String, String> sent = new HashMap<>();
            for (String line : log.matching("relay=" + TwoGateways.B, "status=sent")) {
                Matcher m = SENT.matcher(line);
                assertThat(m.find()).as("a delivery log line: %s", line).isTrue();
                assertThat(sent.put(m.group(1), m.group(2))).as("%s delivered twice", m.group(1)).isNull();
                assertThat(m.group(2)).as("%s's result", m.group(1)).matches(VERIFIED);
            }
            assertThat(sent.keySet()).containsExactlyInAnyOrderElementsOf(queueIds);
            assertThat(log.matching("relay=" + TwoGateways.B, "status=bounced")).isEmpty();
        }
    }

    /**
     * Waits until the sender queue is empty and every delivery is logged; whenever everything
     * left waits on its backoff, jumps the clock so it is retried now. Returns how many times it jumped.
     */
    private static int deliverAll(ClockedPair gw, LogCapture log) {
        AtomicInteger retries = new AtomicInteger();
        await().atMost(ALL_DELIVERED).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<QueueEntry> pending = gw.a().semp().outbox().pending();
            if (!pending.isEmpty() && pending.stream().allMatch(e -> e.recipients().getFirst().state() == RecipientState.DEFERRED)) {
                gw.retryDueNow();
                retries.incrementAndGet();
            }
            return pending.isEmpty() && log.matching("relay=" + TwoGateways.B, "status=sent").size() >= ENVELOPES;
        });
        return retries.get();
    }
}
