package sempgw.app.qmgr;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.store.queue.DeliveryResult;
import sempgw.store.queue.MessageQueue;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.QueueId;
import sempgw.store.queue.Recipient;
import sempgw.store.queue.RecipientState;
import sempgw.store.queue.RecipientStatus;

/**
 * Turns a delivery agent's per-recipient results into queue state, notices and log lines.
 * {@link #record} applies at once what needs no notice:
 * <ol>
 *   <li>Delivered: DELIVERED.</li>
 *   <li>Deferred, recipient put on hold meanwhile: stays HELD.</li>
 *   <li>Deferred, no notice due: DEFERRED until the {@link RetryPolicy}'s time.</li>
 * </ol>
 * and returns the rest as {@link Pending} notices, which {@link #settle} turns into one failure
 * notice and one delay notice for all of them, so that the queue manager can gather the notices
 * of an entry's batches to several destinations into one notification per kind:
 * <ol>
 *   <li>Failed: a failure notice if wanted, then BOUNCED.</li>
 *   <li>Deferred, message older than its lifetime: an expiry notice if wanted, then BOUNCED
 *       (RFC 5321 §4.5.4.1: give up after 4-5 days).</li>
 *   <li>Deferred past the warning age: DEFERRED, with a delay notice the first time, if wanted
 *       (RFC 3461 §4.1).</li>
 * </ol>
 * A recipient becomes BOUNCED only after its notice is durably queued: if queuing the notice
 * fails, the recipient stays DEFERRED and the bounce is tried again later. A log line names the
 * recipient's destination as resolved after the attempt, so the first message to a domain that
 * the attempt found speaking SEMP is logged under {@code semp:<domain>}, as the rest will be.
 */
