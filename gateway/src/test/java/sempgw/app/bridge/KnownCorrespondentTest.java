package sempgw.app.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import sempgw.app.semp.TwoGateways;
import sempgw.core.envelope.SempAddress;

/**
 * A mailbox that writes to a SEMP domain through the bridge makes that domain its known
 * correspondent (DELIVERY.md §6.4.1 condition 1) in the set the receive pipeline consults, on
 * disk: a.test publishes {@code first_contact.mode = "challenge"}, so only a reply to a mailbox
 * that wrote first gets through without a proof of work.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class KnownCorrespondentTest {
    TwoGateways gw;
    Wiser mailboxesA;
    Wiser mailboxesB;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        mailboxesA = sink();
        mailboxesB = sink();
        gw = TwoGateways.start(dir, TwoGateways.Options.defaults()
                .withSemp(TwoGateways.A, """
                        [semp.first_contact]
                        mode = "challenge"
                        [delivery]
                        routes = { "a.test" = "[127.0.0.1]:%d" }""".formatted(port(mailboxesA)))
                .withSemp(TwoGateways.B, """
                        [delivery]
                        routes = { "b.test" = "[127.0.0.1]:%d" }""".formatted(port(mailboxesB))));
        for (String a : List.of("alice@a.test", "carol@a.test", "dave@a.test")) {
            gw.a().node().mailboxes().add(SempAddress.parse(a));
        }
        gw.b().node().mailboxes().add(SempAddress.parse("bob@b.test"));
    }

    @AfterAll
    void stop() throws Exception {
        gw.close();
        mailboxesA.stop();
        mailboxesB.stop();
    }

    @Test
    void send_mailboxToSempDomain_domainKnownToTheMailbox_onDisk() throws Exception {
        String reply = send(gw.a().gateway().smtpPort(), "alice@a.test", "bob@b.test", "Hello Bob");

        assertThat(reply).startsWith("250 2.0.0 Ok: delivered by SEMP");
        assertThat(gw.a().node().knownCorrespondents().isKnown("alice@a.test", "b.test")).isTrue();
        assertThat(gw.a().node().knownCorrespondents().isKnown("carol@a.test", "b.test")).isFalse();
        assertThat(Files.readAllLines(gw.a().config().dataDir().resolve("semp-known-correspondents"), StandardCharsets.UTF_8))
                .contains("alice@a.test b.test");
    }

    @Test
    void reply_toAMailboxThatWroteFirst_notChallenged_delivered() throws Exception {
        send(gw.a().gateway().smtpPort(), "alice@a.test", "bob@b.test", "Lunch?");

        String reply = send(gw.b().gateway().smtpPort(), "bob@b.test", "alice@a.test", "Re: Lunch?");

        assertThat(reply).startsWith("250 2.0.0 Ok: delivered by SEMP");
        await().atMost(Duration.ofSeconds(30)).until(() -> mailboxesA.getMessages().stream()
                .anyMatch(m -> m.getEnvelopeReceiver().equals("alice@a.test") && new String(m.getData(), StandardCharsets.UTF_8).contains("Re: Lunch?")));
    }

    @Test
    void firstContact_toAMailboxThatNeverWrote_refusedWithAChallenge() throws Exception {
        String reply = send(gw.b().gateway().smtpPort(), "bob@b.test", "carol@a.test", "Cold call");

        assertThat(reply).startsWith("5").contains("policy_forbidden");
    }

    @Test
    void send_recipientWithoutKeys_nothingSent_domainNotRecorded() throws Exception {
        String reply = send(gw.a().gateway().smtpPort(), "dave@a.test", "nobody@b.test", "No keys");

        assertThat(reply).startsWith("550 5.1.1");
        assertThat(gw.a().node().knownCorrespondents().isKnown("dave@a.test", "b.test")).isFalse();
    }

    private static String send(int port, String from, String to, String subject) throws Exception {
        return SmtpDialogue.send(port, from, List.of(to), "From: <" + from + ">\r\nTo: <" + to + ">\r\nSubject: " + subject
                + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello.\r\n");
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
