package sempgw.smtp.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class TlsAndAuthTest {

    private static String plain(String user, String password) {
        return Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void ehlo_beforeTls_advertisesExtensionsAndStartTlsButNoAuth() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            String ehlo = c.ehlo();

            assertThat(ehlo.split("\n")).containsExactly("250-mx.gw.example", "250-PIPELINING", "250-SIZE 52428800",
                    "250-8BITMIME", "250-SMTPUTF8", "250-STARTTLS", "250-ENHANCEDSTATUSCODES", "250 DSN");
        }
    }

    @Test
    void ehlo_afterStartTls_advertisesAuthAndNoStartTls() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.ehlo();
            c.startTls(TestCertificates.client());
            String ehlo = c.ehlo();

            assertThat(ehlo).contains("250-AUTH PLAIN LOGIN").doesNotContain("STARTTLS");
        }
    }

    @Test
    void ehlo_withoutSslContext_advertisesNeitherStartTlsNorAuth() throws Exception {
        try (TestIngress gw = TestIngress.start(b -> b.tls(null).authenticator(null)); SmtpClient c = gw.client()) {
            String ehlo = c.ehlo();
            c.send("STARTTLS");
            c.expect("502 5.5.1");

            assertThat(ehlo).doesNotContain("STARTTLS").doesNotContain("AUTH");
        }
    }

    @Test
    void auth_beforeStartTls_isRefusedWith530() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.ehlo();
            c.send("AUTH PLAIN " + plain(TestIngress.USER, TestIngress.PASSWORD));
            c.expect("530 5.7.0 Must issue a STARTTLS command first");
            c.send("NOOP");
            c.expect("250 2.0.0");
        }
    }

    @Test
    void authPlain_afterStartTls_succeedsAndMarksTheMessage() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.ehlo();
            c.startTls(TestCertificates.client());
            c.ehlo();
            c.send("AUTH PLAIN " + plain(TestIngress.USER, TestIngress.PASSWORD));
            c.expect("235 2.7.0");
            c.send("MAIL FROM:<carol@org.example>");
            c.expect("250");
            c.send("RCPT TO:<x@remote.example>");
            c.expect("250");
            c.send("DATA");
            c.expect("354");
            c.sendRaw("hi\r\n.\r\n");
            c.expect("250 2.0.0");

            FakeMessageQueue.Committed m = gw.queue.only();
            assertThat(m.origin().protocol()).isEqualTo("ESMTPSA");
            assertThat(m.origin().authenticatedUser()).isEqualTo(Optional.of(TestIngress.USER));
            assertThat(m.text()).contains("with ESMTPSA id");
        }
    }

    @Test
    void authPlain_withoutInitialResponse_readsItAfter334() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.ehlo();
            c.startTls(TestCertificates.client());
            c.ehlo();
            c.send("AUTH PLAIN");
            c.expect("334");
            c.send(plain(TestIngress.USER, TestIngress.PASSWORD));
            c.expect("235 2.7.0");
        }
    }

    @Test
    void authLogin_afterStartTls_succeeds() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.ehlo();
            c.startTls(TestCertificates.client());
            c.ehlo();
            c.send("AUTH LOGIN");
            c.expect("334 VXNlcm5hbWU6");
            c.send(b64(TestIngress.USER));
            c.expect("334 UGFzc3dvcmQ6");
            c.send(b64(TestIngress.PASSWORD));
            c.expect("235 2.7.0");
            c.send("AUTH LOGIN");
            c.expect("503 5.5.1");
        }
    }

    @Test
    void auth_wrongPassword_gets535AndThirdFailureCloses() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.ehlo();
            c.startTls(TestCertificates.client());
            c.ehlo();
            c.send("AUTH PLAIN " + plain(TestIngress.USER, "wrong"));
            c.expect("535 5.7.8");
            c.send("AUTH PLAIN " + plain("nobody", TestIngress.PASSWORD));
            c.expect("535 5.7.8");
            c.send("AUTH PLAIN " + plain(TestIngress.USER, "wrong again"));
            c.expect("421 4.7.0");

            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void auth_cancelledOrMalformed_getsItsReplyAndSessionContinues() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.ehlo();
            c.startTls(TestCertificates.client());
            c.ehlo();
            c.send("AUTH PLAIN");
            c.expect("334");
            c.send("*");
            c.expect("501 5.0.0");
            c.send("AUTH PLAIN !!notbase64!!");
            c.expect("501 5.5.2");
            c.send("AUTH CRAM-MD5");
            c.expect("504 5.5.4");
            c.send("NOOP");
            c.expect("250");
        }
    }

    @Test
    void startTls_withPlainTextPipelinedAfterIt_discardsThatText() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.ehlo();
            c.sendRaw("STARTTLS\r\nMAIL FROM:<injected@org.example>\r\n");
            c.expect("220 2.0.0");
            c.handshake(TestCertificates.client());
            c.ehlo();
            c.send("RCPT TO:<x@remote.example>");

            c.expect("503 5.5.1 Error: need MAIL command");
        }
    }

    @Test
    void startTls_resetsTheSessionAndCannotBeRepeated() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.ehlo();
            c.send("MAIL FROM:<a@org.example>");
            c.expect("250");
            c.startTls(TestCertificates.client());
            c.send("MAIL FROM:<a@org.example>");
            c.expect("503 5.5.1 Error: send HELO/EHLO first");
            c.send("AUTH PLAIN " + plain(TestIngress.USER, TestIngress.PASSWORD));
            c.expect("503 5.5.1 Error: send HELO/EHLO first");
            c.ehlo();
            c.send("STARTTLS");
            c.expect("554 5.5.1");
        }
    }
}
