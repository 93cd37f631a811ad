package sempgw.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import sempgw.agent.fidelity.MimeFidelity;
import sempgw.core.envelope.brief.Brief;
import sempgw.core.envelope.enclosure.Enclosure;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonParser;

/** What reaches the mailbox when the sender or a carried header cannot be trusted. */
final class InboundSafetyTest {
    private static final String SECRET = "The merger closes on Friday.";

    private static Fixtures.Opened opened(String... headers) throws ConversionException {
        String[] lines = new String[headers.length + 2];
        System.arraycopy(headers, 0, lines, 0, headers.length);
        lines[headers.length] = "";
        lines[headers.length + 1] = SECRET;
        return Fixtures.wire(Fixtures.convert(Fixtures.message(lines), Fixtures.context("bob@peer.example")));
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE | Pattern.CASE_INSENSITIVE).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void carried_forgedVerificationAndTrace_replacedByExactlyOneOfOurs() throws Exception {
        Fixtures.Opened o = opened("Received: from x by y", "SEMP-Verification: origin=semp; seal=pass; sender-signature=pass; "
                + "sender-domain=bank.example", "From: alice@corp.example", "To: bob@peer.example", "semp-verification: forged",
                "Return-Path: <a@b>");

        String text = Fixtures.text(Fixtures.render(o, "bob@peer.example"));

        assertThat(count(text, "^SEMP-Verification:")).isEqualTo(1);
        assertThat(text).startsWith("SEMP-Verification: origin=semp; seal=pass; sender-signature=pass; sender-domain=corp.example\r\n")
                .doesNotContain("bank.example", "forged", "Received:", "Return-Path:");
    }

    @Test
    void carried_foreignGatewayHeaderWithBccAndVerification_removedOnTheWayIn() throws Exception {
        Fixtures.Opened o = opened("From: alice@corp.example", "To: bob@peer.example", "Subject: s");
        String data = new String(sempgw.core.json.CanonicalJson.encode(o.enclosure().extensions()), StandardCharsets.UTF_8)
                .replace("Subject: s\\r\\n", "Subject: s\\r\\nBcc: eve@peer.example\\r\\nSEMP-Verification: origin=semp; fake\\r\\n");
        Fixtures.Opened tampered = new Fixtures.Opened(o.brief(), withExtensions(o.enclosure(), JsonParser.parseObject(data.getBytes(StandardCharsets.UTF_8))));

        String text = Fixtures.text(Fixtures.render(tampered, "bob@peer.example"));

        assertThat(text).doesNotContain("Bcc:", "eve@", "fake").contains(SECRET);
        assertThat(count(text, "^SEMP-Verification:")).isEqualTo(1);
    }

    @Test
    void carried_fromOutsideSenderDomain_replacedByVerifiedSender() throws Exception {
        Fixtures.Opened o = opened("From: \"Bank CEO\" <ceo@bank.example>", "To: bob@peer.example", "Subject: wire money");

        String text = Fixtures.text(Fixtures.render(o, "bob@peer.example"));

        assertThat(text).contains("\r\nFrom: Bank CEO <alice@corp.example>\r\nX-Original-From: \"Bank CEO\" <ceo@bank.example>\r\n");
        assertThat(count(text, "^From:")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = Verification.SignatureCheck.class, names = {"FAIL", "UNKNOWN_KEY"})
    void signatureNotVerified_noticeInsteadOfContent(Verification.SignatureCheck outcome) throws Exception {
        Fixtures.Opened o = opened("From: alice@corp.example", "To: bob@peer.example", "Subject: Merger");
        InboundContext ctx = new InboundContext(o.brief(), Optional.of(o.enclosure()), Verification.semp(outcome, "corp.example"),
                "bob@peer.example", Fixtures.NOW, "gw.peer.example");

        byte[] out = SempToMime.render(ctx);
        String text = Fixtures.text(out);

        assertThat(text).startsWith("SEMP-Verification: origin=semp; seal=pass; sender-signature="
                + (outcome == Verification.SignatureCheck.FAIL ? "fail" : "unknown-key") + "; sender-domain=corp.example\r\n");
        assertThat(count(text, "^SEMP-Verification:")).isEqualTo(1);
        assertThat(NativeRenderTest.parse(out).getSubject()).isEqualTo("Unverifiable SEMP message from alice@corp.example withheld");
        assertThat(text).contains("\r\nFrom: SEMP gateway <MAILER-DAEMON@gw.peer.example>\r\n", "\r\nTo: bob@peer.example\r\n",
                "\r\nAuto-Submitted: auto-generated\r\n", "\r\nMessage-ID: <withheld." + o.brief().messageId() + "@gw.peer.example>\r\n",
                o.brief().messageId()).doesNotContain(SECRET, "Merger");
        assertThat(SempToMime.render(ctx)).as("a retry yields the same notice").isEqualTo(out);
    }

    @Test
    void noEnclosure_noticeInsteadOfContent() {
        Brief b = NativeRenderTest.brief(List.of("bob@corp.example"), List.of(), List.of());
        InboundContext ctx = new InboundContext(b, Optional.empty(), Verification.semp(Verification.SignatureCheck.FAIL, "native.example"),
                "bob@corp.example", Fixtures.NOW, "not a host!");

        String text = Fixtures.text(SempToMime.render(ctx));

        assertThat(text).contains("Subject: Unverifiable SEMP message from carol@native.example withheld", "MAILER-DAEMON@localhost");
    }

    @Test
    void invalidExtension_fallsBackToNativeRendering() throws Exception {
        Fixtures.Opened o = opened("From: alice@corp.example", "To: bob@peer.example", "Subject: s");
        String json = new String(sempgw.core.json.CanonicalJson.encode(o.enclosure().extensions()), StandardCharsets.UTF_8);
        List<String> broken = List.of(json.replace("\"body\":\"text/plain\"", "\"body\":\"text/missing\""),
                json.replace("\"version\":1", "\"version\":3"), json.replace("\"cte\":\"identity\"", "\"cte\":\"rot13\""),
                json.replace("\"header\":\"", "\"header\":{\"base64\":\"!!\"},\"x\":\""),
                json.replace("\"charset\":\"US-ASCII\"", "\"charset\":\"ISO-2022-CN\""));

        assertThat(json).contains("\"charset\":\"US-ASCII\"");
        for (String variant : broken) {
            Enclosure e = withExtensions(o.enclosure(), JsonParser.parseObject(variant.getBytes(StandardCharsets.UTF_8)));
            String text = Fixtures.text(Fixtures.render(new Fixtures.Opened(o.brief(), e), "bob@peer.example"));
            assertThat(text).as(variant).contains("\r\nMessage-ID: <" + o.brief().messageId() + "@semp.invalid>\r\n", SECRET);
        }
    }

    @Test
    void extensionReferencingOneAttachmentTwice_refused() throws Exception {
        byte[] mime = Fixtures.message("From: alice@corp.example", "To: bob@peer.example", "Content-Type: multipart/mixed; boundary=b", "",
                "--b", "Content-Type: application/octet-stream", "Content-Transfer-Encoding: base64", "", "AAAA", "--b",
                "Content-Type: application/octet-stream", "Content-Transfer-Encoding: base64", "", "AAAA", "--b--");
        Fixtures.Opened o = Fixtures.wire(Fixtures.convert(mime, Fixtures.context("bob@peer.example")));
        String json = new String(sempgw.core.json.CanonicalJson.encode(o.enclosure().extensions()), StandardCharsets.UTF_8)
                .replace("\"attachment\":\"part-2\"", "\"attachment\":\"part-1\"");

        Enclosure amplified = withExtensions(o.enclosure(), JsonParser.parseObject(json.getBytes(StandardCharsets.UTF_8)));

        assertThat(json).contains("\"attachment\":\"part-1\"").doesNotContain("part-2\"");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MimeFidelity.rebuild(amplified))
                .hasMessageContaining("referenced twice");
    }

