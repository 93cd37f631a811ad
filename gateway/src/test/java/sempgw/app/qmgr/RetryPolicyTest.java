package sempgw.app.qmgr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import sempgw.app.testing.InMemoryQueue;
import sempgw.semp.egress.testing.MutableClock;
import sempgw.store.queue.DeliveryResult;
import sempgw.store.queue.Origin;
import sempgw.store.queue.QueueId;
import sempgw.store.queue.Recipient;
import sempgw.store.queue.RecipientState;
import sempgw.store.queue.RecipientStatus;
import sempgw.store.queue.Sender;
import sempgw.store.queue.Submission;

final class RetryPolicyTest {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    /** A stand-in for the SEMP schedule of DELIVERY.md §2.3: 1m, 5m, 15m, then 1h. */
    private static final List<Duration> STEPS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1));

    private static Duration step(int attempt, RandomGenerator random) {
        return STEPS.get(Math.min(attempt, STEPS.size()) - 1);
    }

    @Test
    void byAttempt_waitComesFromTheScheduleForThatAttempt() {
        RetryPolicy policy = RetryPolicy.byAttempt(RetryPolicyTest::step, Duration.ofHours(72), new SplittableRandom(1));
        Instant now = T0.plus(Duration.ofHours(2));
        assertThat(policy.nextAttempt(T0, 1, now, "semp:b.example")).isEqualTo(now.plus(Duration.ofMinutes(1)));
        assertThat(policy.nextAttempt(T0, 3, now, "semp:b.example")).isEqualTo(now.plus(Duration.ofMinutes(15)));
        assertThat(policy.nextAttempt(T0, 9, now, "semp:b.example")).isEqualTo(now.plus(Duration.ofHours(1)));
    }

    @Test
    void byAttempt_nearTheHorizon_neverLaterThanIt() {
        RetryPolicy policy = RetryPolicy.byAttempt(RetryPolicyTest::step, Duration.ofHours(72), new SplittableRandom(1));
        Instant now = T0.plus(Duration.ofHours(72)).minus(Duration.ofMinutes(10));
        assertThat(policy.nextAttempt(T0, 7, now, "semp:b.example")).isEqualTo(T0.plus(Duration.ofHours(72)));
    }

    @Test
    void exponential_ignoresTheAttemptCount_asTheSmtpQueueAlwaysDid() {
        RetryPolicy policy = RetryPolicy.exponential(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(5), new SplittableRandom(3));
        Instant now = T0.plus(Duration.ofMinutes(20));
        Instant next = policy.nextAttempt(T0, 1, now, "semp:b.example");
        assertThat(next).isBetween(now.plus(Duration.ofMinutes(20)), now.plus(Duration.ofMinutes(22)));
        assertThat(RetryPolicy.exponential(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(5), new SplittableRandom(3))
                .nextAttempt(T0, 40, now, "semp:b.example")).isEqualTo(next);
    }

    @Test
    void queueManager_withAnAttemptSchedule_defersEachAttemptByItsStep() throws Exception {
        MutableClock clock = new MutableClock(T0);
        InMemoryQueue queue = new InMemoryQueue(clock);
        ScriptedAgent agent = new ScriptedAgent();
        AtomicInteger tries = new AtomicInteger();
        agent.answer(r -> new DeliveryResult.Deferred("peer unreachable, try " + tries.incrementAndGet()));
        QmgrSettings settings = new QmgrSettings(20, Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofHours(72), Duration.ZERO,
                QmgrSettings.DEFAULT_ACTIVE_LIMIT, Duration.ofSeconds(2));
        try (QueueManager manager = new QueueManager(queue, agent, Recipient::domain, new RecordingNotifier(), settings, clock,
                RetryPolicy.byAttempt(RetryPolicyTest::step, settings.maxLifetime(), new SplittableRandom(5)))) {
            manager.start();
            QueueId id = submit(queue);
            List<Duration> waits = new ArrayList<>();
            for (int attempt = 1; attempt <= 3; attempt++) {
                int expected = attempt;
                await().atMost(Duration.ofSeconds(5)).until(() -> status(queue, id).attempts() == expected
                        && status(queue, id).state() == RecipientState.DEFERRED);
                waits.add(Duration.between(clock.instant(), status(queue, id).nextAttempt()));
                clock.advance(waits.getLast());
                manager.wake();
            }
            assertThat(waits).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15));
        }
    }

    private static RecipientStatus status(InMemoryQueue queue, QueueId id) {
        return queue.latest(id).recipients().getFirst();
    }

    private static QueueId submit(InMemoryQueue queue) throws IOException {
        try (Submission s = queue.begin(Sender.of("alice@example.net"), Origin.local())) {
            s.addRecipient(Recipient.of("bob@peer.example"));
            s.content().write("envelope".getBytes(StandardCharsets.US_ASCII));
            return s.commit();
        }
    }
}
