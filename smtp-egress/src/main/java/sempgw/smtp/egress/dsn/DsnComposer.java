package sempgw.smtp.egress.dsn;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import sempgw.smtp.egress.client.XText;
import sempgw.store.queue.DeliveryAgent.ContentSource;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.Recipient;
import sempgw.store.queue.Sender;

/**
 * Composes delivery status notifications (Postfix's bounce(8) role): a multipart/report
 * (RFC 6522 §3) with report-type delivery-status, holding a human-readable part, a
 * message/delivery-status part (RFC 3464 §2) and the original message or its header section.
 *
 * <ol>
 *   <li>A message from the null sender never gets a DSN (RFC 3461 §6.2, RFC 5321 §4.5.5): empty.</li>
 *   <li>Only recipients whose NOTIFY asks for this kind of report are listed (RFC 3461 §4.1;
 *       the default is FAILURE and DELAY); none left: empty.</li>
 *   <li>RET=HDRS returns the header section, RET=FULL the whole message (RFC 3461 §4.3); without
 *       RET, failures return the whole message and other reports the headers. A message over
 *       {@code maxReturnedSize} is returned as headers only, with a note.</li>
 *   <li>A message sent with SMTPUTF8 gets the internationalised forms: message/global-delivery-status,
 *       message/global, message/global-headers (RFC 6533 §6) and {@code utf-8} addresses (RFC 6533 §3).</li>
 * </ol>
 */
public final class DsnComposer {

    /** The default cap on a returned message (larger ones are returned as headers only). */
    public static final long DEFAULT_MAX_RETURNED_SIZE = 1024 * 1024;

    private final String reportingMta;
    private final long maxReturnedSize;
    private final RandomGenerator random;

    /**
     * @param reportingMta our host name, for Reporting-MTA and the From address
     * @param maxReturnedSize the largest original message returned whole, in octets
     */
    public DsnComposer(String reportingMta, long maxReturnedSize, RandomGenerator random) {
        this.reportingMta = Objects.requireNonNull(reportingMta);
        this.maxReturnedSize = maxReturnedSize;
        this.random = Objects.requireNonNull(random);
    }

    /**
     * @param original opens the original message content
     * @param now the report's Date
     * @return the DSN to queue, or empty when none is due
     * @throws IOException the original content could not be read; the caller retries later
     */
    public Optional<Dsn> compose(QueueEntry entry, List<RecipientNotice> notices, ContentSource original, Instant now) throws IOException {
        Sender sender = entry.sender();
        if (sender.isNull()) {
            return Optional.empty();
        }
        List<RecipientNotice> wanted = notices.stream().filter(n -> n.recipient().wants(n.action().condition())).toList();
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        boolean anyFailed = wanted.stream().anyMatch(n -> n.action() == DsnAction.FAILED);
        boolean full = sender.ret().map(r -> r == Sender.DsnRet.FULL).orElse(anyFailed);
        ReturnedContent returned = ReturnedContent.read(original, full, maxReturnedSize);
        boolean utf8 = sender.smtpUtf8() || !XText.isAscii(sender.reversePath());
        byte[] content = assemble(entry, wanted, returned, utf8, now);
        Sender nullSender = new Sender("", Optional.empty(), Optional.empty(),
                returned.eightBit() || utf8 ? Sender.BodyType.EIGHT_BIT_MIME : Sender.BodyType.SEVEN_BIT, utf8);
        return Optional.of(new Dsn(nullSender, Recipient.of(sender.reversePath()), content));
    }

    private byte[] assemble(QueueEntry entry, List<RecipientNotice> notices, ReturnedContent returned, boolean utf8, Instant now)
            throws IOException {
        String boundary = "=_sempgw_" + HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextLong());
        ByteArrayOutputStream out = new ByteArrayOutputStream(returned.bytes().length + 4096);
        String reportType = utf8 ? "global-delivery-status" : "delivery-status";
        ascii(out, ReportFields.field("From", "Mail Delivery System <MAILER-DAEMON@" + reportingMta + ">", false));
        utf8(out, ReportFields.field("To", "<" + entry.sender().reversePath() + ">", utf8));
        ascii(out, ReportFields.field("Subject", subject(notices), false));
        ascii(out, ReportFields.field("Date", ReportFields.date(now), false));
        ascii(out, ReportFields.field("Message-ID", "<" + now.toEpochMilli() + "." + HexFormat.of().toHexDigits(random.nextLong())
                + "@" + reportingMta + ">", false));
        ascii(out, ReportFields.field("Auto-Submitted", "auto-replied", false)); // RFC 3834 §5
        ascii(out, "MIME-Version: 1.0\r\n");
        ascii(out, "Content-Type: multipart/report; report-type=" + reportType + ";\r\n\tboundary=\"" + boundary + "\"\r\n\r\n");
        ascii(out, "This is a MIME-encapsulated message.\r\n\r\n");

        ascii(out, "--" + boundary + "\r\nContent-Description: Notification\r\n");
        humanReadable(out, NotificationText.render(reportingMta, notices, returned, maxReturnedSize));

        ascii(out, "--" + boundary + "\r\nContent-Description: Delivery report\r\n");
        ascii(out, "Content-Type: message/" + reportType + "\r\n" + (utf8 ? "Content-Transfer-Encoding: 8bit\r\n" : "") + "\r\n");
        utf8(out, DeliveryStatusPart.render(entry, notices, reportingMta, utf8));

        ascii(out, "--" + boundary + "\r\n");
        ascii(out, "Content-Description: " + (returned.full() ? "Undelivered Message" : "Message Headers") + "\r\n");
        String type = returned.full() ? (utf8 ? "message/global" : "message/rfc822") : (utf8 ? "message/global-headers" : "text/rfc822-headers");
        ascii(out, "Content-Type: " + type + "\r\n" + (returned.eightBit() ? "Content-Transfer-Encoding: 8bit\r\n" : "") + "\r\n");
        out.write(returned.bytes());
        ascii(out, "\r\n--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    private static String subject(List<RecipientNotice> notices) {
        if (notices.stream().anyMatch(n -> n.action() == DsnAction.FAILED)) {
            return "Undelivered Mail Returned to Sender";
        }
        if (notices.stream().anyMatch(n -> n.action() == DsnAction.DELAYED)) {
            return "Delayed Mail (still being retried)";
        }
        return "Successful Mail Delivery Report";
    }

    /** UTF-8 text, quoted-printable when it is not plain short ASCII lines (RFC 2045 §6.7). */
    private static void humanReadable(ByteArrayOutputStream out, String text) throws IOException {
        boolean plain = XText.isAscii(text) && text.lines().allMatch(l -> l.length() <= 998);
        ascii(out, "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: " + (plain ? "7bit" : "quoted-printable") + "\r\n\r\n");
        if (plain) {
            ascii(out, text);
            return;
        }
        try (OutputStream qp = MimeUtility.encode(nonClosing(out), "quoted-printable")) {
            qp.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (MessagingException e) {
            throw new IOException("quoted-printable encoder unavailable", e);
        }
        ascii(out, "\r\n");
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static void utf8(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