    @Test
    void extensionWithOverlappingBodyRanges_refused() throws Exception {
        Fixtures.Opened o = footerMessage();
        String json = new String(sempgw.core.json.CanonicalJson.encode(o.enclosure().extensions()), StandardCharsets.UTF_8);
        java.util.regex.Matcher footer = java.util.regex.Pattern.compile("\"range\":\\[(\\d+),(\\d+)\\]").matcher(json);
        assertThat(footer.find() && footer.find()).as("two ranges of the plain body").isTrue();
        String overlapping = json.substring(0, footer.start()) + "\"range\":[0," + footer.group(2) + "]" + json.substring(footer.end());

        Enclosure amplified = withExtensions(o.enclosure(), JsonParser.parseObject(overlapping.getBytes(StandardCharsets.UTF_8)));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MimeFidelity.rebuild(amplified)).hasMessageContaining("referenced twice");
    }

    @Test
    void extensionWithBodyRangeBeyondTheBodyOrInVersion1_refused() throws Exception {
        Fixtures.Opened o = footerMessage();
        String json = new String(sempgw.core.json.CanonicalJson.encode(o.enclosure().extensions()), StandardCharsets.UTF_8);
        int end = o.enclosure().body().get("text/plain").length();
        String beyond = json.replaceFirst("(\"range\":\\[\\d+,\\d+\\].*?\"range\":\\[)(\\d+),(\\d+)\\]", "$1$2," + (end + 1) + "]");

        assertThat(beyond).isNotEqualTo(json);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MimeFidelity.rebuild(withExtensions(o.enclosure(),
                JsonParser.parseObject(beyond.getBytes(StandardCharsets.UTF_8))))).hasMessageContaining("beyond the end of the body");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MimeFidelity.rebuild(withExtensions(o.enclosure(),
                JsonParser.parseObject(json.replace("\"version\":2", "\"version\":1").getBytes(StandardCharsets.UTF_8)))))
                .hasMessageContaining("needs extension version 2");
        assertThat(MimeFidelity.rebuild(o.enclosure())).isPresent();
    }

    /** A message whose plain body is its text and a list footer, each part referring to its range of it. */
    private static Fixtures.Opened footerMessage() throws ConversionException {
        byte[] mime = Fixtures.message("From: alice@corp.example", "To: bob@peer.example", "Content-Type: multipart/mixed; boundary=b", "",
                "--b", "Content-Type: text/plain", "", "the text", "--b", "Content-Type: text/plain", "", "the footer", "--b--");
        return Fixtures.wire(Fixtures.convert(mime, Fixtures.context("bob@peer.example")));
    }

    static Enclosure withExtensions(Enclosure e, JsonObject extensions) {
        return new Enclosure(e.subject(), e.contentType(), e.body(), e.attachments(), e.forwardedFrom(), extensions, e.senderSignature());
    }
}
