package sempgw.app.qmgr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sempgw.app.bounce.DsnNotifier;
import sempgw.smtp.egress.dsn.DsnComposer;
import sempgw.store.queue.DeliveryResult;
import sempgw.store.queue.DeliveryResult.Reason;
import sempgw.store.queue.FsQueue;
import sempgw.store.queue.Origin;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.QueueId;
import sempgw.store.queue.QueueKey;
import sempgw.store.queue.Recipient;
import sempgw.store.queue.Sender;
import sempgw.store.queue.Submission;

/**
 * A result's reason code goes from the delivery agent into the encrypted queue record and the DSN:
 * the bounce's Status is the reason's RFC 3463 status whatever the reply text says, and a
 * deferral's reason survives a restart for {@code queue show} and the expiry report.
 */
final class ResultRecorderReasonTest {
    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void record_sempFailureAndDeferral_dsnStatusFromTheReason_deferralReasonSurvivesRestart() throws IOException {
        Reason notFound = new Reason("recipient_not_found", "no such mailbox", Optional.of("5.1.1"));
        Reason silent = new Reason("silent", "no acknowledgment within 30 s", Optional.of("4.4.2"));
        QueueId id;
        try (QueueKey key = QueueKey.loadOrCreate(dir.resolve("queue.key"));
             FsQueue queue = FsQueue.open(dir.resolve("queue"), key, clock)) {
            id = submit(queue);
            QueueEntry entry = queue.find(id).orElseThrow();
            ResultRecorder recorder = new ResultRecorder(queue, new DsnNotifier(queue, new DsnComposer("gw.example.net",
                    DsnComposer.DEFAULT_MAX_RETURNED_SIZE, new Random(7)), Duration.ofDays(5), clock),
                    RetryPolicy.exponential(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(5), new SplittableRandom(7)),
                    QueueManagerTest.settings(4), clock, r -> "b.test");

            recorder.settle(id, recorder.record(new Batch(entry, "b.test", List.of(0, 1), false), List.of(
                    new DeliveryResult.Failed("semp", "the peer says 4.0.0 whatever (reworded)", notFound),
                    new DeliveryResult.Deferred("semp; silent: no acknowledgment within 30 s", silent))));

            QueueEntry dsn = queue.entries().stream().filter(e -> e.sender().isNull()).findFirst().orElseThrow();
            String report;
            try (InputStream in = queue.openContent(dsn.id())) {
                report = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(report).contains("Final-Recipient: rfc822; bob@b.test", "Status: 5.1.1",
                    "Diagnostic-Code: semp; the peer says 4.0.0 whatever (reworded)").doesNotContain("Status: 4.0.0", "Status: 5.0.0");
        }
        try (QueueKey key = QueueKey.loadOrCreate(dir.resolve("queue.key"));
             FsQueue queue = FsQueue.open(dir.resolve("queue"), key, clock)) {
            var carol = queue.find(id).orElseThrow().recipients().get(1);
            assertThat(carol.lastReason()).contains(silent);
            assertThat(carol.lastReply()).contains("semp; silent: no acknowledgment within 30 s");
        }
    }

    private static QueueId submit(FsQueue queue) throws IOException {
        try (Submission s = queue.begin(Sender.of("alice@a.test"), Origin.local())) {
            s.addRecipient(Recipient.of("bob@b.test"));
            s.addRecipient(Recipient.of("carol@b.test"));
            try (OutputStream out = s.content()) {
                out.write("Subject: hi\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            return s.commit();
        }
    }
}
