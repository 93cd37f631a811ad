package sempgw.app.qmgr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sempgw.app.testing.InMemoryQueue;
import sempgw.semp.egress.testing.MutableClock;
import sempgw.store.queue.DeliveryResult;
import sempgw.store.queue.Origin;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.QueueId;
import sempgw.store.queue.Recipient;
import sempgw.store.queue.RecipientState;
import sempgw.store.queue.RecipientStatus;
import sempgw.store.queue.Sender;
import sempgw.store.queue.Submission;

final class QueueManagerTest {
    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    static final DeliveryResult DEFER = new DeliveryResult.Deferred("451 4.4.1 connection refused");
    static final Duration QUIET = Duration.ofMillis(200);

    final MutableClock clock = new MutableClock(T0);
    final InMemoryQueue queue = new InMemoryQueue(clock);
    final ScriptedAgent agent = new ScriptedAgent();
    final RecordingNotifier notifier = new RecordingNotifier();
    QueueManager manager;
    OperatorActions operator;

    static QmgrSettings settings(int concurrency) {
        return new QmgrSettings(concurrency, Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(5), Duration.ofHours(4),
                QmgrSettings.DEFAULT_ACTIVE_LIMIT, Duration.ofSeconds(2));
    }

    void start() {
        start(agent, settings(20));
    }

    void start(sempgw.store.queue.DeliveryAgent deliveryAgent, QmgrSettings settings) {
        manager = new QueueManager(queue, deliveryAgent, Recipient::domain, notifier, settings, clock, new SplittableRandom(7));
        operator = new OperatorActions(queue, manager, clock);
        manager.start();
    }

    @AfterEach
    void stop() {
        if (manager != null) {
            manager.close();
        }
    }

    QueueId submit(Sender sender, Recipient... recipients) throws IOException {
        try (Submission s = queue.begin(sender, Origin.local())) {
            for (Recipient r : recipients) {
                s.addRecipient(r);
            }
            s.content().write("Subject: hi\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII));
            return s.commit();
        }
    }

    QueueId submit(String to) throws IOException {
        return submit(Sender.of("alice@example.net"), Recipient.of(to));
    }

    RecipientStatus first(QueueId id) {
        return queue.latest(id).recipients().getFirst();
    }

    void awaitState(QueueId id, RecipientState state) {
        await().atMost(Duration.ofSeconds(5)).until(() -> first(id).state() == state);
    }

    void advanceAndWake(Duration d) {
        clock.advance(d);
        manager.wake();
    }

    @Test
    void commit_newEntry_deliveredAtOnceAndRemoved() throws Exception {
        start();
        QueueId id = submit("bob@example.org");
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.find(id).isEmpty());
        assertThat(first(id).state()).isEqualTo(RecipientState.DELIVERED);
        assertThat(first(id).lastReply()).contains("250 2.0.0 ok");
        assertThat(agent.calls).hasSize(1);
    }

