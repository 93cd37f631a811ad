package sempgw.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sempgw.agent.fidelity.MimeFidelity;
import sempgw.agent.mime.MimeLimits;
import sempgw.agent.mime.MimeParser;
import sempgw.agent.mime.MimePart;
import sempgw.core.envelope.ExtensionLayer;
import sempgw.core.envelope.Extensions;
import sempgw.core.envelope.enclosure.Attachment;

/** Gateway to gateway: MIME -> draft -> JSON -> MIME gives the original message back, byte for byte. */
final class RoundTripTest {
    private static final String VERIFIED = "SEMP-Verification: origin=semp; seal=pass; sender-signature=pass; sender-domain=corp.example\r\n";
    /** A line break followed by a line that is neither a continuation nor {@code name:} (RFC 5322 §2.2). */
    private static final Pattern NOT_A_FIELD = Pattern.compile("\r\n(?![ \t]|[!-9;-~]+[ \t]*:)");
    /** A line that starts a field: a name of printable US-ASCII without colon, then the colon. */
    private static final Pattern A_FIELD = Pattern.compile("[!-9;-~]+[ \t]*:");
    private static final Set<String> DROPPED = Set.of("received", "return-path", "bcc", "resent-bcc", "delivered-to",
            "x-original-to", "authentication-results", "received-spf");

