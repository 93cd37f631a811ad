package sempgw.smtp.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import sempgw.smtp.ingress.policy.CidrRange;

/**
 * Sender-login binding through the real server: an authenticated client may use only the
 * reverse-paths its login owns (TestIngress: alice@example.org owns herself and
 * sales@example.org); clients that did not authenticate are not bound.
 */
final class SenderLoginTest {
    private static final String NOT_OWNED = "553 5.7.1 <bob@example.org>: Sender address rejected: not owned by user " + TestIngress.ALICE;

    @RegisterExtension
    final IngressLog log = new IngressLog();

    private List<String> refusals() {
        return log.lines().stream().filter(l -> l.contains("refused MAIL")).toList();
    }

    private static void authenticate(SmtpClient c, String user) throws IOException {
        c.ehlo();
        c.startTls(TestCertificates.client());
        c.ehlo();
        c.send("AUTH PLAIN " + Base64.getEncoder().encodeToString(
                ("\0" + user + "\0" + TestIngress.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        c.expect("235");
    }

    private static void mailAccepted(SmtpClient c, String sender) throws IOException {
        c.send("MAIL FROM:<" + sender + ">");
        c.expect("250 2.1.0");
        c.send("RSET");
        c.expect("250");
    }

    @Test
    void mail_authenticatedAsAlice_mayUseHerOwnAndHerMappedAddressesOnly() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            authenticate(c, TestIngress.ALICE);
            mailAccepted(c, "alice@example.org");
            mailAccepted(c, "Alice@EXAMPLE.org.");
            mailAccepted(c, "sales@example.org");
            c.send("MAIL FROM:<bob@example.org>");
            c.expect(NOT_OWNED);
            c.send("RCPT TO:<friend@remote.example>");
            c.expect("503 5.5.1 Error: need MAIL command");

            c.send("MAIL FROM:<sales@example.org>");
            c.expect("250");
            c.send("RCPT TO:<friend@remote.example>");
            c.expect("250 2.1.5");
            c.send("DATA");
            c.expect("354");
            c.sendRaw("Subject: hi\r\n\r\nSECRET-BODY\r\n.\r\n");
            c.expect("250 2.0.0");
            assertThat(gw.queue.only().sender().reversePath()).isEqualTo("sales@example.org");
        }
    }

    @Test
    void mail_refused_logsOneLineWithSessionClientAndLogin() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            authenticate(c, TestIngress.ALICE);
            c.send("MAIL FROM:<bob@example.org>");
            c.expect(NOT_OWNED);

            assertThat(refusals()).singleElement().asString().matches("session=\\S+: refused MAIL from \\[127\\.0\\.0\\.1] "
                    + "login=alice@example\\.org sender=<bob@example\\.org>: 553 5\\.7\\.1");
        }
    }

    @Test
    void mail_nullReversePathFromAuthenticatedUser_isAccepted() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            authenticate(c, TestIngress.ALICE);
            mailAccepted(c, "");
        }
    }

    @Test
    void mail_nonAddressLogin_mayUseOnlyItsMappedAddresses() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            authenticate(c, TestIngress.USER);
            mailAccepted(c, "carol@org.example");
            c.send("MAIL FROM:<carol@example.org>");
            c.expect("553 5.7.1 <carol@example.org>: Sender address rejected: not owned by user carol");
        }
    }

    @Test
    void mail_authenticatedClientOutsideRelayNetworks_isBoundToo() throws Exception {
        try (TestIngress gw = TestIngress.start(b -> b.relayNetworks(List.of(CidrRange.parse("127.0.0.1/32"))));
                SmtpClient c = gw.clientFrom("127.0.0.2")) {
            authenticate(c, TestIngress.ALICE);
            c.send("MAIL FROM:<bob@example.org>");
            c.expect(NOT_OWNED);
            assertThat(refusals()).singleElement().asString().contains("from [127.0.0.2]");
        }
    }

    @Test
    void mail_unauthenticatedRelayNetworkClient_mayUseAnySender() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.ehlo();
            c.send("MAIL FROM:<bob@example.org>");
            c.expect("250 2.1.0");
            c.send("RCPT TO:<friend@remote.example>");
            c.expect("250 2.1.5");
            assertThat(refusals()).isEmpty();
        }
    }

    @Test
    void mail_controlCharacterInRefusedSender_isNotEchoed() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            authenticate(c, TestIngress.ALICE);
            c.sendRaw("MAIL FROM:<bo\u0085b\u2028@example.org> SMTPUTF8\r\n".getBytes(StandardCharsets.UTF_8));
            String reply = c.expect("553 5.7.1 <bo?b?@example.org>: Sender address rejected");

            assertThat(reply).doesNotContain("\u0085", "\u2028");
            assertThat(refusals()).singleElement().asString().contains("sender=<bo?b?@example.org>");
        }
    }
}
