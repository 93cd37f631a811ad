package sempgw.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import sempgw.core.envelope.enclosure.Attachment;
import sempgw.core.envelope.enclosure.AttachmentCheck;
import sempgw.core.envelope.enclosure.Enclosure;
import sempgw.core.json.CanonicalJson;

/** What a native SEMP client reads from converted mail: subject, body forms, attachments (ENVELOPE.md §6.2-6.4). */
final class NativeFieldsTest {

    private static Enclosure enclosure(String sample) throws ConversionException {
        return Fixtures.convert(RoundTripTest.sample(sample), Fixtures.context(Corpus.RCPT)).draft().enclosure();
    }

    private static String extension(Enclosure e) {
        return new String(CanonicalJson.encode(e.extensions()), StandardCharsets.UTF_8);
    }

    @Test
    void alternative_bothFormsDecoded_contentTypeAlternative() throws Exception {
        Enclosure e = enclosure("alternative-jakarta");

        assertThat(e.subject()).contains("Zusammenfassung für Bob");
        assertThat(e.contentType()).isEqualTo("multipart/alternative");
        assertThat(e.body().keySet()).containsExactly("text/plain", "text/html");
        assertThat(e.body().get("text/plain")).isEqualTo("Hallo Bob,\nhier die Zahlen für Q2: 5 € mehr.\n");
        assertThat(e.body().get("text/html")).contains("f\u00fcr Q2: 5 \u20ac");
        assertThat(e.attachments()).isEmpty();
    }

    @Test
    void htmlOnly_singleForm() throws Exception {
        Enclosure e = enclosure("html-only-jakarta");

        assertThat(e.contentType()).isEqualTo("text/html");
        assertThat(e.body()).containsOnlyKeys("text/html");
    }

    @Test
    void qpLatin1_decodedToUnicode_carriedAsReference() throws Exception {
        Enclosure e = enclosure("qp-latin1-jakarta");

        assertThat(e.body().get("text/plain")).startsWith("Grüße aus Köln! Grüße").contains("äöü ÄÖÜ ß");
        assertThat(extension(e)).contains("\"charset\":\"ISO-8859-1\"", "\"cte\":\"quoted-printable\"").doesNotContain("\"raw\"");
    }

    @Test
    void flowed_trailingSpacesKept() throws Exception {
        assertThat(enclosure("utf8-8bit-flowed").body().get("text/plain")).contains("umgebrochen \nwird. Ça va? 日本語もあります。\n-- \nAlice");
    }

    @Test
    void relatedInlineImage_htmlBodyAndImageAttachment() throws Exception {
        Enclosure e = enclosure("related-inline-image");

        assertThat(e.body()).containsOnlyKeys("text/html");
        assertThat(e.attachments()).extracting(Attachment::id, Attachment::filename, Attachment::mimeType, Attachment::size)
                .containsExactly(tuple("part-2", "logo.png", "image/png", 4000L));
        assertThat(e.attachments()).allMatch(AttachmentCheck::verify);
    }

    @Test
    void calendarInvitation_textFormsInBody_calendarPartsAsAttachments() throws Exception {
        Enclosure e = enclosure("calendar-invitation");

        assertThat(e.body().keySet()).containsExactly("text/plain", "text/html");
        assertThat(e.attachments()).extracting(Attachment::id, Attachment::filename, Attachment::mimeType)
                .containsExactly(tuple("part-1.3", "part-1.3.ics", "text/calendar"), tuple("part-2", "invite.ics", "application/ics"));
        assertThat(new String(java.util.Base64.getDecoder().decode(e.attachments().getFirst().content()), StandardCharsets.UTF_8))
                .contains("METHOD:REQUEST", "SUMMARY:Planning Ü");
    }

    @Test
    void pgpSigned_signedTextIsBody_signatureIsAttachment_subtreeVerbatim() throws Exception {
        Enclosure e = enclosure("pgp-mime-signed");

        assertThat(e.body().get("text/plain")).isEqualTo("PGP signed, naïve text.\nFrom the start of a line.\n");
        assertThat(e.attachments()).extracting(Attachment::filename, Attachment::mimeType)
                .containsExactly(tuple("signature.asc", "application/pgp-signature"));
        assertThat(extension(e)).contains("\"raw\"").doesNotContain("\"body\":\"text/plain\"");
    }

    @Test
    void envelopedSmime_noReadableBody_opaqueAttachment() throws Exception {
        Enclosure e = enclosure("pkcs7-enveloped");

        assertThat(e.contentType()).isEqualTo("text/plain");
        assertThat(e.body()).containsEntry("text/plain", "");
        assertThat(e.attachments()).extracting(Attachment::filename, Attachment::mimeType, Attachment::size)
                .containsExactly(tuple("smime.p7m", "application/pkcs7-mime", 3000L));
    }

    @Test
    void forwardedMessage_attachedAsRfc822() throws Exception {
        Enclosure e = enclosure("forwarded-rfc822");

        assertThat(e.body().get("text/plain")).isEqualTo("Forwarding the thread below.");
        assertThat(e.attachments()).extracting(Attachment::filename, Attachment::mimeType).containsExactly(tuple("thread.eml", "message/rfc822"));
    }

