package sempgw.smtp.egress.dsn;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sempgw.smtp.egress.client.EnhancedStatus;
import sempgw.smtp.egress.client.RemoteReply;
import sempgw.store.queue.QueueEntry;

/**
 * The body of the message/delivery-status part (RFC 3464 §2.1): per-message fields, then one
 * block of per-recipient fields for each recipient, blocks separated by an empty line.
 */
final class DeliveryStatusPart {

    static final String LOCAL_TYPE = "X-Sempgw";
    private static final Pattern BASIC_CODE = Pattern.compile("^([245])\\d\\d(?:[ -]|$)");
    /** A reply that names its own diagnostic type, as SEMP deferrals do ({@code semp; transport: ...}). */
    private static final Pattern TYPED = Pattern.compile("^[A-Za-z][A-Za-z0-9-]*; ");

    private DeliveryStatusPart() {
    }

    static String render(QueueEntry entry, List<RecipientNotice> notices, String reportingMta, boolean utf8) {
        StringBuilder sb = new StringBuilder();
        // RFC 3464 §2.2: per-message fields.
        sb.append(ReportFields.field("Reporting-MTA", "dns; " + reportingMta, utf8));
        entry.sender().envId().ifPresent(id -> sb.append(ReportFields.field("Original-Envelope-Id", id, utf8)));
        if (!entry.origin().protocol().equals("local")) {
            sb.append(ReportFields.field("Received-From-MTA", "dns; " + entry.origin().heloName(), utf8));
        }
        sb.append(ReportFields.field("Arrival-Date", ReportFields.date(entry.arrivedAt()), utf8));
        for (RecipientNotice n : notices) {
            sb.append("\r\n");
            recipient(sb, n, utf8);
        }
        return sb.toString();
    }

    /** RFC 3464 §2.3: per-recipient fields. */
    private static void recipient(StringBuilder sb, RecipientNotice n, boolean utf8) {
        n.recipient().orcpt().ifPresent(orcpt ->
                sb.append(ReportFields.field("Original-Recipient", ReportFields.originalRecipient(orcpt, utf8), utf8)));
        sb.append(ReportFields.field("Final-Recipient", ReportFields.typedAddress(n.recipient().address(), utf8), utf8));
        sb.append(ReportFields.field("Action", n.action().field(), utf8));
        sb.append(ReportFields.field("Status", status(n).toString(), utf8));
        Optional<RemoteReply> remote = n.remote();
        remote.ifPresent(r -> sb.append(ReportFields.field("Remote-MTA", "dns; " + r.hostName(), utf8)));
        String diagnostic = remote.map(r -> "smtp; " + r.reply()).orElseGet(() -> diagnosticCode(n));
        sb.append(ReportFields.field("Diagnostic-Code", diagnostic, utf8));
        sb.append(ReportFields.field("Last-Attempt-Date", ReportFields.date(n.lastAttempt()), utf8));
        if (n.action() == DsnAction.DELAYED) {
            n.willRetryUntil().ifPresent(until -> sb.append(ReportFields.field("Will-Retry-Until", ReportFields.date(until), utf8)));
        }
    }

    /**
     * The Diagnostic-Code (RFC 3464 §2.3.6): a reply that already names its type ({@code semp;
     * transport: connection refused}, how the SEMP agent words a deferral) as it is, else the
     * notice's type and the reply.
     */
    private static String diagnosticCode(RecipientNotice n) {
        return TYPED.matcher(n.reply()).find() ? n.reply() : diagnosticType(n) + "; " + n.reply();
    }

    /**
     * The Diagnostic-Code type (RFC 3464 §2.3.6): an {@code smtp} diagnostic must be an SMTP reply;
     * a local reason without a reply code (a DNS or connection failure) is typed {@value #LOCAL_TYPE},
     * as Postfix uses {@code X-Postfix}.
     */
    private static String diagnosticType(RecipientNotice n) {
        boolean smtpShaped = BASIC_CODE.matcher(n.reply()).find();
        return n.diagnosticType().equalsIgnoreCase("smtp") && !smtpShaped ? LOCAL_TYPE : n.diagnosticType();
    }

    /**
     * The Status (RFC 3464 §2.3.4): the status of the notice's reason code; else the enhanced code
     * in the reply; else {@code X.0.0} from its basic code; else, or when it does not fit the
     * action, {@code 5.0.0}, {@code 4.0.0} or {@code 2.0.0}.
     */
    static EnhancedStatus status(RecipientNotice n) {
        Optional<EnhancedStatus> coded = n.reasonStatus().filter(s -> n.action().fits(s.statusClass()));
        if (coded.isPresent()) {
            return coded.get();
        }
        String reply = n.remote().map(RemoteReply::reply).orElse(n.reply());
        Optional<EnhancedStatus> found = EnhancedStatus.find(reply);
        if (found.isEmpty()) {
            Matcher basic = BASIC_CODE.matcher(reply);
            if (basic.find()) {
                found = Optional.of(EnhancedStatus.undefined(basic.group(1).charAt(0) - '0'));
            }
        }
        return found.filter(s -> n.action().fits(s.statusClass()))
                .orElseGet(() -> EnhancedStatus.undefined(n.action().statusClass()));
    }
}
