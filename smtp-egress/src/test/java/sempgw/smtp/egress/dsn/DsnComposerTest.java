package sempgw.smtp.egress.dsn;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sempgw.smtp.egress.fake.Entries;
import sempgw.store.queue.DeliveryResult;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.Recipient;
import sempgw.store.queue.Recipient.Notify;
import sempgw.store.queue.Sender;

final class DsnComposerTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant ATTEMPT = Instant.parse("2026-03-02T07:59:00Z");
    private static final String ORIGINAL = "From: alice@example.com\r\nTo: bob@example.org\r\nSubject: report\r\n\r\nThe body text.\r\n";
    private static final String REMOTE_550 = "host mx.example.org[192.0.2.1]:25 said: 550 5.1.1 <bob@example.org>: no such user (in reply to RCPT TO command)";

    private final DsnComposer composer = new DsnComposer("gw.example.net", DsnComposer.DEFAULT_MAX_RETURNED_SIZE, new Random(7));

    private static Sender sender(Optional<Sender.DsnRet> ret, Optional<String> envId) {
        return new Sender("alice@example.com", ret, envId, Sender.BodyType.SEVEN_BIT, false);
    }

    private Optional<Dsn> compose(Sender sender, List<RecipientNotice> notices, String original) throws IOException {
        QueueEntry entry = Entries.entry(sender, notices.stream().map(RecipientNotice::recipient).toList(), original.length());
        return composer.compose(entry, notices, Entries.content(original), NOW);
    }

    private static RecipientNotice failed(Recipient r, String reply) {
        return RecipientNotice.of(r, new DeliveryResult.Failed("smtp", reply), ATTEMPT, Optional.empty());
    }

    /** Parsed DSN: the message, its parts, and the delivery-status blocks. */
    private record Parsed(MimeMessage message, MimeMultipart parts, InternetHeaders perMessage, List<InternetHeaders> perRecipient) {
        BodyPart part(int i) throws MessagingException {
            return parts.getBodyPart(i);
        }

        String text() throws Exception {
            return (String) part(0).getContent();
        }

        byte[] returned() throws Exception {
            try (InputStream in = part(2).getInputStream()) {
                return in.readAllBytes();
            }
        }
    }

    private static Parsed parse(Dsn dsn) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), dsn.open());
        MimeMultipart parts = (MimeMultipart) message.getContent();
        byte[] status;
        try (InputStream in = ((jakarta.mail.internet.MimeBodyPart) parts.getBodyPart(1)).getRawInputStream()) {
            status = in.readAllBytes();
        }
        ByteArrayInputStream in = new ByteArrayInputStream(status);
        InternetHeaders perMessage = new InternetHeaders(in);
        List<InternetHeaders> perRecipient = new ArrayList<>();
        while (in.available() > 0) {
            perRecipient.add(new InternetHeaders(in));
        }
        return new Parsed(message, parts, perMessage, perRecipient);
    }

    private static String field(InternetHeaders headers, String name) {
        String value = headers.getHeader(name, null);
        return value == null ? null : value.replaceAll("\\r\\n\\s+", " ");
    }

    @Test
    void compose_failedWithRetHdrs_everyFieldAndHeadersOnly() throws Exception {
        Recipient bob = new Recipient("bob@example.org", Set.of(), Optional.of("rfc822;Bob@Example.org"));

        Dsn dsn = compose(sender(Optional.of(Sender.DsnRet.HDRS), Optional.of("ENV-1234")), List.of(failed(bob, REMOTE_550)), ORIGINAL).orElseThrow();
        Parsed p = parse(dsn);

        assertThat(dsn.sender().isNull()).isTrue();
        assertThat(dsn.recipient().address()).isEqualTo("alice@example.com");
        assertThat(p.message().getHeader("From", null)).isEqualTo("Mail Delivery System <MAILER-DAEMON@gw.example.net>");
        assertThat(p.message().getHeader("To", null)).isEqualTo("<alice@example.com>");
        assertThat(p.message().getSubject()).isEqualTo("Undelivered Mail Returned to Sender");
        assertThat(p.message().getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(p.message().getSentDate()).isEqualTo(java.util.Date.from(NOW));
        ContentType type = new ContentType(p.message().getContentType());
        assertThat(type.getBaseType()).isEqualTo("multipart/report");
        assertThat(type.getParameter("report-type")).isEqualTo("delivery-status");
        assertThat(p.parts().getCount()).isEqualTo(3);

        assertThat(p.part(0).isMimeType("text/plain")).isTrue();
        assertThat(p.text()).contains("gw.example.net").contains("<bob@example.org>: " + REMOTE_550);

        assertThat(p.part(1).isMimeType("message/delivery-status")).isTrue();
        assertThat(field(p.perMessage(), "Reporting-MTA")).isEqualTo("dns; gw.example.net");
        assertThat(field(p.perMessage(), "Original-Envelope-Id")).isEqualTo("ENV-1234");
        assertThat(field(p.perMessage(), "Received-From-MTA")).isEqualTo("dns; client.example.com");
        assertThat(new MailDateFormat().parse(field(p.perMessage(), "Arrival-Date")).toInstant()).isEqualTo(Entries.ARRIVED);
        assertThat(p.perRecipient()).hasSize(1);
        InternetHeaders r = p.perRecipient().getFirst();
        assertThat(field(r, "Original-Recipient")).isEqualTo("rfc822; Bob@Example.org");
        assertThat(field(r, "Final-Recipient")).isEqualTo("rfc822; bob@example.org");
        assertThat(field(r, "Action")).isEqualTo("failed");
        assertThat(field(r, "Status")).isEqualTo("5.1.1");
        assertThat(field(r, "Remote-MTA")).isEqualTo("dns; mx.example.org");
        assertThat(field(r, "Diagnostic-Code")).isEqualTo("smtp; 550 5.1.1 <bob@example.org>: no such user");
        assertThat(new MailDateFormat().parse(field(r, "Last-Attempt-Date")).toInstant()).isEqualTo(ATTEMPT);
        assertThat(field(r, "Will-Retry-Until")).isNull();

        assertThat(p.part(2).isMimeType("text/rfc822-headers")).isTrue();
        String returned = new String(p.returned(), StandardCharsets.US_ASCII);
        assertThat(returned).contains("Subject: report").doesNotContain("The body text.");
    }

    @Test
    void compose_delayed_willRetryUntilAndTransientStatus() throws Exception {
        Instant until = Instant.parse("2026-03-07T10:15:30Z");
        RecipientNotice delayed = RecipientNotice.of(Recipient.of("bob@example.org"),
                new DeliveryResult.Deferred("4.4.1 connect to mx.example.org[192.0.2.1]:25: Connection refused"), ATTEMPT, Optional.of(until));

        Parsed p = parse(compose(sender(Optional.empty(), Optional.empty()), List.of(delayed), ORIGINAL).orElseThrow());
        InternetHeaders r = p.perRecipient().getFirst();

        assertThat(p.message().getSubject()).isEqualTo("Delayed Mail (still being retried)");
        assertThat(field(r, "Action")).isEqualTo("delayed");
        assertThat(field(r, "Status")).isEqualTo("4.4.1");
        assertThat(new MailDateFormat().parse(field(r, "Will-Retry-Until")).toInstant()).isEqualTo(until);
        assertThat(field(r, "Diagnostic-Code")).isEqualTo("X-Sempgw; 4.4.1 connect to mx.example.org[192.0.2.1]:25: Connection refused");
        assertThat(field(r, "Remote-MTA")).isNull();
        assertThat(p.text()).contains("will keep trying until").contains("do not need to send it again");
        assertThat(p.part(2).isMimeType("text/rfc822-headers")).isTrue();
    }

    @Test
    void compose_delayed_sempDeferral_diagnosticCodeKeepsItsOwnType() throws Exception {
        RecipientNotice delayed = RecipientNotice.of(Recipient.of("bob@example.org"), new DeliveryResult.Deferred(
                "semp; transport: connect to semp.example.org: Connection refused", new DeliveryResult.Reason("transport",
                "connect to semp.example.org: Connection refused", Optional.of("4.4.1"))), ATTEMPT, Optional.empty());

        InternetHeaders r = parse(compose(sender(Optional.empty(), Optional.empty()), List.of(delayed), ORIGINAL).orElseThrow())
                .perRecipient().getFirst();

        assertThat(field(r, "Action")).isEqualTo("delayed");
        assertThat(field(r, "Status")).isEqualTo("4.4.1");
        assertThat(field(r, "Diagnostic-Code")).isEqualTo("semp; transport: connect to semp.example.org: Connection refused");
    }

    @Test
    void compose_successRequested_relayedOnlyForThoseWhoAsked() throws Exception {
        Recipient asked = new Recipient("bob@example.org", Set.of(Notify.SUCCESS), Optional.empty());
        Recipient notAsked = Recipient.of("carol@example.org");
        DeliveryResult ok = new DeliveryResult.Delivered("host mx.example.org[192.0.2.1]:25 said: 250 2.0.0 queued (in reply to end of DATA command)");

        Parsed p = parse(compose(sender(Optional.empty(), Optional.empty()), List.of(
                RecipientNotice.of(asked, ok, ATTEMPT, Optional.empty()), RecipientNotice.of(notAsked, ok, ATTEMPT, Optional.empty())), ORIGINAL).orElseThrow());

        assertThat(p.message().getSubject()).isEqualTo("Successful Mail Delivery Report");
        assertThat(p.perRecipient()).hasSize(1);
        assertThat(field(p.perRecipient().getFirst(), "Final-Recipient")).isEqualTo("rfc822; bob@example.org");
        assertThat(field(p.perRecipient().getFirst(), "Action")).isEqualTo("relayed");
        assertThat(field(p.perRecipient().getFirst(), "Status")).isEqualTo("2.0.0");
    }

    @Test
    void compose_nullSenderOrNobodyAsked_noDsn() throws IOException {
        RecipientNotice notice = failed(Recipient.of("bob@example.org"), REMOTE_550);
        RecipientNotice never = failed(new Recipient("bob@example.org", Set.of(Notify.NEVER), Optional.empty()), REMOTE_550);
        RecipientNotice successNotAsked = RecipientNotice.of(Recipient.of("bob@example.org"), new DeliveryResult.Delivered("250 ok"), ATTEMPT, Optional.empty());

        assertThat(compose(Sender.of(""), List.of(notice), ORIGINAL)).isEmpty();
        assertThat(compose(sender(Optional.empty(), Optional.empty()), List.of(never), ORIGINAL)).isEmpty();
        assertThat(compose(sender(Optional.empty(), Optional.empty()), List.of(successNotAsked), ORIGINAL)).isEmpty();
    }

    @Test
    void compose_failedWithoutRet_returnsWholeMessageByteForByte() throws Exception {
        Parsed p = parse(compose(sender(Optional.empty(), Optional.empty()), List.of(failed(Recipient.of("bob@example.org"), REMOTE_550)), ORIGINAL).orElseThrow());

        assertThat(p.part(2).isMimeType("message/rfc822")).isTrue();
        try (InputStream raw = ((jakarta.mail.internet.MimeBodyPart) p.part(2)).getRawInputStream()) {
            assertThat(new String(raw.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo(ORIGINAL);
        }
    }

    @Test
    void compose_retFullButTooLarge_headersOnlyWithNote() throws Exception {
        DsnComposer small = new DsnComposer("gw.example.net", 64, new Random(7));
        String big = ORIGINAL + "x".repeat(200) + "\r\n";
        QueueEntry entry = Entries.entry(sender(Optional.of(Sender.DsnRet.FULL), Optional.empty()), List.of(Recipient.of("bob@example.org")), big.length());

        Parsed p = parse(small.compose(entry, List.of(failed(Recipient.of("bob@example.org"), REMOTE_550)), Entries.content(big), NOW).orElseThrow());

        assertThat(p.part(2).isMimeType("text/rfc822-headers")).isTrue();
        assertThat(p.text()).contains("larger than 64 bytes");
        assertThat(new String(p.returned(), StandardCharsets.US_ASCII)).startsWith("From: alice@example.com").doesNotContain("xxx");
    }

    @Test
    void compose_smtpUtf8Message_globalTypesAndUtf8Addresses() throws Exception {
        Sender utf8 = new Sender("j\u00f6rg@example.com", Optional.empty(), Optional.empty(), Sender.BodyType.EIGHT_BIT_MIME, true);
        Recipient r = Recipient.of("m\u00fcller@example.org");

        Dsn dsn = compose(utf8, List.of(failed(r, REMOTE_550)), ORIGINAL).orElseThrow();
        Parsed p = parse(dsn);

        assertThat(new ContentType(p.message().getContentType()).getParameter("report-type")).isEqualTo("global-delivery-status");
        assertThat(p.part(1).isMimeType("message/global-delivery-status")).isTrue();
        assertThat(p.part(2).isMimeType("message/global")).isTrue();
        String status = new String(((jakarta.mail.internet.MimeBodyPart) p.part(1)).getRawInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(status).contains("Final-Recipient: utf-8; m\u00fcller@example.org");
        assertThat(p.part(0).getHeader("Content-Transfer-Encoding")[0]).isEqualTo("quoted-printable");
        assertThat(p.text()).contains("<m\u00fcller@example.org>: ");
        assertThat(dsn.sender().smtpUtf8()).isTrue();
        assertThat(dsn.recipient().address()).isEqualTo("j\u00f6rg@example.com");
    }

    @Test
    void status_derivedFromReplyAndAction() {
        Recipient bob = Recipient.of("bob@example.org");
        assertThat(DeliveryStatusPart.status(failed(bob, "something odd happened"))).hasToString("5.0.0");
        assertThat(DeliveryStatusPart.status(failed(bob, "host h[1.2.3.4]:25 said: 550 user unknown (in reply to RCPT TO command)"))).hasToString("5.0.0");
        assertThat(DeliveryStatusPart.status(failed(bob, "4.4.7 delivery time expired"))).hasToString("4.4.7");
        assertThat(DeliveryStatusPart.status(RecipientNotice.of(bob, new DeliveryResult.Deferred("host h[1.2.3.4]:25 said: 452 4.2.2 full"), ATTEMPT, Optional.empty())))
                .hasToString("4.2.2");
        assertThat(DeliveryStatusPart.status(RecipientNotice.of(bob, new DeliveryResult.Deferred("lost connection"), ATTEMPT, Optional.empty())))
                .hasToString("4.0.0");
    }

    @Test
    void compose_sempFailureWithReason_statusFromTheReasonCode_diagnosticNamesTheCode() throws Exception {
        Recipient bob = Recipient.of("bob@example.org");
        DeliveryResult.Reason reason = new DeliveryResult.Reason("recipient_not_found", "no such mailbox", Optional.of("5.1.1"));
        RecipientNotice notice = RecipientNotice.of(bob,
                new DeliveryResult.Failed("semp", "recipient_not_found: no such mailbox", reason), ATTEMPT, Optional.empty());

        InternetHeaders r = parse(compose(sender(Optional.empty(), Optional.empty()), List.of(notice), ORIGINAL).orElseThrow())
                .perRecipient().getFirst();

        assertThat(field(r, "Status")).isEqualTo("5.1.1");
        assertThat(field(r, "Diagnostic-Code")).isEqualTo("semp; recipient_not_found: no such mailbox");
    }

    @Test
    void status_reasonStatusKnown_replyTextNeverConsulted() {
        Recipient bob = Recipient.of("bob@example.org");
        DeliveryResult.Reason blocked = new DeliveryResult.Reason("blocked", "go away", Optional.of("5.7.1"));
        for (String wording : List.of("blocked: go away", "blocked: 5.0.0 go away", "the peer said no (4.4.1)", "")) {
            RecipientNotice n = RecipientNotice.of(bob, new DeliveryResult.Failed("semp", wording, blocked), ATTEMPT, Optional.empty());
            assertThat(DeliveryStatusPart.status(n)).hasToString("5.7.1");
        }
        DeliveryResult.Reason silent = new DeliveryResult.Reason("silent", "no acknowledgment", Optional.of("4.4.2"));
        assertThat(DeliveryStatusPart.status(RecipientNotice.of(bob, new DeliveryResult.Deferred("semp; silent: no acknowledgment", silent),
                ATTEMPT, Optional.empty()))).hasToString("4.4.2");
    }

    @Test
    void status_reasonStatusOfTheWrongClassOrUnknown_fallsBackToTheReply() {
        Recipient bob = Recipient.of("bob@example.org");
        DeliveryResult.Reason permanent = new DeliveryResult.Reason("blocked", "none", Optional.of("5.7.1"));
        assertThat(DeliveryStatusPart.status(RecipientNotice.of(bob, new DeliveryResult.Deferred("semp; blocked: none", permanent),
                ATTEMPT, Optional.empty()))).hasToString("4.0.0");
        assertThat(DeliveryStatusPart.status(RecipientNotice.of(bob, new DeliveryResult.Failed("semp", "blocked: no",
                new DeliveryResult.Reason("blocked", "no")), ATTEMPT, Optional.empty()))).hasToString("5.0.0");
    }

    @Test
    void field_longDiagnostic_foldedAndUnfoldsToOriginal() {
        String value = "smtp; 550 5.7.1 " + "word ".repeat(40).strip();

        String folded = ReportFields.field("Diagnostic-Code", value, false);

        assertThat(folded.split("\r\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(78));
        assertThat(folded.replaceAll("\r\n ", " ")).isEqualTo("Diagnostic-Code: " + value + "\r\n");
        assertThat(ReportFields.field("X", "caf\u00e9\r\nbar", false)).isEqualTo("X: caf? bar\r\n");
    }
}
