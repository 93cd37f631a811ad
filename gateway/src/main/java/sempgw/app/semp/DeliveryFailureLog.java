package sempgw.app.semp;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.app.qmgr.Notice;
import sempgw.app.qmgr.Notifier;
import sempgw.store.queue.QueueEntry;

/**
 * The SEMP sender queue's {@link Notifier}: a terminal failure (a refusal the peer means, or the
 * retry horizon of DELIVERY.md §2.4 reached) is logged at WARN, one line per recipient, with the
 * queue id, the peer domain, the recipient's index and the reason code; the local part stays out
 * of the log. No SMTP DSN is queued: the entry holds a SEMP envelope, not a MIME message, so there
 * is nothing to quote in an RFC 3464 report; the SEMP-to-SMTP bridge will turn these into DSNs.
 */
final class DeliveryFailureLog implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryFailureLog.class);

    @Override
    public void send(QueueEntry entry, List<Notice> notices) {
        for (Notice n : notices) {
            LOG.warn("{}: semp delivery to {} recipient #{} {}: {} (sender not notified)", entry.id(), n.recipient().domain(), n.index(),
                    n.kind().name().toLowerCase(java.util.Locale.ROOT), printable(n.reply()));
        }
    }

    /** The reply may quote the peer: control characters (a forged log line) become '?', and it is cut at 512 characters. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), 512));
        s.codePoints().limit(512).forEach(cp -> b.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        return b.toString();
    }
}
