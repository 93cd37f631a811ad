package sempgw.smtp.egress.dsn;

import java.util.List;
import java.util.Optional;
import java.time.Instant;

/**
 * The human-readable first part of a DSN (RFC 6522 §3: the first part of a multipart/report
 * explains the report to a person). Plain words, one paragraph per situation, then one line
 * per recipient with the reason.
 */
final class NotificationText {

    private NotificationText() {
    }

    static String render(String reportingMta, List<RecipientNotice> notices, ReturnedContent returned, long maxFull) {
        StringBuilder sb = new StringBuilder();
        sb.append("This is the mail system at host ").append(reportingMta).append(".\r\n\r\n");
        List<RecipientNotice> failed = of(notices, DsnAction.FAILED);
        List<RecipientNotice> delayed = of(notices, DsnAction.DELAYED);
        List<RecipientNotice> succeeded = notices.stream().filter(n -> n.action().statusClass() == 2).toList();
        if (!failed.isEmpty()) {
            sb.append("Your message could not be delivered to the recipients below. This is a permanent\r\n")
              .append("error; the mail system has given up. The reason is given for each recipient.\r\n\r\n");
            list(sb, failed);
        }
        if (!delayed.isEmpty()) {
            Optional<Instant> until = delayed.stream().flatMap(n -> n.willRetryUntil().stream()).max(Instant::compareTo);
            sb.append("Your message has not been delivered yet to the recipients below. The mail system\r\n")
              .append("will keep trying").append(until.map(u -> " until " + ReportFields.date(u)).orElse(""))
              .append("; you do not need to send it again.\r\n\r\n");
            list(sb, delayed);
        }
        if (!succeeded.isEmpty()) {
            sb.append("Your message was delivered to the recipients below, or handed on to a system\r\n")
              .append("that does not report delivery, as you asked.\r\n\r\n");
            list(sb, succeeded);
        }
        if (returned.truncated()) {
            sb.append("The original message was larger than ").append(maxFull)
              .append(" bytes, so only its header section is attached.\r\n");
        }
        return sb.toString();
    }

    private static List<RecipientNotice> of(List<RecipientNotice> notices, DsnAction action) {
        return notices.stream().filter(n -> n.action() == action).toList();
    }

    private static void list(StringBuilder sb, List<RecipientNotice> notices) {
        for (RecipientNotice n : notices) {
            sb.append("<").append(n.recipient().address()).append(">: ")
              .append(n.reply().replaceAll("[\\r\\n]+", " ")).append("\r\n");
        }
        sb.append("\r\n");
    }
}
