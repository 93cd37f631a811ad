package sempgw.app.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sempgw.app.qmgr.OperatorActions;
import sempgw.app.qmgr.QmgrSettings;
import sempgw.app.qmgr.QueueManager;
import sempgw.app.testing.InMemoryQueue;
import sempgw.semp.egress.testing.MutableClock;
import sempgw.store.queue.DeliveryResult;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.Recipient;
import sempgw.store.queue.RecipientState;
import sempgw.store.queue.RecipientStatus;
import sempgw.store.queue.Sender;

/** Queue commands through the real control socket against an in-memory queue and a running queue manager. */
final class QueueControlHandlerTest {
    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(T0);
    final InMemoryQueue queue = new InMemoryQueue(clock);
    QueueManager manager;
    ControlServer server;
    Path socket;
    QueueEntry deferred;

    @BeforeEach
    void start() throws Exception {
        RecipientStatus status = new RecipientStatus(Recipient.of("bob@example.org"), RecipientState.DEFERRED, 2,
                T0.plus(Duration.ofMinutes(30)), Optional.of("451 4.4.1 connection refused"), false);
        deferred = queue.put(Sender.of("alice@example.net"), T0.minusSeconds(600), List.of(status));
        manager = new QueueManager(queue, (entry, recipients, content) -> recipients.stream()
                .map(r -> (DeliveryResult) new DeliveryResult.Delivered("250 2.0.0 ok")).toList(),
                Recipient::domain, (entry, notices) -> { }, new QmgrSettings(20, Duration.ofMinutes(5), Duration.ofHours(1),
                        Duration.ofDays(5), Duration.ofHours(4), 100, Duration.ofSeconds(1)), clock, new SplittableRandom(3));
        manager.start();
        socket = dir.resolve("control.sock");
        server = ControlServer.start(socket, new QueueControlHandler(queue, new OperatorActions(queue, manager, clock)));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        manager.close();
    }

    ControlReply send(ControlRequest r) throws Exception {
        return ControlClient.send(socket, r);
    }

    @Test
    void list_deferredEntry_showsIdSenderAndPendingRecipientWithReply() throws Exception {
        ControlReply reply = send(new ControlRequest.ListEntries());
        assertThat(reply.code()).isEqualTo(200);
        assertThat(reply.lines().get(1)).startsWith(deferred.id().value()).contains("alice@example.net");
        assertThat(reply.lines().get(2)).contains("DEFERRED", "bob@example.org", "(451 4.4.1 connection refused)");
        assertThat(reply.lines().getLast()).isEqualTo("1 message in the queue");
    }

    @Test
    void show_existing_envelopeAndRecipientState() throws Exception {
        ControlReply reply = send(new ControlRequest.Show(deferred.id()));
        assertThat(reply.lines()).contains("queue id: " + deferred.id(), "sender: alice@example.net", "recipient 0: bob@example.org",
                "    state: DEFERRED, attempts: 2, next attempt: 2026-03-01T12:30:00Z", "    last reply: 451 4.4.1 connection refused");
    }

    @Test
    void holdThenRelease_recipientHeldThenDelivered() throws Exception {
        assertThat(send(new ControlRequest.Hold(deferred.id())).lines()).containsExactly(deferred.id() + ": 1 recipients held");
        assertThat(queue.latest(deferred.id()).recipients().getFirst().state()).isEqualTo(RecipientState.HELD);

        assertThat(send(new ControlRequest.Release(deferred.id())).ok()).isTrue();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> queue.find(deferred.id()).isEmpty());
        assertThat(queue.latest(deferred.id()).recipients().getFirst().state()).isEqualTo(RecipientState.DELIVERED);
    }

    @Test
    void flush_deferredRecipient_deliveredAtOnce() throws Exception {
        assertThat(send(new ControlRequest.Flush()).lines()).containsExactly("1 deferred recipients scheduled now");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> queue.find(deferred.id()).isEmpty());
    }

    @Test
    void delete_existing_removedAndSecondDeleteIs550() throws Exception {
        assertThat(send(new ControlRequest.Delete(deferred.id())).ok()).isTrue();
        assertThat(queue.find(deferred.id())).isEmpty();
        ControlReply again = send(new ControlRequest.Delete(deferred.id()));
        assertThat(again.code()).isEqualTo(550);
        assertThat(again.lines()).containsExactly(deferred.id() + ": no such message in the queue");
    }
}
