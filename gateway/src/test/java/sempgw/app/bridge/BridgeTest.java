package sempgw.app.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.wiser.Wiser;
import org.subethamail.wiser.WiserMessage;
import sempgw.app.semp.TwoGateways;
import sempgw.core.envelope.SempAddress;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.RecipientState;

/**
 * The bridge between two real gateways on loopback (GATEWAY.md §3, §5): SMTP into a.test, SEMP to
 * b.test, SMTP out to b.test's mailbox host; a mixed recipient list split by route; the policy's
 * refusals at DATA; a DNS failure that never becomes SMTP; a domain of another SEMP major version
 * only, which is non-SEMP for us (CONFORMANCE.md §9.1.3); threading back across the two worlds;
 * the one origin indicator on every message for a mailbox (GATEWAY.md §6, CLIENT.md §4.3.3).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class BridgeTest {
    TwoGateways gw;
    Wiser mailboxesA;
    Wiser mailboxesB;
    Wiser legacy;
    ServerSocket silent;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        mailboxesA = sink();
        mailboxesB = sink();
        legacy = sink();
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        gw = TwoGateways.start(dir, TwoGateways.Options.defaults()
                .withSemp(TwoGateways.A, """
                        [policy]
                        recipient_domains = { "strict.test" = "semp-required" }
                        [delivery]
                        routes = { "a.test" = "[127.0.0.1]:%d", "legacy.test" = "[127.0.0.1]:%d", "strict.test" = "[127.0.0.1]:%d", \
                        "servfail.test" = "[127.0.0.1]:%d", "slow.test" = "[127.0.0.1]:%d", "semp2.test" = "[127.0.0.1]:%d" }"""
                        .formatted(port(mailboxesA), port(legacy), port(legacy), port(legacy), silent.getLocalPort(), port(legacy)))
                .withSemp(TwoGateways.B, """
                        [delivery]
                        routes = { "b.test" = "[127.0.0.1]:%d" }""".formatted(port(mailboxesB))));
        gw.dns().mx("legacy.test", 10, "mx.legacy.test", 60).mx("strict.test", 10, "mx.strict.test", 60).servfail("servfail.test")
                .servfail("_semp._tcp.servfail.test").mx("semp2.test", 10, "mx.semp2.test", 60)
                .srv("_semp._tcp.semp2.test", 10, 10, 443, "semp.semp2.test", 60)
                .txt("_semp._tcp.semp2.test", "v=semp2;s=x25519-chacha20-poly1305;c=h2", 60);
        gw.a().node().mailboxes().add(SempAddress.parse("alice@a.test"));
        gw.b().node().mailboxes().add(SempAddress.parse("bob@b.test"));
        gw.b().node().mailboxes().add(SempAddress.parse("erin@b.test"));
    }

    @AfterAll
    void stop() throws Exception {
        gw.close();
        mailboxesA.stop();
        mailboxesB.stop();
        legacy.stop();
        silent.close();
    }

    @Test
    void send_provisionedSenderToSempDomain_deliveredBySempWithinData_mailboxGetsVerifiedMime() throws Exception {
        String reply = SmtpDialogue.send(gw.a().gateway().smtpPort(), "alice@a.test", List.of("bob@b.test"),
                message("alice@a.test", "bob@b.test", "Quarterly figures", "<q1@client.a.test>", "", "The figures are attached.\r\n"));

        assertThat(reply).startsWith("250 2.0.0 Ok: delivered by SEMP");
        WiserMessage got = awaitOne(mailboxesB, "Quarterly figures");
        assertThat(got.getEnvelopeSender()).isEmpty();
        assertThat(got.getEnvelopeReceiver()).isEqualTo("bob@b.test");
        String text = new String(got.getData(), StandardCharsets.UTF_8);
        assertThat(verificationFields(text)).containsExactly("origin=semp; seal=pass; sender-signature=pass; sender-domain=a.test");
        assertThat(text).contains("Message-ID: <q1@client.a.test>", "The figures are attached.").doesNotContain("SEMP-Require");
    }

    @Test
    void internetMail_toLocalMailbox_oneVerificationFieldFirst_legacy() throws Exception {
        String reply = SmtpDialogue.send(gw.a().gateway().smtpPort(), "someone@elsewhere.test", List.of("alice@a.test"),
                message("someone@elsewhere.test", "alice@a.test", "From the internet", "<inet@elsewhere.test>", "", "Plain SMTP.\r\n"));

        assertThat(reply).startsWith("250 2.0.0 Ok: queued as ");
        String text = new String(awaitOne(mailboxesA, "From the internet").getData(), StandardCharsets.UTF_8);
        assertThat(verificationFields(text)).containsExactly("origin=legacy; seal=none; sender-signature=none");
        assertThat(text.indexOf("\nSEMP-Verification: ")).as("above the fields we queued (the sink adds its own Received)")
                .isPositive().isLessThan(text.indexOf("\nReceived: from client.test"));
    }

    @Test
    void internetMail_forgedVerificationField_removed_oursInstead() throws Exception {
        SmtpDialogue.send(gw.a().gateway().smtpPort(), "someone@elsewhere.test", List.of("alice@a.test"),
                message("someone@elsewhere.test", "alice@a.test", "Forged origin", "<forged@elsewhere.test>",
                        "semp-verification: origin=semp; seal=pass; sender-signature=pass;\r\n sender-domain=b.test\r\n", "Trust me.\r\n"));

        String text = new String(awaitOne(mailboxesA, "Forged origin").getData(), StandardCharsets.UTF_8);
        assertThat(verificationFields(text)).containsExactly("origin=legacy; seal=none; sender-signature=none");
    }

    @Test
    void internetMail_upgradeSignalOfAProvisionedMailboxOfThePeer_legacyVerifiedSempSender() throws Exception {
        SmtpDialogue.send(gw.a().gateway().smtpPort(), "bob@b.test", List.of("alice@a.test"),
                message("bob@b.test", "alice@a.test", "Signed up for SEMP", "<signal@client.b.test>", signal(bobFingerprint(), "bob@b.test"),
                        "Reply by SEMP.\r\n"));

        String text = new String(awaitOne(mailboxesA, "Signed up for SEMP").getData(), StandardCharsets.UTF_8);
        assertThat(verificationFields(text)).containsExactly("origin=legacy-verified-semp-sender; seal=none; sender-signature=none; sender-domain=b.test");
        assertThat(text).contains("SEMP-Address: bob@b.test");
    }

    @Test
    void internetMail_upgradeSignalWithAnotherFingerprint_legacy() throws Exception {
        String wrong = "ed25519:" + "0".repeat(64);
        SmtpDialogue.send(gw.a().gateway().smtpPort(), "bob@b.test", List.of("alice@a.test"),
                message("bob@b.test", "alice@a.test", "Wrong key", "<wrong@client.b.test>", signal(wrong, "bob@b.test"), "Hi.\r\n"));

        String text = new String(awaitOne(mailboxesA, "Wrong key").getData(), StandardCharsets.UTF_8);
        assertThat(verificationFields(text)).containsExactly("origin=legacy; seal=none; sender-signature=none");
    }

    @Test
    void internetMail_validUpgradeSignalOfAnotherAddressThanFrom_legacy() throws Exception {
        SmtpDialogue.send(gw.a().gateway().smtpPort(), "mallory@elsewhere.test", List.of("alice@a.test"),
                message("mallory@elsewhere.test", "alice@a.test", "Borrowed signal", "<borrowed@elsewhere.test>", signal(bobFingerprint(), "bob@b.test"),
                        "Hi.\r\n"));

        String text = new String(awaitOne(mailboxesA, "Borrowed signal").getData(), StandardCharsets.UTF_8);
        assertThat(verificationFields(text)).containsExactly("origin=legacy; seal=none; sender-signature=none");
    }

    @Test
    void send_senderSpelledInAnotherCase_envelopeNamesTheMailboxAndItsSignatureVerifies() throws Exception {
        String reply = SmtpDialogue.send(gw.a().gateway().smtpPort(), "Alice@A.test", List.of("bob@b.test"),
                message("Alice@A.test", "bob@b.test", "Spelled otherwise", "<case@client.a.test>", "", "Same mailbox.\r\n"));

        assertThat(reply).startsWith("250 2.0.0 Ok: delivered by SEMP");
        String text = new String(awaitOne(mailboxesB, "Spelled otherwise").getData(), StandardCharsets.UTF_8);
        assertThat(text).contains("SEMP-Verification: origin=semp; seal=pass; sender-signature=pass; sender-domain=a.test", "Same mailbox.");
    }

    @Test
    void send_blindCopy_ownEnvelope_bothDeliveredInTheFirstAttempt_noBccAnywhere() throws Exception {
        String reply = SmtpDialogue.send(gw.a().gateway().smtpPort(), "alice@a.test", List.of("bob@b.test", "erin@b.test"),
                message("alice@a.test", "bob@b.test", "Blind", "<blind@client.a.test>", "Bcc: erin@b.test\r\n", "Erin reads along.\r\n"));

        assertThat(reply).startsWith("250 2.0.0 Ok: delivered by SEMP");
        await().atMost(Duration.ofSeconds(30)).until(() -> mailboxesB.getMessages().stream().filter(m -> subject(m).equals("Blind")).count() == 2);
        assertThat(mailboxesB.getMessages().stream().filter(m -> subject(m).equals("Blind")).map(WiserMessage::getEnvelopeReceiver))
                .containsExactlyInAnyOrder("bob@b.test", "erin@b.test");
        assertThat(mailboxesB.getMessages().stream().filter(m -> subject(m).equals("Blind")))
                .allSatisfy(m -> assertThat(new String(m.getData(), StandardCharsets.UTF_8)).doesNotContainIgnoringCase("\nBcc:"));
    }

    @Test
    void send_mixedRecipients_eachGoesItsOwnWay_andTheClearCopyHasNoBcc() throws Exception {
        String reply = SmtpDialogue.send(gw.a().gateway().smtpPort(), "alice@a.test", List.of("bob@b.test", "carol@legacy.test", "nobody@b.test"),
                message("alice@a.test", "bob@b.test, carol@legacy.test", "Mixed", "<mixed@client.a.test>", "Bcc: nobody@b.test,\r\n  carol@legacy.test\r\n",
                        "To all three.\r\n"));

        assertThat(reply).startsWith("250 2.0.0 Ok: queued as ");
        assertThat(new String(awaitOne(mailboxesB, "Mixed").getData(), StandardCharsets.UTF_8)).contains("origin=semp");
        String clear = new String(awaitOne(legacy, "Mixed").getData(), StandardCharsets.UTF_8);
        assertThat(clear).contains("SEMP-Capability: 1", "SEMP-Domain: a.test", "SEMP-Address: alice@a.test", "SEMP-Identity: ed25519:", "To all three.")
                .doesNotContainIgnoringCase("\nBcc:").doesNotContain("  carol@legacy.test");
        String id = reply.substring("250 2.0.0 Ok: queued as ".length()).strip();
        await().atMost(Duration.ofSeconds(20)).until(() -> bounced(id, "nobody@b.test"));
        WiserMessage dsn = awaitOne(mailboxesA, "Undelivered Mail Returned to Sender");
        assertThat(dsn.getEnvelopeReceiver()).isEqualTo("alice@a.test");
        assertThat(new String(dsn.getData(), StandardCharsets.UTF_8)).contains("Final-Recipient: rfc822; nobody@b.test", "Status: 5.1.1",
                "Diagnostic-Code: smtp; 550 5.1.1 the recipient has no published SEMP keys").doesNotContain("bob@b.test;");
        assertThat(verificationFields(new String(dsn.getData(), StandardCharsets.UTF_8))).containsExactly("origin=legacy; seal=none; sender-signature=none");
    }

    @Test
    void send_onlySmtpRecipients_dataAnsweredWithoutWaitingForTheSmtpDelivery() throws Exception {
        long start = System.nanoTime();
        String reply = SmtpDialogue.send(gw.a().gateway().smtpPort(), "alice@a.test", List.of("z@slow.test"),
                message("alice@a.test", "z@slow.test", "Slow relay", "<slow@client.a.test>", "", "The next hop never answers.\r\n"));

        assertThat(reply).startsWith("250 2.0.0 Ok: queued as ");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void send_sempRequiredDomainWithoutSemp_refusedAtDataWith57() throws Exception {
        String reply = SmtpDialogue.send(gw.a().gateway().smtpPort(), "alice@a.test", List.of("x@strict.test"),
                message("alice@a.test", "x@strict.test", "Never in clear", "<strict@client.a.test>", "", "Secret.\r\n"));

        assertThat(reply).startsWith("550 5.7.");
        assertThat(legacy.getMessages()).noneMatch(m -> subject(m).equals("Never in clear"));
    }

    @Test
    void send_authorRequiresSempToLegacyDomain_refusedAtData_nothingSentInClear() throws Exception {
        String reply = SmtpDialogue.send(gw.a().gateway().smtpPort(), "alice@a.test", List.of("carol@legacy.test"),
                message("alice@a.test", "carol@legacy.test", "Author says SEMP", "<req@client.a.test>", "SEMP-Require: yes\r\n", "Secret.\r\n"));

        assertThat(reply).startsWith("550 5.7.");
        assertThat(legacy.getMessages()).noneMatch(m -> subject(m).equals("Author says SEMP"));
    }

    @Test
    void send_domainOfAnotherSempMajorOnly_sentBySmtpUnderSempPreferred() throws Exception {
        String reply = SmtpDialogue.send(gw.a().gateway().smtpPort(), "alice@a.test", List.of("dan@semp2.test"),
                message("alice@a.test", "dan@semp2.test", "Speaks SEMP 2", "<v2@client.a.test>", "", "Not our major.\r\n"));

        assertThat(reply).startsWith("250 2.0.0 Ok: queued as ");
        await().atMost(Duration.ofSeconds(20)).until(() -> legacy.getMessages().stream().anyMatch(m -> subject(m).equals("Speaks SEMP 2")));
    }

    @Test
    void send_authorRequiresSempToADomainOfAnotherMajorOnly_refusedAtDataWithVersionUnsupported() throws Exception {
        String reply = SmtpDialogue.send(gw.a().gateway().smtpPort(), "alice@a.test", List.of("erin@semp2.test"),
                message("alice@a.test", "erin@semp2.test", "SEMP 2 required", "<v2req@client.a.test>", "SEMP-Require: yes\r\n", "Secret.\r\n"));

        assertThat(reply).startsWith("554 5.5.5 ").contains("version_unsupported", "v=semp2");
        assertThat(legacy.getMessages()).noneMatch(m -> subject(m).equals("SEMP 2 required"));
    }

    @Test
    void send_dnsServfailForRecipientDomain_acceptedAndDeferred_neverSentInClear() throws Exception {
        String reply = SmtpDialogue.send(gw.a().gateway().smtpPort(), "alice@a.test", List.of("y@servfail.test"),
                message("alice@a.test", "y@servfail.test", "Resolver trouble", "<sf@client.a.test>", "", "Wait for DNS.\r\n"));

        assertThat(reply).startsWith("250 2.0.0 Ok: queued as ");
        String id = reply.substring("250 2.0.0 Ok: queued as ".length()).strip();
        await().atMost(Duration.ofSeconds(20)).until(() -> entry(id) != null && entry(id).recipients().getFirst().state() == RecipientState.DEFERRED);
        assertThat(entry(id).recipients().getFirst().lastReply()).hasValueSatisfying(r -> assertThat(r).startsWith("4"));
        assertThat(legacy.getMessages()).noneMatch(m -> subject(m).equals("Resolver trouble"));
    }

    @Test
    void reply_fromSempMailboxToLegacyMailbox_keepsThreadAcrossBothWorlds() throws Exception {
        SmtpDialogue.send(gw.a().gateway().smtpPort(), "alice@a.test", List.of("bob@b.test"),
                message("alice@a.test", "bob@b.test", "Lunch?", "<lunch@client.a.test>", "", "Tuesday?\r\n"));
        awaitOne(mailboxesB, "Lunch?");

        String reply = SmtpDialogue.send(gw.b().gateway().smtpPort(), "bob@b.test", List.of("alice@a.test"),
                message("bob@b.test", "alice@a.test", "Re: Lunch?", "<re-lunch@client.b.test>",
                        "In-Reply-To: <lunch@client.a.test>\r\nReferences: <lunch@client.a.test>\r\n", "Yes.\r\n"));

        assertThat(reply).startsWith("250 2.0.0 Ok: delivered by SEMP");
        String text = new String(awaitOne(mailboxesA, "Re: Lunch?").getData(), StandardCharsets.UTF_8);
        assertThat(text).contains("In-Reply-To: <lunch@client.a.test>", "References: <lunch@client.a.test>", "sender-domain=b.test");
    }

    private static String message(String from, String to, String subject, String messageId, String extra, String body) {
        return "From: <" + from + ">\r\nTo: " + to + "\r\nSubject: " + subject + "\r\nDate: Wed, 25 Nov 2026 10:00:00 +0000\r\nMessage-ID: "
                + messageId + "\r\n" + extra + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body;
    }

    private String bobFingerprint() {
        return gw.b().node().mailboxes().identity("bob@b.test").orElseThrow().fingerprint();
    }

    /** The upgrade-signal fields of CLIENT.md §6.4.3 for {@code address} at b.test. */
    private static String signal(String fingerprint, String address) {
        return "SEMP-Capability: 1\r\nSEMP-Identity: " + fingerprint + "\r\nSEMP-Domain: b.test\r\nSEMP-Address: " + address + "\r\n";
    }

    /** The values of every {@code SEMP-Verification} field of the header section, unfolded. */
    private static List<String> verificationFields(String message) {
        String head = message.substring(0, message.indexOf("\r\n\r\n") + 2).replaceAll("\r\n[ \t]+", " ");
        String name = "SEMP-Verification:";
        return head.lines().filter(l -> l.regionMatches(true, 0, name, 0, name.length())).map(l -> l.substring(name.length()).strip()).toList();
    }

    private QueueEntry entry(String id) {
        return gw.a().gateway().queue().find(new sempgw.store.queue.QueueId(id)).orElse(null);
    }

    private boolean bounced(String id, String address) {
        QueueEntry e = entry(id);
        return e == null || e.recipients().stream().anyMatch(r -> r.recipient().address().equals(address) && r.state() == RecipientState.BOUNCED);
    }

    private static WiserMessage awaitOne(Wiser sink, String subject) {
        await().atMost(Duration.ofSeconds(30)).until(() -> sink.getMessages().stream().anyMatch(m -> subject(m).equals(subject)));
        return sink.getMessages().stream().filter(m -> subject(m).equals(subject)).findFirst().orElseThrow();
    }

    private static String subject(WiserMessage m) {
        try {
            return m.getMimeMessage().getSubject();
        } catch (Exception e) {
            return "";
        }
    }

    private static Wiser sink() {
        Wiser w = Wiser.create(SMTPServer.port(0).bindAddress(InetAddress.getLoopbackAddress()));
        w.start();
        return w;
    }

    private static int port(Wiser w) {
        return w.getServer().getPortAllocated();
    }
}
