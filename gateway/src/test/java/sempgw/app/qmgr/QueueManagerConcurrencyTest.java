package sempgw.app.qmgr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import sempgw.app.testing.InMemoryQueue;
import sempgw.semp.egress.testing.MutableClock;
import sempgw.store.queue.DeliveryAgent;
import sempgw.store.queue.DeliveryResult;
import sempgw.store.queue.Recipient;
import sempgw.store.queue.RecipientState;
import sempgw.store.queue.Sender;

final class QueueManagerConcurrencyTest {
    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    /** Holds every delivery until the gate opens; tracks how many run at once per destination. */
    static final class GatedAgent implements DeliveryAgent {
        final CountDownLatch gate = new CountDownLatch(1);
        final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> peak = new ConcurrentHashMap<>();

        @Override
        public List<DeliveryResult> deliver(sempgw.store.queue.QueueEntry entry, List<Recipient> recipients, ContentSource content) {
            String domain = recipients.getFirst().domain();
            int now = running.computeIfAbsent(domain, d -> new AtomicInteger()).incrementAndGet();
            peak.computeIfAbsent(domain, d -> new AtomicInteger()).accumulateAndGet(now, Math::max);
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.get(domain).decrementAndGet();
            }
            return recipients.stream().map(r -> (DeliveryResult) new DeliveryResult.Delivered("250 ok")).toList();
        }

        int running(String domain) {
            AtomicInteger n = running.get(domain);
            return n == null ? 0 : n.get();
        }
    }

    @Test
    void deliver_manyEntriesPerDestination_concurrencyNeverExceedsLimitPerDestination() throws Exception {
        MutableClock clock = new MutableClock(T0);
        InMemoryQueue queue = new InMemoryQueue(clock);
        for (int i = 0; i < 12; i++) {
            queue.put(Sender.of("a@example.net"), T0, List.of(InMemoryQueue.pending("r" + i + "@one.example", RecipientState.QUEUED, T0)));
            queue.put(Sender.of("a@example.net"), T0, List.of(InMemoryQueue.pending("r" + i + "@two.example", RecipientState.QUEUED, T0)));
        }
        GatedAgent agent = new GatedAgent();
        QmgrSettings settings = new QmgrSettings(3, Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(5), Duration.ofHours(4), 100,
                Duration.ofSeconds(2));
        try (QueueManager manager = new QueueManager(queue, agent, Recipient::domain, new RecordingNotifier(), settings, clock, new SplittableRandom(1))) {
            manager.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> agent.running("one.example") == 3 && agent.running("two.example") == 3);
            Thread.sleep(200);
            assertThat(agent.peak.get("one.example")).hasValue(3);
            assertThat(agent.peak.get("two.example")).hasValue(3);
            assertThat(manager.activeBatches()).isEqualTo(24);

            agent.gate.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> queue.entries().isEmpty());
            assertThat(agent.peak.get("one.example")).hasValue(3);
            assertThat(agent.peak.get("two.example")).hasValue(3);
        }
    }

    @Test
    void dispatch_activeWindowFull_restWaitsAndIsDeliveredLater() throws Exception {
        MutableClock clock = new MutableClock(T0);
        InMemoryQueue queue = new InMemoryQueue(clock);
        for (int i = 0; i < 10; i++) {
            queue.put(Sender.of("a@example.net"), T0, List.of(InMemoryQueue.pending("r" + i + "@d" + i + ".example", RecipientState.QUEUED, T0)));
        }
        GatedAgent agent = new GatedAgent();
        QmgrSettings settings = new QmgrSettings(20, Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(5), Duration.ofHours(4), 4,
                Duration.ofSeconds(2));
        try (QueueManager manager = new QueueManager(queue, agent, Recipient::domain, new RecordingNotifier(), settings, clock, new SplittableRandom(1))) {
            manager.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> manager.activeBatches() == 4);
            Thread.sleep(200);
            assertThat(agent.running.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(4);

            agent.gate.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> queue.entries().isEmpty());
        }
    }
}