    @Test
    void deliver_entryWithTwoDomains_oneTransactionPerDestination() throws Exception {
        start();
        QueueId id = submit(Sender.of("alice@example.net"), Recipient.of("a@one.example"), Recipient.of("b@two.example"), Recipient.of("c@one.example"));
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.find(id).isEmpty());
        assertThat(agent.calls).extracting(c -> c.recipients().stream().map(Recipient::address).toList())
                .containsExactlyInAnyOrder(List.of("a@one.example", "c@one.example"), List.of("b@two.example"));
    }

    @Test
    void deliver_deferred_retriedOnlyAfterBackoff() throws Exception {
        agent.answer(r -> DEFER);
        start();
        QueueId id = submit("bob@example.org");
        awaitState(id, RecipientState.DEFERRED);
        assertThat(first(id).nextAttempt()).isBetween(T0.plus(Duration.ofMinutes(5)), T0.plus(Duration.ofMinutes(5)).plusSeconds(30));
        assertThat(first(id).lastReply()).contains("451 4.4.1 connection refused");

        advanceAndWake(Duration.ofMinutes(4));
        Thread.sleep(QUIET);
        assertThat(agent.calls).hasSize(1);

        agent.answer(r -> new DeliveryResult.Delivered("250 ok"));
        advanceAndWake(Duration.ofMinutes(2));
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.find(id).isEmpty());
        assertThat(agent.calls).hasSize(2);
    }

    @Test
    void deliver_failed_bouncesWithFailureNotice() throws Exception {
        agent.answer(r -> new DeliveryResult.Failed("smtp", "550 5.1.1 user unknown"));
        start();
        QueueId id = submit("bob@example.org");
        awaitState(id, RecipientState.BOUNCED);
        assertThat(notifier.kinds()).containsExactly(Notice.Kind.FAILED);
        Notice notice = notifier.sent.getFirst().notices().getFirst();
        assertThat(notice.reply()).isEqualTo("550 5.1.1 user unknown");
        assertThat(notice.recipient().address()).isEqualTo("bob@example.org");
    }

    @Test
    void deliver_failuresAtTwoDestinations_oneFailureNoticeNamesBoth() throws Exception {
        CountDownLatch slow = new CountDownLatch(1);
        agent.answer(r -> {
            if (r.domain().equals("two.example")) {
                awaitLatch(slow);
            }
            return new DeliveryResult.Failed("smtp", "550 5.1.1 user unknown");
        });
        start();
        QueueId id = submit(Sender.of("alice@example.net"), Recipient.of("a@one.example"), Recipient.of("b@two.example"));
        await().atMost(Duration.ofSeconds(5)).until(() -> agent.calls.size() == 2);
        Thread.sleep(QUIET);
        assertThat(notifier.sent).isEmpty();

        slow.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.find(id).isEmpty());
        assertThat(notifier.sent).hasSize(1);
        assertThat(notifier.sent.getFirst().notices()).extracting(n -> n.recipient().address())
                .containsExactlyInAnyOrder("a@one.example", "b@two.example");
        assertThat(queue.latest(id).recipients()).extracting(RecipientStatus::state).containsOnly(RecipientState.BOUNCED);
    }

    @Test
    void deliver_failureWhileAnotherDestinationIsTried_waitsForItAndIsNotTriedAgainMeanwhile() throws Exception {
        CountDownLatch slow = new CountDownLatch(1);
        agent.answer(r -> {
            if (r.domain().equals("two.example")) {
                awaitLatch(slow);
                return new DeliveryResult.Delivered("250 2.0.0 ok");
            }
            return new DeliveryResult.Failed("smtp", "550 5.1.1 user unknown");
        });
        start();
        QueueId id = submit(Sender.of("alice@example.net"), Recipient.of("a@one.example"), Recipient.of("b@two.example"));
        await().atMost(Duration.ofSeconds(5)).until(() -> agent.calls.size() == 2);
        manager.forceRetry(id);
        advanceAndWake(Duration.ofHours(1));
        Thread.sleep(QUIET);
        assertThat(agent.calls).hasSize(2);
        assertThat(first(id).state()).isEqualTo(RecipientState.QUEUED);
        assertThat(manager.inFlight(id, 0)).isTrue();

        slow.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.find(id).isEmpty());
        assertThat(notifier.sent).hasSize(1);
        assertThat(notifier.sent.getFirst().notices()).extracting(n -> n.recipient().address()).containsExactly("a@one.example");
        assertThat(first(id).state()).isEqualTo(RecipientState.BOUNCED);
        assertThat(agent.calls).hasSize(2);
    }

    @Test
    void deliver_deferredPastDelayWarningAtTwoDestinations_oneDelayNoticeNamesBoth() {
        QueueEntry e = queue.put(Sender.of("alice@example.net"), T0.minus(Duration.ofHours(4)).minus(Duration.ofMinutes(1)),
                List.of(InMemoryQueue.pending("a@one.example", RecipientState.DEFERRED, T0),
                        InMemoryQueue.pending("b@two.example", RecipientState.DEFERRED, T0)));
        agent.answer(r -> DEFER);
        start();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> queue.latest(e.id()).recipients().stream().allMatch(RecipientStatus::delayNotified));
        assertThat(notifier.sent).hasSize(1);
        assertThat(notifier.sent.getFirst().notices()).hasSize(2);
        assertThat(notifier.kinds()).containsOnly(Notice.Kind.DELAYED);
    }

    static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the delivery");
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    @Test
    void deliver_failedWithNotifyNever_bouncesWithoutNotice() throws Exception {
        agent.answer(r -> new DeliveryResult.Failed("smtp", "550 5.1.1 user unknown"));
        start();
        QueueId id = submit(Sender.of("alice@example.net"), new Recipient("bob@example.org", Set.of(Recipient.Notify.NEVER), Optional.empty()));
        awaitState(id, RecipientState.BOUNCED);
        assertThat(notifier.sent).isEmpty();
    }

    @Test
    void deliver_failedFromNullSender_bouncesWithoutNotice() throws Exception {
        agent.answer(r -> new DeliveryResult.Failed("smtp", "550 5.1.1 user unknown"));
        start();
        QueueId id = submit(Sender.of(""), Recipient.of("bob@example.org"));
        awaitState(id, RecipientState.BOUNCED);
        assertThat(notifier.sent).isEmpty();
    }

    @Test
    void deliver_noticeCannotBeQueued_recipientStaysDeferredUntilItCan() throws Exception {
        agent.answer(r -> new DeliveryResult.Failed("smtp", "550 5.1.1 user unknown"));
        notifier.failing = true;
        start();
        QueueId id = submit("bob@example.org");
        awaitState(id, RecipientState.DEFERRED);
        assertThat(first(id).lastReply().orElseThrow()).contains("bounce not queued");

        notifier.failing = false;
        advanceAndWake(Duration.ofMinutes(6));
        awaitState(id, RecipientState.BOUNCED);
        assertThat(notifier.kinds()).containsExactly(Notice.Kind.FAILED);
    }

    @Test
    void dispatch_pastLifetime_bouncesAsExpiredWithoutAnAttempt() {
        RecipientStatus deferred = new RecipientStatus(Recipient.of("bob@example.org"), RecipientState.DEFERRED, 40, T0,
                Optional.of("451 4.4.1 connection refused"), true);
        QueueEntry old = queue.put(Sender.of("alice@example.net"), T0.minus(Duration.ofDays(5)).minusSeconds(1), List.of(deferred));
        start();
        awaitState(old.id(), RecipientState.BOUNCED);
        assertThat(agent.calls).isEmpty();
        assertThat(notifier.kinds()).containsExactly(Notice.Kind.EXPIRED);
        assertThat(notifier.sent.getFirst().notices().getFirst().reply()).isEqualTo("451 4.4.1 connection refused");
    }

    @Test
    void deliver_stillDeferredWhenLifetimeEnds_bouncesAsExpired() {
        QueueEntry e = queue.put(Sender.of("alice@example.net"), T0.minus(Duration.ofDays(5)).plusSeconds(1),
                List.of(InMemoryQueue.pending("bob@example.org", RecipientState.DEFERRED, T0)));
        agent.answer(r -> {
            clock.advance(Duration.ofSeconds(2));
            return DEFER;
        });
        start();
        awaitState(e.id(), RecipientState.BOUNCED);
        assertThat(agent.calls).hasSize(1);
        assertThat(notifier.kinds()).containsExactly(Notice.Kind.EXPIRED);
    }

    @Test
    void deliver_deferredPastDelayWarning_sendsOneDelayNoticeOnly() {
        QueueEntry e = queue.put(Sender.of("alice@example.net"), T0.minus(Duration.ofHours(4)).minus(Duration.ofMinutes(1)),
                List.of(InMemoryQueue.pending("bob@example.org", RecipientState.DEFERRED, T0)));
        agent.answer(r -> DEFER);
        start();
        await().atMost(Duration.ofSeconds(5)).until(() -> first(e.id()).delayNotified());
        assertThat(first(e.id()).state()).isEqualTo(RecipientState.DEFERRED);
        Instant next = first(e.id()).nextAttempt();

        advanceAndWake(Duration.ofHours(2));
        await().atMost(Duration.ofSeconds(5)).until(() -> first(e.id()).nextAttempt().isAfter(next));
        assertThat(agent.calls).hasSize(2);
        assertThat(notifier.kinds()).containsExactly(Notice.Kind.DELAYED);
    }

    @Test
    void deliver_deferredBeforeDelayWarning_noNotice() throws Exception {
        agent.answer(r -> DEFER);
        start();
        QueueId id = submit("bob@example.org");
        awaitState(id, RecipientState.DEFERRED);
        assertThat(notifier.sent).isEmpty();
        assertThat(first(id).delayNotified()).isFalse();
    }

    @Test
    void deliver_delayNoticeNotWanted_noNotice() {
        RecipientStatus onlyFailure = new RecipientStatus(new Recipient("bob@example.org", Set.of(Recipient.Notify.FAILURE), Optional.empty()),
                RecipientState.DEFERRED, 1, T0, Optional.empty(), false);
        QueueEntry e = queue.put(Sender.of("alice@example.net"), T0.minus(Duration.ofHours(5)), List.of(onlyFailure));
        agent.answer(r -> DEFER);
        start();
        await().atMost(Duration.ofSeconds(5)).until(() -> first(e.id()).lastReply().isPresent());
        assertThat(notifier.sent).isEmpty();
    }

    @Test
    void dispatch_heldRecipient_skippedUntilReleased() throws Exception {
        QueueEntry e = queue.put(Sender.of("alice@example.net"), T0, List.of(InMemoryQueue.pending("bob@example.org", RecipientState.HELD, T0)));
        start();
        Thread.sleep(QUIET);
        assertThat(agent.calls).isEmpty();

        assertThat(operator.release(e.id())).contains(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.find(e.id()).isEmpty());
        assertThat(first(e.id()).state()).isEqualTo(RecipientState.DELIVERED);
    }

    @Test
    void hold_deferredEntry_notRetriedUntilReleased() throws Exception {
        agent.answer(r -> DEFER);
        start();
        QueueId id = submit("bob@example.org");
        awaitState(id, RecipientState.DEFERRED);
        assertThat(operator.hold(id)).contains(1);
        assertThat(first(id).state()).isEqualTo(RecipientState.HELD);

        advanceAndWake(Duration.ofHours(2));
        Thread.sleep(QUIET);
        assertThat(agent.calls).hasSize(1);

        agent.answer(r -> new DeliveryResult.Delivered("250 ok"));
        operator.release(id);
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.find(id).isEmpty());
        assertThat(agent.calls).hasSize(2);
    }

    @Test
    void hold_unknownId_empty() throws Exception {
        start();
        assertThat(operator.hold(new QueueId("NOSUCHID1"))).isEmpty();
        assertThat(operator.release(new QueueId("NOSUCHID1"))).isEmpty();
        assertThat(operator.delete(new QueueId("NOSUCHID1"))).isFalse();
    }

    @Test
    void flush_deferredRecipients_retriedNow() throws Exception {
        agent.answer(r -> DEFER);
        start();
        QueueId id = submit("bob@example.org");
        awaitState(id, RecipientState.DEFERRED);
        agent.answer(r -> new DeliveryResult.Delivered("250 ok"));
        assertThat(operator.flush()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.find(id).isEmpty());
    }

    @Test
    void delete_deferredEntry_removedAndNeverRetried() throws Exception {
        agent.answer(r -> DEFER);
        start();
        QueueId id = submit("bob@example.org");
        awaitState(id, RecipientState.DEFERRED);
        assertThat(operator.delete(id)).isTrue();
        advanceAndWake(Duration.ofHours(2));
        Thread.sleep(QUIET);
        assertThat(agent.calls).hasSize(1);
        assertThat(queue.find(id)).isEmpty();
    }

    @Test
    void start_recoveredEntries_resumeAtTheirRecordedTimes() {
        QueueEntry due = queue.put(Sender.of("a@example.net"), T0.minusSeconds(60), List.of(InMemoryQueue.pending("x@example.org", RecipientState.QUEUED, T0)));
        QueueEntry later = queue.put(Sender.of("a@example.net"), T0.minusSeconds(60),
                List.of(InMemoryQueue.pending("y@example.org", RecipientState.DEFERRED, T0.plus(Duration.ofMinutes(10)))));
        start();
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.find(due.id()).isEmpty());
        assertThat(queue.find(later.id())).isPresent();

        advanceAndWake(Duration.ofMinutes(10));
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.find(later.id()).isEmpty());
    }

    @Test
    void deliver_agentThrows_recipientDeferredAsInternalError() throws Exception {
        start((entry, recipients, content) -> {
            throw new IllegalStateException("bug");
        }, settings(20));
        QueueId id = submit("bob@example.org");
        awaitState(id, RecipientState.DEFERRED);
        assertThat(first(id).lastReply().orElseThrow()).startsWith("451 4.3.0");
    }

    @Test
    void deliver_agentReturnsWrongNumberOfResults_recipientsDeferred() throws Exception {
        start((entry, recipients, content) -> List.of(), settings(20));
        QueueId id = submit("bob@example.org");
        awaitState(id, RecipientState.DEFERRED);
        assertThat(first(id).lastReply().orElseThrow()).startsWith("451 4.3.0");
    }
}
