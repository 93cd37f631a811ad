package sempgw.app.qmgr;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.Recipient;

/**
 * One log line per delivery event, in Postfix's shape:
 * {@code 7QKZ3M2A9F: to=<bob@example.org>, relay=example.org, delay=0.4, status=sent (250 2.0.0 ok)}.
 * Carries the queue id, recipient, relay, delay since arrival, status and the remote reply;
 * never message content.
 */
final class DeliveryLog {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLog.class);

    enum Status { SENT, DEFERRED, BOUNCED, EXPIRED, HELD }

    private DeliveryLog() {
    }

    static void event(QueueEntry entry, Recipient recipient, String relay, Instant now, Status status, String reply) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        double delay = Duration.between(entry.arrivedAt(), now).toMillis() / 1000.0;
        String line = String.format(java.util.Locale.ROOT, "%s: to=<%s>, relay=%s, delay=%.1f, status=%s (%s)",
                entry.id(), printable(recipient.address()), relay, delay, status.name().toLowerCase(java.util.Locale.ROOT), printable(reply));
        LOG.info(line);
    }

    /** Control characters (a CR/LF in a remote reply could forge log lines) become '?'. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), 512));
        s.codePoints().limit(512).forEach(cp -> b.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        return b.toString();
    }
}
