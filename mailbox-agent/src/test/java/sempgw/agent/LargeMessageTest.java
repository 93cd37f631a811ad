package sempgw.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import sempgw.core.envelope.ExtensionLayer;
import sempgw.core.envelope.Extensions;
import sempgw.core.envelope.enclosure.Attachment;

/** Size: a 20 MB attachment travels once and fast; oversized verbatim data moves to carrier attachments. */
final class LargeMessageTest {
    private static final String HEAD = "From: alice@corp.example\r\nTo: bob@peer.example\r\nSubject: big\r\n"
            + "Date: Sun, 8 Jun 2025 12:00:00 +0000\r\nMessage-ID: <big@corp.example>\r\n";

    @Test
    void twentyMegabyteAttachment_roundTripsExactly_carriedOnce() throws Exception {
        byte[] data = Corpus.random(20 * 1024 * 1024, 20);
        ByteArrayOutputStream mime = new ByteArrayOutputStream(28 * 1024 * 1024);
        mime.writeBytes((HEAD + "Content-Type: multipart/mixed; boundary=\"big\"\r\n\r\n--big\r\nContent-Type: text/plain\r\n\r\n"
                + "The archive.\r\n--big\r\nContent-Type: application/zip; name=\"archive.zip\"\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"archive.zip\"\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        mime.writeBytes(Signatures.base64Lines(data).getBytes(StandardCharsets.US_ASCII));
        mime.writeBytes("--big--\r\n".getBytes(StandardCharsets.US_ASCII));
        byte[] in = mime.toByteArray();

        long t0 = System.nanoTime();
        OutboundMessage m = Fixtures.convert(in, Fixtures.context(Corpus.RCPT));
        long t1 = System.nanoTime();
        byte[] out = Fixtures.render(new Fixtures.Opened(m.draft().brief(), m.draft().enclosure()), Corpus.RCPT);
        long t2 = System.nanoTime();

        List<Attachment> atts = m.draft().enclosure().attachments();
        assertThat(atts).hasSize(1);
        assertThat(atts.getFirst().size()).isEqualTo(data.length);
        assertThat(Extensions.size(m.draft().enclosure().extensions())).isLessThan(1000);
        RoundTripTest.assertSameBytes(out, Corpus.concat(("SEMP-Verification: origin=semp; seal=pass; sender-signature=pass; "
                + "sender-domain=corp.example\r\n").getBytes(StandardCharsets.US_ASCII), in), "20 MB message");
        System.out.printf("20 MB attachment: convert %d ms, render %d ms%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
        assertThat((t2 - t0) / 1_000_000).as("convert + render milliseconds").isLessThan(10_000);
    }

    @Test
    void oversizedVerbatimPart_movesToCarrier_extensionFitsAndMessageExact() throws Exception {
        StringBuilder irregular = new StringBuilder();
        byte[] data = Corpus.random(90_000, 9);
        String b64 = java.util.Base64.getEncoder().encodeToString(data);
        for (int i = 0, w = 60; i < b64.length(); i += w, w = w == 60 ? 72 : 60) {
            irregular.append(b64, i, Math.min(b64.length(), i + w)).append("\r\n");
        }
        byte[] in = (HEAD + "Content-Type: multipart/mixed; boundary=\"m\"\r\n\r\n--m\r\nContent-Type: text/plain\r\n\r\nx\r\n--m\r\n"
                + "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n" + irregular + "--m--\r\n")
                .getBytes(StandardCharsets.US_ASCII);

        OutboundMessage m = Fixtures.convert(in, Fixtures.context(Corpus.RCPT));

        assertThat(m.draft().enclosure().attachments()).extracting(Attachment::id).containsExactly("part-2", "original-part-2");
        assertThat(m.draft().enclosure().attachments().get(1).mimeType()).isEqualTo("message/rfc822");
        assertThat(Extensions.size(m.draft().enclosure().extensions())).isLessThanOrEqualTo(ExtensionLayer.ENCLOSURE.sendLimit());
        RoundTripTest.assertSameBytes(RoundTripTest.trip(in), Corpus.concat(("SEMP-Verification: origin=semp; seal=pass; "
                + "sender-signature=pass; sender-domain=corp.example\r\n").getBytes(StandardCharsets.US_ASCII), in), "carrier trip");
    }

    @Test
    void headerSectionsOverLimit_wholeMessageCarried_stillExact() throws Exception {
        StringBuilder parts = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            parts.append("--m\r\nContent-Type: text/plain; name=\"note-").append(i).append(".txt\"\r\nX-Note: ")
                    .append("n".repeat(150)).append("\r\nContent-Disposition: attachment\r\n\r\nnote ").append(i).append("\r\n");
        }
        byte[] in = (HEAD + "Content-Type: multipart/mixed; boundary=\"m\"\r\n\r\n" + parts + "--m--\r\n").getBytes(StandardCharsets.US_ASCII);

        OutboundMessage m = Fixtures.convert(in, Fixtures.context(Corpus.RCPT));

        assertThat(m.draft().enclosure().attachments()).hasSize(401);
        assertThat(m.draft().enclosure().attachments().getLast().id()).isEqualTo("original-message");
        assertThat(Extensions.size(m.draft().enclosure().extensions())).isLessThanOrEqualTo(ExtensionLayer.ENCLOSURE.sendLimit());
        assertThat(Fixtures.text(RoundTripTest.trip(in))).endsWith(Fixtures.text(in));
    }
}
