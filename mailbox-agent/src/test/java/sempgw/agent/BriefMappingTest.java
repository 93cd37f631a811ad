package sempgw.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import sempgw.core.envelope.brief.Brief;

/** The brief of a delivery batch (ENVELOPE.md §5): recipients, Bcc, canonical addresses, time, opt-in. */
final class BriefMappingTest {
    private static final byte[] MIME = Fixtures.message("From: Alice <alice@corp.example>",
            "To: Bob <bob@peer.example>, carol@peer.example, Xavier <x@other.example>, list@lists.example",
            "Cc: =?utf-8?Q?D=C3=A4ve?= <Dave@Peer.Example>", "Subject: =?utf-8?B?w5xiZXI=?= numbers",
            "Date: Sat, 7 Jun 2025 08:30:00 EST", "Message-ID: <mid@corp.example>", "", "body");

    private static OutboundMessage batch(List<String> now) throws ConversionException {
        List<String> envelope = List.of("bob@peer.example", "carol@peer.example", "dave@peer.example", "eve@peer.example",
                "x@other.example", "frank@other.example");
        return Fixtures.convert(MIME, Fixtures.context(envelope, now));
    }

    @Test
    void batch_recipientsSplitIntoVisibleAndBlind_otherBatchesAtSameDomainLeftOut() throws Exception {
        Brief b = batch(List.of("bob@peer.example", "dave@peer.example", "eve@peer.example")).draft().brief();

        assertThat(b.from()).isEqualTo("alice@corp.example");
        assertThat(b.to()).containsExactly("bob@peer.example", "x@other.example");
        assertThat(b.cc()).containsExactly("dave@peer.example");
        assertThat(b.bcc()).containsExactly("eve@peer.example");
    }

    @Test
    void batch_otherDomain_sameHeaderRecipientsAndOwnBlindOnly() throws Exception {
        Brief b = batch(List.of("x@other.example", "frank@other.example")).draft().brief();

        assertThat(b.to()).containsExactly("bob@peer.example", "carol@peer.example", "x@other.example");
        assertThat(b.cc()).containsExactly("dave@peer.example");
        assertThat(b.bcc()).containsExactly("frank@other.example");
    }

    @Test
    void convert_messageFields_idTimeSubjectOptIn() throws Exception {
        OutboundMessage m = batch(List.of("bob@peer.example"));

        assertThat(m.draft().brief().messageId()).isEqualTo("01JX0000000000000000000001");
        assertThat(m.draft().brief().sentAt()).isEqualTo(Instant.parse("2025-06-07T13:30:00Z"));
        assertThat(m.draft().enclosure().subject()).contains("Über numbers");
        assertThat(m.draft().enclosure().contentType()).isEqualTo("text/plain");
        assertThat(m.draft().enclosure().body()).containsEntry("text/plain", "body\n");
        assertThat(m.legacyMessageId()).contains("mid@corp.example");
        assertThat(m.authorRequiresSemp()).isFalse();
    }

    @Test
    void convert_sempRequireYes_flagged() throws Exception {
        byte[] mime = Fixtures.message("From: alice@corp.example", "To: bob@peer.example", "SEMP-Require:  YES (author)", "", "x");

        assertThat(Fixtures.convert(mime, Fixtures.context("bob@peer.example")).authorRequiresSemp()).isTrue();
    }

    @Test
    void convert_dateAheadOfOurClock_sentAtIsNow() throws Exception {
        for (String ahead : List.of("Sun, 8 Jun 2025 12:05:01 +0000", "Sun, 8 Jun 2025 12:25:00 +0000", "Mon, 9 Jun 2025 08:30:00 EST")) {
            byte[] mime = Fixtures.message("From: alice@corp.example", "To: bob@peer.example", "Date: " + ahead, "", "x");

            assertThat(Fixtures.convert(mime, Fixtures.context("bob@peer.example")).draft().brief().sentAt()).as(ahead)
                    .isEqualTo(Fixtures.NOW);
        }
    }

    @Test
    void convert_noDate_sentAtIsNow() throws Exception {
        byte[] mime = Fixtures.message("From: alice@corp.example", "To: bob@peer.example", "Date: not a date", "", "x");

        assertThat(Fixtures.convert(mime, Fixtures.context("bob@peer.example")).draft().brief().sentAt()).isEqualTo(Fixtures.NOW);
    }

