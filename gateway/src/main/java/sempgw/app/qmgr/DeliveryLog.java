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
    private static final int MAX_PRINTED = 512;

    enum Status { SENT, DEFERRED, BOUNCED, EXPIRED, HELD }

    private DeliveryLog() {
    }

    static void event(QueueEntry entry, Recipient recipient, String relay, Instant now, Status status, String reply) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        long tenths = Math.max(0, Duration.between(entry.arrivedAt(), now).toMillis() + 50) / 100;
        StringBuilder line = new StringBuilder(160).append(entry.id()).append(": to=<");
        printable(recipient.address(), line).append(">, relay=").append(relay)
                .append(", delay=").append(tenths / 10).append('.').append(tenths % 10)
                .append(", status=").append(status.name().toLowerCase(java.util.Locale.ROOT)).append(" (");
        printable(reply, line).append(')');
        LOG.info(line.toString());
    }

    /** Control characters (a CR/LF in a remote reply could forge log lines) become '?'. */
    static String printable(String s) {
        return printable(s, new StringBuilder(Math.min(s.length(), MAX_PRINTED))).toString();
    }

    /** Appends at most {@value #MAX_PRINTED} code points of {@code s}, control characters as '?'. */
    private static StringBuilder printable(String s, StringBuilder out) {
        int printed = 0;
        for (int i = 0; i < s.length() && printed < MAX_PRINTED; printed++) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isISOControl(cp)) {
                out.append('?');
            } else {
                out.appendCodePoint(cp);
            }
        }
        return out;
    }
}
