package sempgw.app.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import sempgw.app.bridge.FirstAttempts.Mark;
import sempgw.app.qmgr.Notice;
import sempgw.app.qmgr.Notifier;
import sempgw.store.queue.DeliveryResult;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.QueueId;

final class FirstAttemptsTest {
    private static final QueueId ID = new QueueId("08DthC3Fi1s8WH");
    private static final Mark FAILED = new Mark.Tried(new DeliveryResult.Failed("semp", "blocked: no"));

    @Test
    void await_everyRecipientMarked_returnsAtOnceWithTheMarks() throws Exception {
        FirstAttempts attempts = new FirstAttempts(Duration.ofSeconds(30));
        attempts.watch(ID, 2);
        attempts.mark(ID, "A@x.test", FAILED);
        attempts.mark(ID, "b@x.test", new Mark.Smtp());

        long start = System.nanoTime();
        assertThat(attempts.await(ID, Duration.ofSeconds(30))).containsExactly(FAILED, new Mark.Smtp());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void await_recipientNeverMarked_returnsWhatThereIsAfterTheBound() throws Exception {
        FirstAttempts attempts = new FirstAttempts(Duration.ofSeconds(30));
        attempts.watch(ID, 2);
        attempts.mark(ID, "a@x.test", FAILED);

        assertThat(attempts.await(ID, Duration.ofMillis(100))).containsExactly(FAILED);
    }

    @Test
    void notifier_refusedAtData_noticeDropped_otherwiseSent() throws Exception {
        List<QueueId> sent = new ArrayList<>();
        FirstAttempts attempts = new FirstAttempts(Duration.ofSeconds(5));
        Notifier notifier = attempts.notifier((entry, notices) -> sent.add(entry.id()));
        QueueId other = new QueueId("08DthC3Fi1s8WJ");
        attempts.watch(ID, 1);
        attempts.watch(other, 1);

        CompletableFuture<Void> refused = CompletableFuture.runAsync(() -> send(notifier, ID));
        CompletableFuture<Void> accepted = CompletableFuture.runAsync(() -> send(notifier, other));
        Thread.sleep(100);
        assertThat(sent).isEmpty();
        attempts.settle(ID, true);
        attempts.settle(other, false);
        refused.get();
        accepted.get();

        assertThat(sent).containsExactly(other);
    }

    @Test
    void notifier_entryNotWatched_sentAtOnce() throws Exception {
        List<QueueId> sent = new ArrayList<>();
        Notifier notifier = new FirstAttempts(Duration.ofSeconds(30)).notifier((entry, notices) -> sent.add(entry.id()));

        send(notifier, ID);

        assertThat(sent).containsExactly(ID);
    }

    private static void send(Notifier notifier, QueueId id) {
        try {
            notifier.send(entry(id), List.<Notice>of());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static QueueEntry entry(QueueId id) {
        return new QueueEntry(id, sempgw.store.queue.Sender.of("alice@a.test"), sempgw.store.queue.Origin.local(), List.of(),
                java.time.Instant.EPOCH, 0);
    }
}
