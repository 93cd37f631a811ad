package sempgw.app.semp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sempgw.app.qmgr.Notice;
import sempgw.store.queue.Origin;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.QueueId;
import sempgw.store.queue.Recipient;
import sempgw.store.queue.RecipientState;
import sempgw.store.queue.RecipientStatus;
import sempgw.store.queue.Sender;

final class DeliveryFailureLogTest {
    @Test
    void send_failedRecipient_oneWarnLineWithIdDomainAndReason_neverTheLocalPartOrLineBreaks() {
        Recipient bob = Recipient.of("bob@b.test");
        Instant now = Instant.parse("2026-11-26T02:00:00Z");
        QueueEntry entry = new QueueEntry(new QueueId("Q7SEMP0001"), Sender.of("alice@a.test"),
                new Origin(InetAddress.getLoopbackAddress(), "a.test", SempOutbox.PROTOCOL, Optional.empty()),
                List.of(new RecipientStatus(bob, RecipientState.DEFERRED, 1, now, Optional.empty(), false)), now, 100);
        try (LogCapture log = new LogCapture()) {
            new DeliveryFailureLog().send(entry, List.of(new Notice(0, bob, Notice.Kind.FAILED, "semp", "blocked: refused\r\nFAKE line")));
            assertThat(log.matching("WARN", "Q7SEMP0001: semp delivery to b.test recipient #0 failed: blocked: refused??FAKE line")).hasSize(1);
            assertThat(log.matching("bob@")).isEmpty();
        }
    }
}
