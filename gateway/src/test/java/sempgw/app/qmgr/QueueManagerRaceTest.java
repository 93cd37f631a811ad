package sempgw.app.qmgr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import sempgw.app.testing.InMemoryQueue;
import sempgw.semp.egress.testing.MutableClock;
import sempgw.store.queue.DeliveryAgent;
import sempgw.store.queue.DeliveryResult;
import sempgw.store.queue.MessageQueue;
import sempgw.store.queue.Origin;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.QueueId;
import sempgw.store.queue.Recipient;
import sempgw.store.queue.RecipientState;
import sempgw.store.queue.Sender;
import sempgw.store.queue.Submission;

/** A delivery that finishes while the scheduler is reading its entry is not started a second time. */
final class QueueManagerRaceTest {
    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    /** An in-memory queue whose next read by the scheduler thread, once armed, runs {@code during} before it returns what it read. */
    static final class StallingQueue implements MessageQueue {
        final InMemoryQueue delegate;
        volatile Runnable during;

        StallingQueue(InMemoryQueue delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<QueueEntry> find(QueueId id) {
            Optional<QueueEntry> read = delegate.find(id);
            Runnable r = during;
            if (r != null && Thread.currentThread().getName().equals("qmgr")) {
                during = null;
                r.run();
            }
            return read;
        }

        @Override
        public Submission begin(Sender sender, Origin origin) {
            return delegate.begin(sender, origin);
        }

        @Override
        public List<QueueEntry> entries() {
            return delegate.entries();
        }

        @Override
        public InputStream openContent(QueueId id) throws IOException {
            return delegate.openContent(id);
        }

        @Override
        public QueueEntry update(QueueId id, int index, RecipientState state, Instant nextAttempt, Optional<String> reply, boolean delayNotified)
                throws IOException {
            return delegate.update(id, index, state, nextAttempt, reply, delayNotified);
        }

        @Override
        public QueueEntry update(QueueId id, int index, RecipientState state, Instant nextAttempt, Optional<String> reply,
                Optional<DeliveryResult.Reason> reason, boolean delayNotified) throws IOException {
            return delegate.update(id, index, state, nextAttempt, reply, reason, delayNotified);
        }

        @Override
        public boolean delete(QueueId id) {
            return delegate.delete(id);
        }

        @Override
        public void onCommit(Consumer<QueueEntry> listener) {
            delegate.onCommit(listener);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void dispatch_deliveryFinishesWhileTheEntryIsRead_recipientNotDeliveredTwice() throws Exception {
        MutableClock clock = new MutableClock(T0);
        StallingQueue queue = new StallingQueue(new InMemoryQueue(clock));
        CountDownLatch releaseB = new CountDownLatch(1);
        List<String> delivered = new CopyOnWriteArrayList<>();
        DeliveryAgent agent = (entry, recipients, content) -> {
            if (recipients.getFirst().domain().equals("two.example")) {
                try {
                    releaseB.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            recipients.forEach(r -> delivered.add(r.address()));
            return recipients.stream().map(r -> (DeliveryResult) new DeliveryResult.Delivered("250 2.0.0 ok")).toList();
        };
        try (QueueManager manager = new QueueManager(queue, agent, Recipient::domain, new RecordingNotifier(), QueueManagerTest.settings(20),
                clock, new SplittableRandom(7))) {
            manager.start();
            QueueId id;
            try (Submission s = queue.begin(Sender.of("alice@example.net"), Origin.local())) {
                s.addRecipient(Recipient.of("a@one.example"));
                s.addRecipient(Recipient.of("b@two.example"));
                s.content().write("Subject: hi\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII));
                id = s.commit();
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> delivered.contains("a@one.example") && !manager.inFlight(id, 0)
                    && manager.inFlight(id, 1));

            // The scheduler's next read of the entry sees b pending; before it goes on, b's delivery finishes.
            queue.during = () -> {
                releaseB.countDown();
                await().atMost(Duration.ofSeconds(5)).until(() -> !manager.inFlight(id, 1));
            };
            manager.forceRetry(id);

            await().atMost(Duration.ofSeconds(5)).until(() -> queue.during == null && queue.find(id).isEmpty());
            Thread.sleep(200);
            assertThat(delivered).containsExactlyInAnyOrder("a@one.example", "b@two.example");
        }
    }
}