    @Test
    void invalidUtf8_replacementInNativeText_originalCarriedVerbatim() throws Exception {
        Enclosure e = enclosure("invalid-utf8-body-and-header");

        assertThat(e.body().get("text/plain")).isEqualTo("na\uFFFDve\n");
        assertThat(e.subject()).contains("café raw");
        assertThat(extension(e)).contains("\"raw\"", "\"base64\"");
    }

    @Test
    void attachmentFilenames_pathAndControlsRemoved() throws Exception {
        byte[] mime = Fixtures.message("From: alice@corp.example", "To: bob@peer.example", "Content-Type: multipart/mixed; boundary=b", "",
                "--b", "Content-Type: text/plain", "", "x", "--b", "Content-Type: application/octet-stream",
                "Content-Disposition: attachment; filename*0*=utf-8''..%2F..%2Fetc%2F; filename*1=\"pass\twd\"", "", "data", "--b--");

        Enclosure e = Fixtures.convert(mime, Fixtures.context(Corpus.RCPT)).draft().enclosure();

        assertThat(e.attachments()).extracting(Attachment::filename).containsExactly("passwd");
    }

    /** Names that could show as something else, what a native reader is shown instead, and the part's type. */
    static Stream<Arguments> spoofedNames() {
        Stream.Builder<Arguments> b = Stream.builder();
        b.add(Arguments.of("invoice\u202Efdp.exe", "application/pdf", "invoicefdp.exe"));
        b.add(Arguments.of("photo\u2067gnp.\u2069exe", "image/png", "photognp.exe"));
        int[] invisible = {0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
            0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x180E, 0xE0041, 0x2028, 0x2029};
        for (int c : invisible) {
            b.add(Arguments.of("re" + Character.toString(c) + "port.pdf", "application/pdf", "report.pdf"));
        }
        b.add(Arguments.of("\u202E.exe", "application/pdf", "part-2.pdf"));
        b.add(Arguments.of("\u200B\u00A0.exe\u2060", "application/octet-stream", "part-2.bin"));
        b.add(Arguments.of(". .pdf", "application/pdf", "part-2.pdf"));
        b.add(Arguments.of("\u2066\u2069", "image/png", "part-2.png"));
        b.add(Arguments.of("\uFEFF", "application/pkcs7-signature", "smime.p7s"));
        b.add(Arguments.of("..\\\u200F.exe", "application/octet-stream", "part-2.bin"));
        b.add(Arguments.of("\u00A0 notes.txt\u00A0", "text/plain", "notes.txt"));
        b.add(Arguments.of("archive.tar.gz", "application/gzip", "archive.tar.gz"));
        b.add(Arguments.of("Übersicht 2025.pdf", "application/pdf", "Übersicht 2025.pdf"));
        return b.build();
    }

    @ParameterizedTest
    @MethodSource("spoofedNames")
    void attachmentFilename_bidiAndInvisibleCharactersRemoved_neverEmptyOrOnlyAnExtension(String name, String type, String shown)
            throws Exception {
        StringBuilder pct = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            pct.append(Character.isLetterOrDigit(b) || b == '.' || b == '-' ? String.valueOf((char) b) : String.format("%%%02X", b & 0xff));
        }
        byte[] mime = Fixtures.message("From: alice@corp.example", "To: bob@peer.example", "Content-Type: multipart/mixed; boundary=b", "",
                "--b", "Content-Type: text/plain", "", "x", "--b", "Content-Type: " + type,
                "Content-Disposition: attachment; filename*=utf-8''" + pct, "", "data", "--b--");

        Enclosure e = Fixtures.convert(mime, Fixtures.context(Corpus.RCPT)).draft().enclosure();

        assertThat(e.attachments()).extracting(Attachment::filename).containsExactly(shown);
    }

    @Test
    void attachmentFilename_rightToLeftOverride_nativeNameCleaned_carriedHeaderByteForByte() throws Exception {
        byte[] mime = Fixtures.message("From: alice@corp.example", "To: bob@peer.example", "Date: Sun, 8 Jun 2025 12:00:00 +0000",
                "Message-ID: <rlo@corp.example>", "Content-Type: multipart/mixed; boundary=b", "", "--b", "Content-Type: text/plain", "", "x",
                "--b", "Content-Type: application/pdf; name=\"invoice\u202Efdp.exe\"",
                "Content-Disposition: attachment; filename*=utf-8''invoice%E2%80%AEfdp.exe", "", "MZ",
                "--b", "Content-Type: application/pdf", "Content-Disposition: attachment; filename=\"\u202E.exe\"", "", "MZ", "--b--");

        Enclosure e = Fixtures.convert(mime, Fixtures.context(Corpus.RCPT)).draft().enclosure();

        assertThat(e.attachments()).extracting(Attachment::filename).containsExactly("invoicefdp.exe", "part-3.pdf");
        assertThat(extension(e)).contains("name=\\\"invoice\u202Efdp.exe\\\"", "filename*=utf-8''invoice%E2%80%AEfdp.exe",
                "filename=\\\"\u202E.exe\\\"");
        byte[] delivered = RoundTripTest.delivered(mime);
        byte[] out = RoundTripTest.trip(mime);
        RoundTripTest.assertSameBytes(java.util.Arrays.copyOfRange(out, out.length - delivered.length, out.length), delivered, "carried");
    }
}
