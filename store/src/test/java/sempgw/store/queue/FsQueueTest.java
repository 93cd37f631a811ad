package sempgw.store.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static sempgw.store.queue.QueueFixtures.T0;
import static sempgw.store.queue.QueueFixtures.commit;
import static sempgw.store.queue.QueueFixtures.content;
import static sempgw.store.queue.QueueFixtures.fixedClock;
import static sempgw.store.queue.QueueFixtures.key;
import static sempgw.store.queue.QueueFixtures.origin;
import static sempgw.store.queue.QueueFixtures.readContent;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class FsQueueTest {
    @TempDir
    Path dir;

    private static final Sender FULL_SENDER = new Sender("alice@example.org", Optional.of(Sender.DsnRet.HDRS),
            Optional.of("env-42"), Sender.BodyType.EIGHT_BIT_MIME, true);
    private static final Recipient BOB = new Recipient("bob@example.net",
            Set.of(Recipient.Notify.SUCCESS, Recipient.Notify.FAILURE), Optional.of("rfc822;bob@example.net"));
    private static final Recipient CAROL = Recipient.of("carol@example.com");

    @Test
    void commit_thenReopen_entryHasEveryField() throws IOException {
        byte[] body = content(7, 150_000);
        QueueId id;
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock())) {
            id = commit(queue, FULL_SENDER, List.of(BOB, CAROL), body);
        }
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock())) {
            QueueEntry entry = queue.find(id).orElseThrow();
            assertThat(entry.sender()).isEqualTo(FULL_SENDER);
            assertThat(entry.origin()).isEqualTo(origin());
            assertThat(entry.arrivedAt()).isEqualTo(T0);
            assertThat(entry.size()).isEqualTo(body.length);
            assertThat(entry.recipients()).containsExactly(
                    new RecipientStatus(BOB, RecipientState.QUEUED, 0, T0, Optional.empty(), false),
                    new RecipientStatus(CAROL, RecipientState.QUEUED, 0, T0, Optional.empty(), false));
            assertThat(readContent(queue, id)).isEqualTo(body);
            assertThat(queue.entries()).containsExactly(entry);
        }
    }

    @Test
    void commit_localOriginWithIpv6AndNoContent_roundTrips() throws IOException {
        Origin v6 = new Origin(InetAddress.getByName("2001:db8::25"), "[IPv6:2001:db8::25]", "local", Optional.empty());
        QueueId id;
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock());
                Submission submission = queue.begin(Sender.of(""), v6)) {
            submission.addRecipient(CAROL);
            id = submission.commit();
        }
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock())) {
            QueueEntry entry = queue.find(id).orElseThrow();
            assertThat(entry.origin()).isEqualTo(v6);
            assertThat(entry.sender().isNull()).isTrue();
            assertThat(entry.size()).isZero();
            assertThat(readContent(queue, id)).isEmpty();
        }
    }

    @Test
    void submission_beforeCommit_isInvisibleAndAbortLeavesNoFile() throws IOException {
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock())) {
            Submission submission = queue.begin(Sender.of("a@example.org"), origin());
            submission.addRecipient(CAROL);
            try (OutputStream out = submission.content()) {
                out.write(content(1, 100_000));
            }
            assertThat(queue.entries()).isEmpty();
            assertThat(filesIn(dir.resolve("queue"))).hasSize(1);
            submission.abort();
            submission.abort();
            assertThat(filesIn(dir.resolve("queue"))).isEmpty();
        }
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock())) {
            assertThat(queue.entries()).isEmpty();
        }
    }

    @Test
    void close_uncommittedSubmission_discardsIt() throws IOException {
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock())) {
            try (Submission submission = queue.begin(Sender.of("a@example.org"), origin())) {
                submission.addRecipient(CAROL);
                submission.content().write(content(2, 1000));
            }
            assertThat(filesIn(dir.resolve("queue"))).isEmpty();
            assertThat(queue.entries()).isEmpty();
        }
    }

    @Test
    void commit_withoutRecipients_isRefusedAndLeavesNothing() throws IOException {
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock());
                Submission submission = queue.begin(Sender.of("a@example.org"), origin())) {
            submission.content().write(content(3, 10));
            assertThatThrownBy(submission::commit).isInstanceOf(IllegalStateException.class).hasMessageContaining("recipient");
        }
        assertThat(filesIn(dir.resolve("queue"))).isEmpty();
    }

    @Test
    void commit_twice_isRefused() throws IOException {
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock());
                Submission submission = queue.begin(Sender.of("a@example.org"), origin())) {
            submission.addRecipient(CAROL);
            submission.commit();
            assertThatThrownBy(submission::commit).isInstanceOf(IllegalStateException.class);
            assertThat(queue.entries()).hasSize(1);
        }
    }

    @Test
    void update_nonFinalState_survivesReopen() throws IOException {
        QueueId id;
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock())) {
            id = commit(queue, FULL_SENDER, List.of(BOB, CAROL), content(4, 500));
            queue.update(id, 1, RecipientState.DEFERRED, T0.plusSeconds(300), Optional.of("451 4.7.1 try later"), false);
            queue.update(id, 1, RecipientState.DEFERRED, T0.plusSeconds(300), Optional.of("451 4.7.1 try later"), true);
            QueueEntry after = queue.update(id, 0, RecipientState.HELD, T0, Optional.empty(), false);
            assertThat(after.recipients().get(1).attempts()).isEqualTo(1);
        }
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock())) {
            List<RecipientStatus> recipients = queue.find(id).orElseThrow().recipients();
            assertThat(recipients.get(0)).isEqualTo(new RecipientStatus(BOB, RecipientState.HELD, 0, T0, Optional.empty(), false));
            assertThat(recipients.get(1)).isEqualTo(new RecipientStatus(CAROL, RecipientState.DEFERRED, 1,
                    T0.plusSeconds(300), Optional.of("451 4.7.1 try later"), true));
        }
    }

    @Test
    void update_releaseOfAHeldRecipient_isNoDeliveryAttempt() throws IOException {
        // semp-gateway queue hold, then release: queue show must still count the one attempt made.
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock())) {
            QueueId id = commit(queue, FULL_SENDER, List.of(BOB), content(6, 100));
            queue.update(id, 0, RecipientState.DEFERRED, T0.plusSeconds(300), Optional.of("451 4.4.1 no route"), false);
            queue.update(id, 0, RecipientState.HELD, T0.plusSeconds(300), Optional.of("451 4.4.1 no route"), false);
            QueueEntry released = queue.update(id, 0, RecipientState.DEFERRED, T0, Optional.of("451 4.4.1 no route"), false);
            assertThat(released.recipients().getFirst().attempts()).isEqualTo(1);
            QueueEntry retried = queue.update(id, 0, RecipientState.DEFERRED, T0.plusSeconds(300), Optional.of("451 4.4.1 no route"), false);
            assertThat(retried.recipients().getFirst().attempts()).isEqualTo(2);
        }
    }

    @Test
    void update_withReason_reasonSurvivesReopenBesideTheReply() throws IOException {
        DeliveryResult.Reason reason = new DeliveryResult.Reason("rate_limited", "slow down", Optional.of("4.7.0"));
        QueueId id;
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock())) {
            id = commit(queue, FULL_SENDER, List.of(BOB), content(5, 100));
            queue.update(id, 0, RecipientState.DEFERRED, T0.plusSeconds(60), Optional.of("semp; rate_limited: slow down"),
                    Optional.of(reason), false);
        }
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock())) {
            RecipientStatus bob = queue.find(id).orElseThrow().recipients().getFirst();
            assertThat(bob.lastReason()).contains(reason);
            assertThat(bob.lastReply()).contains("semp; rate_limited: slow down");
            queue.update(id, 0, RecipientState.DEFERRED, T0.plusSeconds(120), Optional.of("451 4.4.1 no route"), false);
            assertThat(queue.find(id).orElseThrow().recipients().getFirst().lastReason()).isEmpty();
        }
    }

    @Test
    void update_lastRecipientFinal_removesEntryAndFile() throws IOException {
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock())) {
            QueueId id = commit(queue, FULL_SENDER, List.of(BOB, CAROL), content(5, 500));
            QueueEntry half = queue.update(id, 0, RecipientState.DELIVERED, T0, Optional.of("250 ok"), false);
            assertThat(half.isDone()).isFalse();
            QueueEntry done = queue.update(id, 1, RecipientState.BOUNCED, T0, Optional.of("550 5.1.1 unknown"), false);
            assertThat(done.isDone()).isTrue();
            assertThat(queue.find(id)).isEmpty();
            assertThat(filesIn(dir.resolve("queue"))).isEmpty();
            assertThatThrownBy(() -> queue.update(id, 0, RecipientState.DELIVERED, T0, Optional.empty(), false))
                    .isInstanceOf(NoSuchFileException.class);
            assertThatThrownBy(() -> queue.openContent(id)).isInstanceOf(NoSuchFileException.class);
        }
    }

    @Test
    void update_recipientIndexOutOfRange_isRefused() throws IOException {
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock())) {
            QueueId id = commit(queue, FULL_SENDER, List.of(BOB), content(6, 10));
            assertThatThrownBy(() -> queue.update(id, 1, RecipientState.DELIVERED, T0, Optional.empty(), false))
                    .isInstanceOf(IndexOutOfBoundsException.class);
            assertThat(queue.find(id).orElseThrow().recipients().getFirst().state()).isEqualTo(RecipientState.QUEUED);
        }
    }

    @Test
    void delete_removesEntryForGood() throws IOException {
        QueueId kept;
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock())) {
            QueueId gone = commit(queue, FULL_SENDER, List.of(BOB), content(8, 10));
            kept = commit(queue, FULL_SENDER, List.of(BOB), content(9, 10));
            assertThat(queue.delete(gone)).isTrue();
            assertThat(queue.delete(gone)).isFalse();
            assertThat(queue.find(gone)).isEmpty();
        }
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock())) {
            assertThat(queue.entries()).extracting(QueueEntry::id).containsExactly(kept);
        }
    }

    @Test
    void entries_afterReopen_oldestFirst() throws IOException {
        List<QueueId> committed = new java.util.ArrayList<>();
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock())) {
            for (int i = 0; i < 5; i++) {
                committed.add(commit(queue, FULL_SENDER, List.of(BOB), content(i, 10)));
            }
        }
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock())) {
            assertThat(queue.entries()).extracting(QueueEntry::id).containsExactlyElementsOf(committed).isSorted();
            QueueId next = commit(queue, FULL_SENDER, List.of(BOB), content(5, 10));
            assertThat(next).isGreaterThan(committed.getLast());
        }
    }

    @Test
    void onCommit_slowListener_doesNotDelayCommit() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<QueueId> seen = new CopyOnWriteArrayList<>();
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock())) {
            queue.onCommit(entry -> {
                seen.add(entry.id());
                awaitQuietly(release);
            });
            QueueId first = commit(queue, FULL_SENDER, List.of(BOB), content(1, 10));
            QueueId second = commit(queue, FULL_SENDER, List.of(BOB), content(2, 10));
            await().atMost(Duration.ofSeconds(5)).until(() -> seen.contains(first));
            assertThat(seen).containsExactly(first);
            release.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 2);
            assertThat(seen).containsExactly(first, second);
        }
    }

    @Test
    void onCommit_throwingListener_keepsReceiving() throws IOException {
        List<QueueId> seen = new CopyOnWriteArrayList<>();
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock())) {
            queue.onCommit(entry -> {
                seen.add(entry.id());
                throw new IllegalStateException("listener bug");
            });
            commit(queue, FULL_SENDER, List.of(BOB), content(1, 10));
            commit(queue, FULL_SENDER, List.of(BOB), content(2, 10));
            await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 2);
        }
    }

    @Test
    void open_directoryAlreadyOpen_isRefused() throws IOException {
        try (FsQueue _ = FsQueue.open(dir, key(), fixedClock())) {
            assertThatThrownBy(() -> FsQueue.open(dir, key(), fixedClock()))
                    .isInstanceOf(IOException.class).hasMessageContaining("already open");
        }
    }

    @Test
    void open_withAnotherKey_isRefusedAndEntriesStay() throws IOException {
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock())) {
            commit(queue, FULL_SENDER, List.of(BOB), content(1, 10));
        }
        assertThatThrownBy(() -> FsQueue.open(dir, QueueKey.generate(), fixedClock()))
                .isInstanceOf(IOException.class).hasMessageContaining("different queue key");
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock())) {
            assertThat(queue.entries()).hasSize(1);
            assertThat(filesIn(dir.resolve("corrupt"))).isEmpty();
        }
    }

    @Test
    void close_thenUse_isRefused() throws IOException {
        FsQueue queue = FsQueue.open(dir, key(), fixedClock());
        Submission open = queue.begin(Sender.of("a@example.org"), origin());
        open.addRecipient(BOB);
        queue.close();
        assertThatThrownBy(open::commit).isInstanceOf(IOException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> queue.begin(Sender.of("a@example.org"), origin())).isInstanceOf(IllegalStateException.class);
        assertThat(filesIn(dir.resolve("queue"))).isEmpty();
    }

    @Test
    void queueIds_areValidFileNamesAndIncrease() throws IOException {
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock())) {
            QueueId a = commit(queue, FULL_SENDER, List.of(BOB), content(1, 10));
            QueueId b = commit(queue, FULL_SENDER, List.of(BOB), content(2, 10));
            assertThat(b).isGreaterThan(a);
            assertThat(Files.exists(dir.resolve("queue").resolve(a.value()))).isTrue();
        }
    }

    static List<Path> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
