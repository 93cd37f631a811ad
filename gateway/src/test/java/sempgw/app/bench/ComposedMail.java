package sempgw.app.bench;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import sempgw.store.queue.DeliveryAgent;
import sempgw.store.queue.Origin;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.QueueId;
import sempgw.store.queue.Recipient;
import sempgw.store.queue.RecipientState;
import sempgw.store.queue.RecipientStatus;
import sempgw.store.queue.Sender;

/**
 * One envelope as the SEMP sender queue holds it: the composed, unsealed envelope's JSON and the
 * queue entry the queue manager would hand {@code SempDeliveryAgent.deliver}.
 */
record ComposedMail(String fromDomain, byte[] json, QueueEntry entry, List<Recipient> recipients) {

    static ComposedMail of(String fromDomain, String id, byte[] json, Instant queuedAt) {
        List<Recipient> recipients = List.of(Recipient.of(BenchKeys.MAILBOX));
        List<RecipientStatus> statuses = List.of(new RecipientStatus(recipients.getFirst(), RecipientState.QUEUED, 0, queuedAt,
                Optional.empty(), false));
        Origin origin = new Origin(InetAddress.getLoopbackAddress(), "localhost", "SEMP", Optional.empty());
        QueueEntry entry = new QueueEntry(new QueueId(id), Sender.of("alice@" + fromDomain), origin, statuses, queuedAt, json.length);
        return new ComposedMail(fromDomain, json, entry, recipients);
    }

    DeliveryAgent.ContentSource content() {
        return () -> new ByteArrayInputStream(json);
    }
}
