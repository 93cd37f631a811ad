package sempgw.agent;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sempgw.core.envelope.brief.Brief;
import sempgw.core.envelope.enclosure.Enclosure;
import sempgw.core.json.JsonObject;

/** Thread continuity across SEMP and legacy ids (CLIENT.md §6.4.4, §3.6), both directions. */
final class ThreadingTest {
    private static final String SEMP_PARENT = "01JX8Z3V9Q2W5E7R1T3Y5U7I9O";

    private static Brief outbound(String extraHeaders) throws ConversionException {
        byte[] mime = Fixtures.message("From: alice@corp.example", "To: bob@peer.example", "Subject: t",
                "Message-ID: <own@corp.example>" + extraHeaders, "", "x");
        return Fixtures.convert(mime, Fixtures.context("bob@peer.example")).draft().brief();
    }

    @Test
    void outbound_replyToSyntheticSempId_inReplyToIsThatId() throws Exception {
        assertThat(outbound("\r\nIn-Reply-To: <" + SEMP_PARENT + "@semp.invalid>").inReplyTo()).contains(SEMP_PARENT);
        assertThat(outbound("\r\nIn-Reply-To: <" + SEMP_PARENT + "@SEMP.example>").inReplyTo()).contains(SEMP_PARENT);
    }

    @Test
    void outbound_replyToLegacyId_inReplyToIsLegacyPrefixed() throws Exception {
        Brief b = outbound("\r\nIn-Reply-To: <parent.123@mail.example.net> (comment)");

        assertThat(b.inReplyTo()).contains("legacy:parent.123@mail.example.net");
    }

    @Test
    void outbound_references_threadIdFromFirstReference() throws Exception {
        Brief legacyRoot = outbound("\r\nIn-Reply-To: <p@x.example>\r\nReferences: <root@x.example>\r\n <p@x.example>");
        Brief sempRoot = outbound("\r\nIn-Reply-To: <p@x.example>\r\nReferences: <" + SEMP_PARENT + "@semp.invalid> <p@x.example>");

        assertThat(legacyRoot.threadId()).contains("legacy:root@x.example");
        assertThat(sempRoot.threadId()).contains(SEMP_PARENT);
    }

    @Test
    void outbound_noReferences_threadIdFromParentThenOwnId() throws Exception {
        assertThat(outbound("\r\nIn-Reply-To: <p@x.example>").threadId()).contains("legacy:p@x.example");
        assertThat(outbound("").threadId()).contains("legacy:own@corp.example");
        assertThat(outbound("").inReplyTo()).isEmpty();
    }

    @Test
    void outbound_garbageReferences_ignored() throws Exception {
        Brief b = outbound("\r\nReferences: not an id, <no-at-sign>");

        assertThat(b.threadId()).contains("legacy:own@corp.example");
    }

    @Test
    void inbound_legacyParent_inReplyToAndReferencesAreOriginalIds() throws Exception {
        Brief reply = new Brief("01JX0000000000000000000042", "carol@native.example", List.of("alice@corp.example"), List.of(),
                List.of(), Optional.empty(), Instant.parse("2025-06-09T08:00:00Z"), Optional.of("legacy:own@corp.example"),
                Optional.empty(), Optional.of("01JX0000000000000000000001"), JsonObject.EMPTY);

        MimeMessage m = NativeRenderTest.parse(NativeRenderTest.render(reply, Enclosure.of("Re: t", "text/plain", "ok")));

        assertThat(m.getHeader("In-Reply-To", ",")).isEqualTo("<01JX0000000000000000000001@semp.invalid>");
        assertThat(m.getHeader("References", ",")).isEqualTo("<own@corp.example> <01JX0000000000000000000001@semp.invalid>");
    }

    @Test
    void inbound_legacyInReplyTo_becomesPlainMessageId() throws Exception {
        Brief reply = new Brief("01JX0000000000000000000043", "carol@native.example", List.of("alice@corp.example"), List.of(),
                List.of(), Optional.empty(), Instant.parse("2025-06-09T08:00:00Z"), Optional.empty(), Optional.empty(),
                Optional.of("legacy:own@corp.example"), JsonObject.EMPTY);

        MimeMessage m = NativeRenderTest.parse(NativeRenderTest.render(reply, Enclosure.of("Re: t", "text/plain", "ok")));

        assertThat(m.getHeader("In-Reply-To", ",")).isEqualTo("<own@corp.example>");
        assertThat(m.getHeader("References", ",")).isEqualTo("<own@corp.example>");
    }

    @Test
    void roundTrip_sempIdThroughSyntheticMessageId_recovered() throws Exception {
        String odd = "id with spaces/ünïcode..and=equals.";
        String synthetic = sempgw.agent.mime.MessageIds.synthetic(odd);

        Brief b = outbound("\r\nIn-Reply-To: " + synthetic);

        assertThat(synthetic).matches("<[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@semp\\.invalid>");
        assertThat(b.inReplyTo()).contains(odd);
    }
}
