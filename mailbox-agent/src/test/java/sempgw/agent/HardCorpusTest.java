package sempgw.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sempgw.agent.mime.MimeLimits;
import sempgw.agent.mime.MimeParser;
import sempgw.agent.mime.MimePart;
import sempgw.core.envelope.ExtensionLayer;
import sempgw.core.envelope.Extensions;
import sempgw.core.envelope.enclosure.Attachment;
import sempgw.core.envelope.enclosure.AttachmentCheck;
import sempgw.core.envelope.enclosure.Enclosure;
import sempgw.core.json.JsonObject;

/**
 * The {@link HardCorpus} through both directions: each message that converts arrives at the
 * other gateway's mailbox byte for byte below one verification header (docs/conversion.md §3,
 * §4.2), gives a native SEMP client the subject, body and attachments a mail reader would show
 * (§2), and renders for a native-only peer as MIME a mail library reads (§4.3); each message that
 * does not is refused with its reason code, never an unchecked exception (§7).
 */
final class HardCorpusTest {
    private static final String VERIFIED = "SEMP-Verification: origin=semp; seal=pass; sender-signature=pass; sender-domain=corp.example\r\n";
    private static final Pattern VERIFICATION_LINE = Pattern.compile("(?im)^SEMP-Verification:");

    static Stream<HardCorpus.Converts> converting() {
        return HardCorpus.converting().stream();
    }

    static Stream<HardCorpus.Refused> refused() {
        return HardCorpus.refused().stream();
    }

