package sempgw.app.qmgr;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import sempgw.app.testing.InMemoryQueue;
import sempgw.store.queue.Origin;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.QueueId;
import sempgw.store.queue.Recipient;
import sempgw.store.queue.RecipientState;
import sempgw.store.queue.Sender;

final class DeliveryLogTest {
    final Logger logger = (Logger) LoggerFactory.getLogger(DeliveryLog.class);
    final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    Level previous;

    @BeforeEach
    void attach() {
        previous = logger.getLevel();
        logger.setLevel(Level.INFO);
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(appender);
        logger.setLevel(previous);
    }

    @Test
    void event_sent_oneLineWithQueueIdRecipientRelayDelayStatusAndReply() {
        Instant arrived = Instant.parse("2026-03-01T12:00:00Z");
        QueueEntry entry = new QueueEntry(new QueueId("ABCDEF123456"), Sender.of("a@example.net"), Origin.local(),
                List.of(InMemoryQueue.pending("bob@example.org", RecipientState.QUEUED, arrived)), arrived, 100);

        DeliveryLog.event(entry, Recipient.of("bob@example.org"), "[10.0.0.5]:2525", arrived.plus(Duration.ofMillis(1500)),
                DeliveryLog.Status.SENT, "250 2.0.0 Ok: queued as X");

        assertThat(appender.list).singleElement().extracting(ILoggingEvent::getFormattedMessage)
                .isEqualTo("ABCDEF123456: to=<bob@example.org>, relay=[10.0.0.5]:2525, delay=1.5, status=sent (250 2.0.0 Ok: queued as X)");
    }

    @Test
    void event_replyWithLineBreaks_staysOneLine() {
        Instant arrived = Instant.parse("2026-03-01T12:00:00Z");
        QueueEntry entry = new QueueEntry(new QueueId("ABCDEF123456"), Sender.of("a@example.net"), Origin.local(),
                List.of(InMemoryQueue.pending("bob@example.org", RecipientState.QUEUED, arrived)), arrived, 100);

        DeliveryLog.event(entry, Recipient.of("bob@example.org"), "example.org", arrived, DeliveryLog.Status.DEFERRED, "451 busy\r\nFAKE: line");

        assertThat(appender.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .doesNotContain("\n").doesNotContain("\r").contains("status=deferred (451 busy??FAKE: line)");
    }

    @Test
    void record_routeLearntDuringTheAttempt_loggedUnderTheDestinationItResolvesToAfterwards() throws Exception {
        Instant now = Instant.parse("2026-03-01T12:00:00Z");
        java.time.Clock clock = java.time.Clock.fixed(now, java.time.ZoneOffset.UTC);
        InMemoryQueue queue = new InMemoryQueue(clock);
        QueueEntry entry = queue.put(Sender.of("a@example.net"), now,
                List.of(InMemoryQueue.pending("bob@b.test", RecipientState.QUEUED, now), InMemoryQueue.pending("eve@c.test", RecipientState.QUEUED, now)));
        java.util.Set<String> sempDomains = java.util.Set.of("b.test");
        ResultRecorder recorder = new ResultRecorder(queue, (e, notices) -> { }, RetryPolicy.exponential(Duration.ofMinutes(5),
                Duration.ofHours(1), Duration.ofDays(5), new java.util.SplittableRandom(7)), QueueManagerTest.settings(4), clock,
                r -> sempDomains.contains(r.domain()) ? "semp:" + r.domain() : "smtp:relay.example:25");

        recorder.record(new Batch(entry, "smtp:relay.example:25", List.of(0, 1), false), List.of(
                new sempgw.store.queue.DeliveryResult.Delivered("semp; delivered, receipt signed by key ab at 2026-03-01T12:00:00Z"),
                new sempgw.store.queue.DeliveryResult.Deferred("451 4.3.0 busy")));

        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage).satisfiesExactlyInAnyOrder(
                line -> assertThat(line).contains("to=<bob@b.test>, relay=semp:b.test,", "status=sent (semp; delivered"),
                line -> assertThat(line).contains("to=<eve@c.test>, relay=smtp:relay.example:25,", "status=deferred (451 4.3.0 busy)"));
    }
}
