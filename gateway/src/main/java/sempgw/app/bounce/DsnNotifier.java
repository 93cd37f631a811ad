package sempgw.app.bounce;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.app.config.Durations;
import sempgw.app.qmgr.Notice;
import sempgw.app.qmgr.Notifier;
import sempgw.smtp.egress.dsn.Dsn;
import sempgw.smtp.egress.dsn.DsnAction;
import sempgw.smtp.egress.dsn.DsnComposer;
import sempgw.smtp.egress.dsn.RecipientNotice;
import sempgw.store.queue.MessageQueue;
import sempgw.store.queue.Origin;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.QueueId;
import sempgw.store.queue.Submission;

/**
 * Composes a delivery status notification with smtp-egress's {@link DsnComposer} and queues it
 * like any other message, from the null sender with a local origin, so it is delivered (and
 * retried) by the same queue manager. An expired recipient is reported as failed with status
 * 4.4.7 (RFC 3463 §3.5, delivery time expired) and its last error; a delayed one with the time
 * retries stop (RFC 3464 §2.3.9 Will-Retry-Until).
 */
public final class DsnNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(DsnNotifier.class);

    private final MessageQueue queue;
    private final DsnComposer composer;
    private final Duration maxLifetime;
    private final Clock clock;

    public DsnNotifier(MessageQueue queue, DsnComposer composer, Duration maxLifetime, Clock clock) {
        this.queue = queue;
        this.composer = composer;
        this.maxLifetime = maxLifetime;
        this.clock = clock;
    }

    @Override
    public void send(QueueEntry entry, List<Notice> notices) throws IOException {
        Instant now = clock.instant();
        List<RecipientNotice> report = notices.stream().map(n -> toRecipientNotice(entry, n, now)).toList();
        Optional<Dsn> dsn = composer.compose(entry, report, () -> queue.openContent(entry.id()), now);
        if (dsn.isEmpty()) {
            return;
        }
        QueueId id;
        try (Submission s = queue.begin(dsn.get().sender(), Origin.local())) {
            s.addRecipient(dsn.get().recipient());
            try (OutputStream out = s.content()) {
                out.write(dsn.get().content());
            }
            id = s.commit();
        }
        LOG.info("{}: sender {} notification: {}", entry.id(), notices.getFirst().kind() == Notice.Kind.DELAYED ? "delay" : "non-delivery", id);
    }

    RecipientNotice toRecipientNotice(QueueEntry entry, Notice n, Instant now) {
        return switch (n.kind()) {
            case FAILED -> new RecipientNotice(n.recipient(), DsnAction.FAILED, n.diagnosticType(), n.reply(), now, Optional.empty(),
                    n.reason());
            case EXPIRED -> new RecipientNotice(n.recipient(), DsnAction.FAILED, n.diagnosticType(),
                    "4.4.7 delivery time expired: the message was undeliverable for " + Durations.format(maxLifetime)
                            + "; last error: " + n.reply(), now, Optional.empty());
            case DELAYED -> new RecipientNotice(n.recipient(), DsnAction.DELAYED, n.diagnosticType(), n.reply(), now,
                    Optional.of(entry.arrivedAt().plus(maxLifetime)), n.reason());
        };
    }
}