    @Test
    void corpus_atLeastFortyMessages_namesUnique() {
        List<String> names = Stream.concat(converting().map(HardCorpus.Converts::name), refused().map(HardCorpus.Refused::name)).toList();

        assertThat(names).hasSizeGreaterThanOrEqualTo(40).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("converting")
    void roundTrip_hardMessage_deliveredByteForByteBelowOneVerificationHeader(HardCorpus.Converts c) throws Exception {
        byte[] out = RoundTripTest.trip(c.mime());

        RoundTripTest.assertSameBytes(out, Corpus.concat(VERIFIED.getBytes(StandardCharsets.US_ASCII), RoundTripTest.delivered(c.mime())), c.name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("converting")
    void roundTrip_hardMessage_sameEntityTreeOnBothSides(HardCorpus.Converts c) throws Exception {
        MimePart before = MimeParser.parse(RoundTripTest.delivered(c.mime()), MimeLimits.defaults());
        MimePart after = MimeParser.parse(RoundTripTest.trip(c.mime()), MimeLimits.defaults());

        assertThat(shape(after)).isEqualTo(shape(before));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("converting")
    void convert_hardMessage_nativeViewAsAMailReaderShowsIt(HardCorpus.Converts c) throws Exception {
        OutboundMessage m = Fixtures.convert(c.mime(), Fixtures.context(Corpus.RCPT));
        Enclosure e = Fixtures.wire(m).enclosure();

        c.nativeView().check(e);
        assertThat(e.body()).isNotEmpty();
        assertThat(e.body().keySet()).isSubsetOf("text/plain", "text/html");
        assertThat(e.contentType()).isEqualTo(e.body().size() > 1 ? "multipart/alternative" : e.body().keySet().iterator().next());
        e.subject().ifPresent(s -> assertThat(s).isEqualTo(s.strip()).doesNotContain("\r", "\n"));
        Set<String> ids = new HashSet<>();
        for (Attachment a : e.attachments()) {
            assertThat(ids.add(a.id())).as("unique id " + a.id()).isTrue();
            assertThat(AttachmentCheck.verify(a)).as(a.id()).isTrue();
            assertThat(a.filename()).as(a.id()).isNotBlank().doesNotContain("/", "\\")
                    .matches(n -> n.codePoints().noneMatch(Character::isISOControl), "no control characters")
                    .matches(n -> n.codePoints().noneMatch(cp -> Character.getType(cp) == Character.FORMAT), "no invisible format characters")
                    .doesNotMatch("\\.[^.]*");
            assertThat(a.mimeType()).matches("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+");
        }
        assertThat(Extensions.size(e.extensions())).isLessThanOrEqualTo(ExtensionLayer.ENCLOSURE.sendLimit());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("converting")
    void render_hardMessageForNativeOnlyPeer_oneVerificationHeader_mailLibraryReadsEveryPart(HardCorpus.Converts c) throws Exception {
        Fixtures.Opened o = Fixtures.wire(Fixtures.convert(c.mime(), Fixtures.context(Corpus.RCPT)));
        Enclosure e = o.enclosure();
        Enclosure nativeOnly = InboundSafetyTest.withExtensions(e, JsonObject.EMPTY);

        byte[] out = Fixtures.render(new Fixtures.Opened(o.brief(), nativeOnly), Corpus.RCPT);

        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(text).startsWith(VERIFIED);
        assertThat(VERIFICATION_LINE.matcher(text).results().count()).isEqualTo(1);
        MimeMessage read = NativeRenderTest.parse(out);
        assertThat(read.getSubject()).isEqualTo(e.subject().orElse(null));
        assertThat(leaves(read)).isEqualTo(e.attachments().size() + e.body().size());
        assertThat(read.getHeader("Reply-To", ",")).isEqualTo(o.brief().replyTo().orElse(null));
    }

    @Test
    void replyToIpLiteral_converts_leftOutOfBrief_carriedHeaderKeepsIt() throws Exception {
        byte[] mime = sample("reply-to-ip-literal");

        OutboundMessage m = Fixtures.convert(mime, Fixtures.context(Corpus.RCPT));

        assertThat(m.draft().brief().replyTo()).isEmpty();
        assertThat(m.draft().brief().to()).containsExactly(Corpus.RCPT);
        assertThat(Fixtures.text(RoundTripTest.trip(mime))).contains("\r\nReply-To: helpdesk <help@[192.0.2.1]>\r\n");
    }

    @Test
    void replyToListWithUnusableFirstMailbox_firstUsableInBrief_carriedHeaderKeepsAll() throws Exception {
        byte[] mime = sample("reply-to-list-first-unusable");

        OutboundMessage m = Fixtures.convert(mime, Fixtures.context(Corpus.RCPT));

        assertThat(m.draft().brief().replyTo()).contains("Help@corp.example");
        assertThat(Fixtures.text(RoundTripTest.trip(mime)))
                .contains("\r\nReply-To: noreply@mail_server.example,\r\n \"Help Desk\" <Help@Corp.Example>, other@corp.example\r\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void convert_hardMessage_refusedWithItsReason(HardCorpus.Refused r) {
        assertThatThrownBy(() -> Fixtures.convert(r.mime(), Fixtures.context(Corpus.RCPT)))
                .isInstanceOfSatisfying(ConversionException.class, e -> {
                    assertThat(e.error()).isEqualTo(r.error());
                    assertThat(e.reason()).startsWith(r.error().code() + ": ").doesNotContain("alice", "bob");
                });
    }

    @Test
    void smimeSignedWithTrailingWhitespace_afterRoundTrip_signatureVerifies() throws Exception {
        MimePart signed = MimeParser.parse(RoundTripTest.trip(sample("smime-signed-trailing-whitespace")), MimeLimits.defaults());

        byte[] content = signed.children().get(0).whole().bytes();
        byte[] signature = signed.children().get(1).encoding().decode(signed.children().get(1).body());
        assertThat(Signatures.smimeVerifies(content, signature)).isTrue();
    }

    @Test
    void pgpSignedWithTrailingWhitespace_afterRoundTrip_signatureVerifies() throws Exception {
        MimePart signed = MimeParser.parse(RoundTripTest.trip(sample("pgp-signed-trailing-whitespace")), MimeLimits.defaults());

        byte[] content = signed.children().get(0).whole().bytes();
        assertThat(Signatures.pgpVerifies(content, signed.children().get(1).body().bytes())).isTrue();
    }

    private static byte[] sample(String name) {
        return HardCorpus.converting().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().mime();
    }

    /** The tree's types and section numbers, as one string. */
    private static String shape(MimePart p) {
        StringBuilder s = new StringBuilder(p.label()).append(' ').append(p.type().mimeType().toLowerCase(Locale.ROOT));
        p.children().forEach(c -> s.append(" (").append(shape(c)).append(')'));
        return s.toString();
    }

    /** The leaf parts Jakarta Mail finds, each read to its end. */
    private static int leaves(Part p) throws Exception {
        Object content = p.getContent();
        if (content instanceof Multipart mp) {
            int n = 0;
            for (int i = 0; i < mp.getCount(); i++) {
                n += leaves(mp.getBodyPart(i));
            }
            return n;
        }
        p.getInputStream().readAllBytes();
        return 1;
    }
}