    @Test
    void convert_idnAndUnicodeAddresses_canonicalized() throws Exception {
        byte[] mime = Fixtures.message("From: alice@corp.example", "To: Bob <bob@BÜCHER.example>, 用户@peer.example", "Reply-To: <Team@Corp.Example.>",
                "", "x");

        Brief b = Fixtures.convert(mime, Fixtures.context(List.of("bob@bücher.example", "用户@peer.example"), List.of("bob@bücher.example")))
                .draft().brief();

        assertThat(b.to()).containsExactly("bob@xn--bcher-kva.example", "用户@peer.example");
        assertThat(b.replyTo()).contains("Team@corp.example");
    }

    @Test
    void convert_invalidEnvelopeRecipient_refused() {
        byte[] mime = Fixtures.message("From: alice@corp.example", "To: bob@peer.example", "", "x");

        assertThatThrownBy(() -> Fixtures.convert(mime, Fixtures.context(List.of("bob@peer.example", "no-at-sign"), List.of("bob@peer.example"))))
                .isInstanceOfSatisfying(ConversionException.class, e -> assertThat(e.error()).isEqualTo(ConversionError.INVALID_ADDRESS));
    }

    @Test
    void convert_nonCanonicalSender_refused() {
        byte[] mime = Fixtures.message("From: alice@corp.example", "To: bob@peer.example", "", "x");
        OutboundContext ctx = new OutboundContext("alice@Corp.Example", List.of("bob@peer.example"), List.of("bob@peer.example"),
                Fixtures.NOW, Fixtures.ids());

        assertThatThrownBy(() -> Fixtures.convert(mime, ctx))
                .isInstanceOfSatisfying(ConversionException.class, e -> assertThat(e.reason()).startsWith("address_invalid: "));
    }

    @Test
    void convert_unusableReplyTo_leftOutOfBrief_messageStillConverts() throws Exception {
        for (String replyTo : List.of("team@bad_domain!", "Help <help@[192.0.2.1]>", "noreply@mail_server.example", "a@b@c.example")) {
            byte[] mime = Fixtures.message("From: alice@corp.example", "To: bob@peer.example", "Reply-To: " + replyTo, "", "x");

            OutboundMessage m = Fixtures.convert(mime, Fixtures.context("bob@peer.example"));

            assertThat(m.draft().brief().replyTo()).as(replyTo).isEmpty();
            assertThat(m.draft().brief().to()).as(replyTo).containsExactly("bob@peer.example");
            assertThat(Fixtures.text(Fixtures.render(Fixtures.wire(m), "bob@peer.example"))).as("carried for gateways")
                    .contains("\r\nReply-To: " + replyTo + "\r\n");
        }
    }

    @Test
    void convert_replyToList_firstUsableMailbox() throws Exception {
        byte[] mime = Fixtures.message("From: alice@corp.example", "To: bob@peer.example",
                "Reply-To: help@[192.0.2.1], desk: \"No Reply\" <noreply@mail_server.example>, <Team@Corp.Example.>;, late@corp.example",
                "", "x");

        Brief b = Fixtures.convert(mime, Fixtures.context("bob@peer.example")).draft().brief();

        assertThat(b.replyTo()).contains("Team@corp.example");
    }

    @Test
    void convert_replyToWithoutMailbox_absent() throws Exception {
        for (String replyTo : List.of("undisclosed-recipients:;", "")) {
            byte[] mime = Fixtures.message("From: alice@corp.example", "To: bob@peer.example", "Reply-To: " + replyTo, "", "x");

            assertThat(Fixtures.convert(mime, Fixtures.context("bob@peer.example")).draft().brief().replyTo()).as(replyTo).isEmpty();
        }
    }

    @Test
    void convert_bccHeader_neverCarried() throws Exception {
        byte[] mime = Fixtures.message("From: alice@corp.example", "To: bob@peer.example", "Bcc: eve@peer.example", "", "x");

        OutboundMessage m = Fixtures.convert(mime, Fixtures.context(List.of("bob@peer.example", "eve@peer.example"),
                List.of("bob@peer.example", "eve@peer.example")));
        byte[] toBob = Fixtures.render(Fixtures.wire(m), "bob@peer.example");

        assertThat(m.draft().brief().bcc()).containsExactly("eve@peer.example");
        assertThat(new String(sempgw.core.json.CanonicalJson.encode(m.draft().enclosure().extensions()))).doesNotContainIgnoringCase("bcc");
        assertThat(Fixtures.text(toBob)).doesNotContainIgnoringCase("bcc").doesNotContain("eve@");
    }
}
