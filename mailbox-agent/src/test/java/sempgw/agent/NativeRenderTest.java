package sempgw.agent;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import sempgw.core.envelope.brief.Brief;
import sempgw.core.envelope.enclosure.Attachment;
import sempgw.core.envelope.enclosure.Enclosure;
import sempgw.core.json.JsonObject;

/** Envelopes from native SEMP senders (no fidelity extension) rendered per CLIENT.md §6.4.2, read back with Jakarta Mail. */
final class NativeRenderTest {
    private static final String ID = "01JX8Z3V9Q2W5E7R1T3Y5U7I9O";

    static Brief brief(List<String> to, List<String> cc, List<String> bcc) {
        return new Brief(ID, "carol@native.example", to, cc, bcc, Optional.empty(), Instant.parse("2025-06-08T10:15:30Z"),
                Optional.empty(), Optional.empty(), Optional.empty(), JsonObject.EMPTY);
    }

    static byte[] render(Brief b, Enclosure e) {
        return SempToMime.render(new InboundContext(b, Optional.of(e), Verification.semp(Verification.SignatureCheck.PASS, "native.example"),
                "bob@corp.example", Fixtures.NOW, "gw.corp.example"));
    }

    static MimeMessage parse(byte[] mime) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mime));
    }

    @Test
    void render_plainText_headersPerClient642() throws Exception {
        Brief b = brief(List.of("bob@corp.example"), List.of("dave@corp.example"), List.of());
        Enclosure e = Enclosure.of("Grüße aus Köln", "text/plain", "Hallo Bob,\nbis morgen. Grüße\n");

        byte[] out = render(b, e);
        MimeMessage m = parse(out);

        String text = Fixtures.text(out);
        assertThat(text).startsWith("SEMP-Verification: origin=semp; seal=pass; sender-signature=pass; sender-domain=native.example\r\n");
        assertThat(m.getHeader("From", ",")).isEqualTo("carol@native.example");
        assertThat(m.getHeader("To", ",")).isEqualTo("bob@corp.example");
        assertThat(m.getHeader("Cc", ",")).isEqualTo("dave@corp.example");
        assertThat(m.getSubject()).isEqualTo("Grüße aus Köln");
        assertThat(m.getHeader("Subject", ",")).startsWith("=?utf-8?B?");
        assertThat(m.getHeader("Date", ",")).isEqualTo("Sun, 8 Jun 2025 10:15:30 +0000");
        assertThat(m.getMessageID()).isEqualTo("<" + ID + "@semp.invalid>");
        assertThat(m.getHeader("MIME-Version", ",")).isEqualTo("1.0");
        assertThat(m.getContentType()).isEqualTo("text/plain; charset=\"utf-8\"");
        assertThat(m.getEncoding()).isEqualTo("quoted-printable");
        assertThat(m.getContent()).isEqualTo("Hallo Bob,\r\nbis morgen. Grüße\r\n");
        assertThat(text).doesNotContain("\nBcc:").doesNotContain("In-Reply-To");
        assertThat(text.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
    }

    @Test
    void render_bccCopy_neverShowsBcc() throws Exception {
        Brief b = brief(List.of("carol@native.example"), List.of(), List.of("bob@corp.example"));

        String text = Fixtures.text(render(b, Enclosure.of("s", "text/plain", "hidden copy")));

        assertThat(text).doesNotContainIgnoringCase("bcc").doesNotContain("bob@corp.example");
        assertThat(parse(text.getBytes(StandardCharsets.UTF_8)).getHeader("To", ",")).isEqualTo("carol@native.example");
    }

    @Test
    void render_noVisibleRecipients_undisclosedGroup() throws Exception {
        String text = Fixtures.text(render(brief(List.of(), List.of(), List.of("bob@corp.example")), Enclosure.of("s", "text/plain", "x")));

        assertThat(text).contains("\r\nTo: undisclosed-recipients:;\r\n");
    }

    @Test
    void render_alternativeWithAttachments_mixedOfAlternativeAndFiles() throws Exception {
        byte[] pdf = Corpus.random(10_000, 1);
        byte[] ics = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.US_ASCII);
        Enclosure e = new Enclosure(Optional.of("Report"), "multipart/alternative",
                Map.of("text/plain", "See the report.\n", "text/html", "<p>See the <b>report</b>.</p>"),
                List.of(Attachment.of("a1", "Übersicht Q2 mit einem recht langen Dateinamen für RFC 2231.pdf", "application/pdf", pdf),
                        Attachment.of("a2", "invite.ics", "text/calendar", ics)),
                Optional.empty(), JsonObject.EMPTY, Optional.empty());

        MimeMessage m = parse(render(brief(List.of("bob@corp.example"), List.of(), List.of()), e));

        assertThat(m.getContentType()).startsWith("multipart/mixed");
        MimeMultipart mixed = (MimeMultipart) m.getContent();
        assertThat(mixed.getCount()).isEqualTo(3);
        MimeMultipart alt = (MimeMultipart) mixed.getBodyPart(0).getContent();
        assertThat(alt.getContentType()).startsWith("multipart/alternative");
        assertThat(alt.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(alt.getBodyPart(0).getContent()).isEqualTo("See the report.\r\n");
        assertThat(alt.getBodyPart(1).getContentType()).startsWith("text/html");
        MimeBodyPart file = (MimeBodyPart) mixed.getBodyPart(1);
        assertThat(file.getFileName()).isEqualTo("Übersicht Q2 mit einem recht langen Dateinamen für RFC 2231.pdf");
        assertThat(file.getDisposition()).isEqualTo("attachment");
        assertThat(file.getEncoding()).isEqualTo("base64");
        assertThat(readAll(file.getInputStream())).isEqualTo(pdf);
        MimeBodyPart cal = (MimeBodyPart) mixed.getBodyPart(2);
        assertThat(cal.getContentType()).startsWith("text/calendar");
        assertThat(cal.getFileName()).isEqualTo("invite.ics");
        assertThat(readAll(cal.getInputStream())).isEqualTo(ics);
    }

    @Test
    void render_peerFilenamesWithBidiAndInvisibleCharacters_cleanedAsOurs_neverEmptyOrOnlyAnExtension() throws Exception {
        Enclosure e = new Enclosure(Optional.of("files"), "text/plain", Map.of("text/plain", "x"),
                List.of(Attachment.of("a1", "invoice\u202Efdp.exe", "application/octet-stream", new byte[] {'M', 'Z'}),
                        Attachment.of("a2", "\u2066\u200B.exe\u2069", "application/pdf", new byte[] {'%'}),
                        Attachment.of("a3", "", "image/png", new byte[] {1}),
                        Attachment.of("a4", "Q2\u200F \uFEFFÜbersicht mit einem recht langen Dateinamen für RFC 2231.pdf", "application/pdf",
                                new byte[] {2}),
                        Attachment.of("a5", "\u202E", "message/global", new byte[] {3})),
                Optional.empty(), JsonObject.EMPTY, Optional.empty());

        byte[] out = render(brief(List.of("bob@corp.example"), List.of(), List.of()), e);
        MimeMultipart mixed = (MimeMultipart) parse(out).getContent();

        assertThat(mixed.getCount()).isEqualTo(6);
        List<String> names = new java.util.ArrayList<>();
        for (int i = 1; i < mixed.getCount(); i++) {
            names.add(((MimeBodyPart) mixed.getBodyPart(i)).getFileName());
        }
        assertThat(names).containsExactly("invoicefdp.exe", "part-3.pdf", "part-4.png",
                "Q2 Übersicht mit einem recht langen Dateinamen für RFC 2231.pdf", "part-6.bin");
        assertThat(Fixtures.text(out)).doesNotContain("\u202E", "%E2%80%AE", "%E2%80%8F", "%EF%BB%BF");
    }

    @Test
    void render_utf8LocalPart_keptAsUtf8PerRfc6532() {
        Brief b = new Brief(ID, "jürgen@native.example", List.of("用户@corp.example"), List.of(), List.of(), Optional.empty(),
                Instant.parse("2025-06-08T10:15:30Z"), Optional.empty(), Optional.empty(), Optional.empty(), JsonObject.EMPTY);

        byte[] out = render(b, Enclosure.of("x", "text/plain", "y"));

        assertThat(Fixtures.text(out)).contains("\r\nFrom: jürgen@native.example\r\n", "\r\nTo: 用户@corp.example\r\n");
        assertThat(MessageTraits.of(out)).isEqualTo(new MessageTraits(false, true));
    }

    @Test
    void render_longAsciiSubject_foldedUnder78AndUnfoldsBack() throws Exception {
        String subject = "A fairly long subject line that certainly needs folding because it keeps going and going on";

        byte[] out = render(brief(List.of("bob@corp.example"), List.of(), List.of()), Enclosure.of(subject, "text/plain", "x"));

        assertThat(parse(out).getSubject()).isEqualTo(subject);
        assertThat(Fixtures.text(out).split("\r\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
    }

    @Test
    void render_foreignExtensionOnly_rendersNativeFields() throws Exception {
        JsonObject ext = JsonObject.builder().put("vendor.example.com/other",
                sempgw.core.envelope.Extensions.entry(false, JsonObject.EMPTY)).build();
        Enclosure e = new Enclosure(Optional.of("s"), "text/html", Map.of("text/html", "<p>hi</p>"), List.of(), Optional.empty(), ext,
                Optional.empty());

        MimeMessage m = parse(render(brief(List.of("bob@corp.example"), List.of(), List.of()), e));

        assertThat(m.getContentType()).isEqualTo("text/html; charset=\"utf-8\"");
        assertThat(m.getContent()).isEqualTo("<p>hi</p>");
    }

    @Test
    void render_hostileFieldValues_cannotInjectHeaderLines() throws Exception {
        Brief b = new Brief(ID, "carol@native.example\r\nBcc: x@evil.example", List.of("bob@corp.example"), List.of(), List.of(),
                Optional.of("r@native.example\nX-Injected: 1"), Instant.parse("2025-06-08T10:15:30Z"), Optional.of("legacy:a@b\r\nX-Injected: 2"),
                Optional.empty(), Optional.of("x\r\nX-Injected: 3"), JsonObject.EMPTY);
        Enclosure e = new Enclosure(Optional.of("hi\r\nBcc: y@evil.example"), "text/plain", Map.of("text/plain", "body",
                "TEXT/X-NOTE\r\nX-Injected: 4", "note"), List.of(Attachment.of("a", "evil\r\nBcc: z@evil.example.pdf",
                "text/html\r\nX-Injected: 5", new byte[] {1, 2})), Optional.empty(), JsonObject.EMPTY, Optional.empty());

        String text = Fixtures.text(render(b, e));

        assertThat(text).doesNotContain("\nBcc:", "\nX-Injected:", "\r\n\r\nX-Injected");
        assertThat(text.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
        assertThat(parse(text.getBytes(StandardCharsets.UTF_8)).getHeader("Bcc")).isNull();
    }

    private static byte[] readAll(InputStream in) throws Exception {
        try (in) {
            return in.readAllBytes();
        }
    }
}