    static Stream<Corpus.Sample> corpus() {
        return Corpus.all().stream();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void roundTrip_anyMessage_deliversOriginalBelowOneVerificationHeader(Corpus.Sample s) throws Exception {
        byte[] out = trip(s.mime());

        assertSameBytes(out, Corpus.concat(VERIFIED.getBytes(StandardCharsets.US_ASCII), delivered(s.mime())), s.name());
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void roundTrip_anyMessage_everyBodyPartIdentical(Corpus.Sample s) throws Exception {
        MimePart before = MimeParser.parse(delivered(s.mime()), MimeLimits.defaults());
        MimePart after = MimeParser.parse(trip(s.mime()), MimeLimits.defaults());

        List<MimePart> a = flatten(before);
        List<MimePart> b = flatten(after);
        assertThat(b).hasSameSizeAs(a);
        assertSameBytes(b.getFirst().body().bytes(), a.getFirst().body().bytes(), "message body");
        for (int i = 1; i < a.size(); i++) {
            assertSameBytes(b.get(i).whole().bytes(), a.get(i).whole().bytes(), "part " + a.get(i).label());
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void convert_anyMessage_extensionWithinEnclosureLimit(Corpus.Sample s) throws Exception {
        OutboundMessage m = Fixtures.convert(s.mime(), Fixtures.context(Corpus.RCPT));

        assertThat(Extensions.size(m.draft().enclosure().extensions())).isLessThanOrEqualTo(ExtensionLayer.ENCLOSURE.sendLimit());
        assertThat(m.draft().enclosure().extensions().keys()).containsExactly(MimeFidelity.KEY);
    }

    @Test
    void smimeSigned_afterRoundTrip_signatureVerifies() throws Exception {
        MimePart signed = MimeParser.parse(trip(sample("smime-signed")), MimeLimits.defaults());

        assertThat(signed.type().mimeType()).isEqualTo("multipart/signed");
        byte[] content = signed.children().get(0).whole().bytes();
        byte[] signature = signed.children().get(1).encoding().decode(signed.children().get(1).body());
        assertThat(Signatures.smimeVerifies(content, signature)).isTrue();
        content[content.length - 10] ^= 1;
        assertThat(Signatures.smimeVerifies(content, signature)).as("the check can fail").isFalse();
    }

    @Test
    void pgpMimeSigned_afterRoundTrip_signatureVerifies() throws Exception {
        MimePart signed = MimeParser.parse(trip(sample("pgp-mime-signed")), MimeLimits.defaults());

        byte[] content = signed.children().get(0).whole().bytes();
        byte[] signature = signed.children().get(1).body().bytes();
        assertThat(Signatures.pgpVerifies(content, signature)).isTrue();
        content[content.length - 5] ^= 1;
        assertThat(Signatures.pgpVerifies(content, signature)).as("the check can fail").isFalse();
    }

    @Test
    void jakartaMixed_attachmentsReproducible_carriedOnceAsReferences() throws Exception {
        OutboundMessage m = Fixtures.convert(sample("mixed-attachments-jakarta"), Fixtures.context(Corpus.RCPT));

        List<Attachment> atts = m.draft().enclosure().attachments();
        assertThat(atts).extracting(Attachment::filename).containsExactly("Übersicht Q2.pdf", "numbers.csv");
        assertThat(atts.getFirst().size()).isEqualTo(50_000);
        assertThat(Extensions.size(m.draft().enclosure().extensions())).isLessThan(4000);
        String ext = new String(sempgw.core.json.CanonicalJson.encode(m.draft().enclosure().extensions()), StandardCharsets.UTF_8);
        assertThat(ext).contains("\"attachment\":\"part-2\"", "\"attachment\":\"part-3\"", "\"body\":\"text/plain\"",
                "\"body\":\"text/html\"").doesNotContain("\"raw\"");
    }

    @Test
    void smimeSigned_largeSignedSubtree_movesToCarrierAttachment() throws Exception {
        OutboundMessage m = Fixtures.convert(sample("smime-signed"), Fixtures.context(Corpus.RCPT));

        assertThat(m.draft().enclosure().attachments()).extracting(Attachment::id).as(m.draft().enclosure().attachments().toString())
                .containsExactly("part-1.2", "part-2", "original-message");
        assertThat(m.draft().enclosure().attachments().getLast().mimeType()).isEqualTo("message/rfc822");
        assertThat(m.draft().enclosure().body().get("text/plain")).isEqualTo("Signed text, café.");
    }

    @Test
    void lfOnlyInput_normalizedToCrlf_thenIdentical() throws Exception {
        byte[] lf = "From: alice@corp.example\nTo: bob@peer.example\nSubject: lf\nDate: Sun, 8 Jun 2025 12:00:00 +0000\nMessage-ID: <lf@x>\n\nline one\nline two\n"
                .getBytes(StandardCharsets.US_ASCII);

        byte[] out = trip(lf);

        assertThat(Fixtures.text(out)).isEqualTo(VERIFIED + "From: alice@corp.example\r\nTo: bob@peer.example\r\nSubject: lf\r\n"
                + "Date: Sun, 8 Jun 2025 12:00:00 +0000\r\nMessage-ID: <lf@x>\r\n\r\nline one\r\nline two\r\n");
    }

    @Test
    void messageTraits_utf8HeadersAnd8bitBody_bothReported() throws Exception {
        assertThat(MessageTraits.of(trip(sample("utf8-headers-smtputf8")))).isEqualTo(new MessageTraits(true, true));
        assertThat(MessageTraits.of(trip(sample("plain-ascii")))).isEqualTo(new MessageTraits(false, false));
    }

    static byte[] trip(byte[] mime) throws ConversionException {
        return Fixtures.render(Fixtures.wire(Fixtures.convert(mime, Fixtures.context(Corpus.RCPT))), Corpus.RCPT);
    }

    static byte[] sample(String name) {
        return Corpus.all().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().mime();
    }

    /** Fails with the first differing offset rather than two dumps of bytes. */
    static void assertSameBytes(byte[] actual, byte[] expected, String what) {
        int i = java.util.Arrays.mismatch(actual, expected);
        if (i >= 0) {
            String a = new String(actual, Math.max(0, i - 40), Math.min(actual.length, i + 40) - Math.max(0, i - 40), StandardCharsets.ISO_8859_1);
            String e = new String(expected, Math.max(0, i - 40), Math.min(expected.length, i + 40) - Math.max(0, i - 40), StandardCharsets.ISO_8859_1);
            throw new AssertionError(what + ": bytes differ at offset " + i + " (lengths " + actual.length + " and " + expected.length
                    + ")\nactual:   " + a.replace("\r", "\\r").replace("\n", "\\n") + "\nexpected: " + e.replace("\r", "\\r").replace("\n", "\\n"));
        }
    }

    /**
     * What the mailbox should get below our header: the message with CRLF line ends, without
     * trace, Bcc and SEMP-* fields (written independently of HeaderPolicy).
     */
    static byte[] delivered(byte[] original) {
        return expected(original, true);
    }

    /** What the fidelity extension rebuilds: {@link #delivered} without a blank line added after a header cut short. */
    static byte[] carried(byte[] original) {
        return expected(original, false);
    }

    private static byte[] expected(byte[] original, boolean separated) {
        String all = new String(original, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n");
        if (!A_FIELD.matcher(all).lookingAt()) {
            // No header field at all: the whole message is body, below a blank line the renderer writes if it is missing.
            return ((separated && !all.startsWith("\r\n") ? "\r\n" : "") + all).getBytes(StandardCharsets.ISO_8859_1);
        }
        int split = all.indexOf("\r\n\r\n");
        String head = split < 0 ? all : all.substring(0, split + 2);
        String rest = split < 0 ? "" : all.substring(split + 2);
        Matcher notAField = NOT_A_FIELD.matcher(all);
        if (notAField.find() && (split < 0 || notAField.start() < split)) {
            // The header ends at its first line that is not a field; the renderer then adds the blank line.
            head = all.substring(0, notAField.start() + 2);
            rest = (separated ? "\r\n" : "") + all.substring(notAField.start() + 2);
        }
        StringBuilder kept = new StringBuilder();
        boolean keep = true;
        for (String line : head.split("(?<=\r\n)")) {
            if (!line.startsWith(" ") && !line.startsWith("\t")) {
                String name = line.substring(0, Math.max(0, line.indexOf(':'))).strip().toLowerCase(Locale.ROOT);
                keep = !DROPPED.contains(name) && !name.startsWith("semp-");
            }
            if (keep) {
                kept.append(line);
            }
        }
        return (kept + rest).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static List<MimePart> flatten(MimePart p) {
        List<MimePart> out = new ArrayList<>();
        out.add(p);
        p.children().forEach(c -> out.addAll(flatten(c)));
        return out;
    }
}