final class ResultRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(ResultRecorder.class);

    private final MessageQueue queue;
    private final Notifier notifier;
    private final RetryPolicy retries;
    private final QmgrSettings settings;
    private final Clock clock;
    private final DestinationResolver destinations;

    ResultRecorder(MessageQueue queue, Notifier notifier, RetryPolicy retries, QmgrSettings settings, Clock clock,
            DestinationResolver destinations) {
        this.queue = queue;
        this.destinations = destinations;
        this.notifier = notifier;
        this.retries = retries;
        this.settings = settings;
        this.clock = clock;
    }

    /** A failure or delay still to be recorded (and notified, if wanted), and the destination its log line names. */
    record Pending(Notice notice, String relay) {
        boolean delay() {
            return notice.kind() == Notice.Kind.DELAYED;
        }
    }

    /**
     * Records what needs no notice and returns the failures and delays, for {@link #settle};
     * their recipients stay as they were on disk until then.
     */
    List<Pending> record(Batch batch, List<DeliveryResult> results) throws IOException {
        Optional<QueueEntry> found = queue.find(batch.entry().id());
        if (found.isEmpty()) {
            LOG.info("{}: removed from the queue during delivery; results not recorded", batch.entry().id());
            return List.of();
        }
        QueueEntry entry = found.get();
        Instant now = clock.instant();
        boolean expired = !now.isBefore(entry.arrivedAt().plus(settings.maxLifetime()));
        List<Pending> notices = new ArrayList<>();
        for (int k = 0; k < results.size(); k++) {
            int index = batch.indices().get(k);
            RecipientStatus status = entry.recipients().get(index);
            switch (results.get(k)) {
                case DeliveryResult.Delivered d -> {
                    queue.update(entry.id(), index, RecipientState.DELIVERED, now, Optional.of(d.reply()), status.delayNotified());
                    DeliveryLog.event(entry, status.recipient(), relay(batch, status.recipient()), now, DeliveryLog.Status.SENT, d.reply());
                }
                case DeliveryResult.Failed f -> notices.add(new Pending(
                        new Notice(index, status.recipient(), Notice.Kind.FAILED, f.diagnosticType(), f.reply(), f.reason()),
                        relay(batch, status.recipient())));
                case DeliveryResult.Deferred d when expired -> notices.add(new Pending(
                        new Notice(index, status.recipient(), Notice.Kind.EXPIRED, "smtp", d.reply(), d.reason()),
                        relay(batch, status.recipient())));
                case DeliveryResult.Deferred d when status.state() == RecipientState.HELD -> {
                    queue.update(entry.id(), index, RecipientState.HELD, status.nextAttempt(), Optional.of(d.reply()), d.reason(),
                            status.delayNotified());
                    DeliveryLog.event(entry, status.recipient(), relay(batch, status.recipient()), now, DeliveryLog.Status.HELD, d.reply());
                }
                case DeliveryResult.Deferred d when wantsDelayNotice(entry, status, now) -> notices.add(new Pending(
                        new Notice(index, status.recipient(), Notice.Kind.DELAYED, "smtp", d.reply(), d.reason()),
                        relay(batch, status.recipient())));
                case DeliveryResult.Deferred d ->
                        defer(entry, relay(batch, status.recipient()), index, status.delayNotified(), d.reply(), d.reason(), now);
            }
        }
        return notices;
    }

    /**
     * Sends one failure notice (failures and expiries) and one delay notice for {@code notices},
     * which may come from several batches of the entry, and records their recipients' states.
     */
    void settle(QueueId id, List<Pending> notices) throws IOException {
        if (notices.isEmpty()) {
            return;
        }
        Optional<QueueEntry> found = queue.find(id);
        if (found.isEmpty()) {
            LOG.info("{}: removed from the queue during delivery; {} notices not sent", id, notices.size());
            return;
        }
        Instant now = clock.instant();
        bounce(found.get(), notices.stream().filter(p -> !p.delay()).toList(), now);
        warn(found.get(), notices.stream().filter(Pending::delay).toList(), now);
    }

    private String relay(Batch batch, Recipient recipient) {
        return batch.expired() ? batch.destination() : destinations.destinationOf(recipient);
    }

    private boolean wantsDelayNotice(QueueEntry entry, RecipientStatus status, Instant now) {
        Duration after = settings.delayWarningAfter();
        return !after.isZero() && !status.delayNotified() && !entry.sender().isNull()
                && status.recipient().wants(Recipient.Notify.DELAY)
                && !now.isBefore(entry.arrivedAt().plus(after));
    }

    private void bounce(QueueEntry entry, List<Pending> failures, Instant now) throws IOException {
        List<Notice> wanted = failures.stream().map(Pending::notice)
                .filter(n -> !entry.sender().isNull() && n.recipient().wants(Recipient.Notify.FAILURE)).toList();
        if (!wanted.isEmpty() && !notify(entry, wanted)) {
            for (Pending p : failures) {
                Notice n = p.notice();
                defer(entry, p.relay(), n.index(), notified(entry, n), n.reply() + " (bounce not queued yet)", n.reason(), now);
            }
            return;
        }
        for (Pending p : failures) {
            Notice n = p.notice();
            queue.update(entry.id(), n.index(), RecipientState.BOUNCED, now, Optional.of(n.reply()), n.reason(), notified(entry, n));
            DeliveryLog.Status status = n.kind() == Notice.Kind.EXPIRED ? DeliveryLog.Status.EXPIRED : DeliveryLog.Status.BOUNCED;
            DeliveryLog.event(entry, n.recipient(), p.relay(), now, status, n.reply());
        }
    }

    private void warn(QueueEntry entry, List<Pending> delays, Instant now) throws IOException {
        boolean sent = !delays.isEmpty() && notify(entry, delays.stream().map(Pending::notice).toList());
        for (Pending p : delays) {
            Notice n = p.notice();
            defer(entry, p.relay(), n.index(), sent, n.reply(), n.reason(), now);
        }
    }

    private void defer(QueueEntry entry, String relay, int index, boolean delayNotified, String reply,
            Optional<DeliveryResult.Reason> reason, Instant now) throws IOException {
        Instant next = retries.nextAttempt(entry.arrivedAt(), entry.recipients().get(index).attempts() + 1, now, relay);
        queue.update(entry.id(), index, RecipientState.DEFERRED, next, Optional.of(reply), reason, delayNotified);
        DeliveryLog.event(entry, entry.recipients().get(index).recipient(), relay, now, DeliveryLog.Status.DEFERRED, reply);
    }

    private static boolean notified(QueueEntry entry, Notice n) {
        return entry.recipients().get(n.index()).delayNotified();
    }

    private boolean notify(QueueEntry entry, List<Notice> notices) {
        try {
            notifier.send(entry, notices);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: cannot queue a {} notice to the sender: {}", entry.id(), notices.getFirst().kind(), e.toString());
            return false;
        }
    }
}
