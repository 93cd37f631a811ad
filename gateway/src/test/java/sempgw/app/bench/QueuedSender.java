package sempgw.app.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import sempgw.app.qmgr.QmgrSettings;
import sempgw.app.qmgr.QueueManager;
import sempgw.app.qmgr.RetryPolicy;
import sempgw.semp.egress.delivery.SempDeliverySettings;
import sempgw.semp.egress.delivery.SempRetrySchedule;
import sempgw.store.queue.FsQueue;
import sempgw.store.queue.Origin;
import sempgw.store.queue.QueueKey;
import sempgw.store.queue.Recipient;
import sempgw.store.queue.Submission;

/**
 * A sending domain's SEMP sender queue as {@code SempSender} runs it: an {@link FsQueue} of its
 * own (encrypted, fsync'd), a {@link QueueManager} with one delivery at a time per peer domain and
 * the SEMP retry schedule (DELIVERY.md §2.3), driving the domain's {@code SempDeliveryAgent}.
 * {@link #submit} commits a composed envelope as the SMTP-to-SEMP side will.
 */
final class QueuedSender implements AutoCloseable {
    private final FsQueue queue;
    private final QueueManager manager;

    private QueuedSender(FsQueue queue, QueueManager manager) {
        this.queue = queue;
        this.manager = manager;
    }

    static QueuedSender start(SendingDomain domain, Path dir) throws IOException {
        Clock clock = Clock.systemUTC();
        FsQueue queue;
        try (QueueKey key = QueueKey.loadOrCreate(dir.resolve("queue.key"))) {
            queue = FsQueue.open(dir.resolve("semp-queue"), key, clock);
        }
        Duration horizon = SempDeliverySettings.DEFAULT_RETRY_HORIZON;
        QmgrSettings settings = new QmgrSettings(1, SempRetrySchedule.FLOOR, SempRetrySchedule.CAP, horizon, Duration.ZERO,
                QmgrSettings.DEFAULT_ACTIVE_LIMIT, QmgrSettings.DEFAULT_SHUTDOWN_GRACE);
        QueueManager manager = new QueueManager(queue, domain.counted(), Recipient::domain, (entry, notices) -> {
        }, settings, clock, RetryPolicy.byAttempt(SempRetrySchedule::delay, horizon, new Random()));
        manager.start();
        return new QueuedSender(queue, manager);
    }

    /** Queues one composed envelope for {@value BenchKeys#MAILBOX}; durable when it returns. */
    void submit(ComposedMail mail) throws IOException {
        try (Submission s = queue.begin(mail.entry().sender(), Origin.local())) {
            s.addRecipient(Recipient.of(BenchKeys.MAILBOX));
            try (OutputStream out = s.content()) {
                out.write(mail.json());
            }
            s.commit();
        }
    }

    /** Entries still in the queue (not yet delivered). */
    int waiting() {
        return queue.entries().size();
    }

    @Override
    public void close() throws IOException {
        manager.close();
        queue.close();
    }
}
