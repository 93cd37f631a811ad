package sempgw.smtp.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Commands out of order, bad MAIL/RCPT parameters, disabled commands. */
final class CommandProtocolTest {

    @Test
    void mail_beforeEhlo_gets503() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.send("MAIL FROM:<a@org.example>");
            c.expect("503 5.5.1 Error: send HELO/EHLO first");
        }
    }

    @Test
    void commands_outOfOrder_get503AndSessionContinues() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.ehlo();
            c.send("RCPT TO:<x@remote.example>");
            c.expect("503 5.5.1 Error: need MAIL command");
            c.send("DATA");
            c.expect("503 5.5.1 Error: need MAIL command");
            c.send("MAIL FROM:<a@org.example>");
            c.expect("250");
            c.send("MAIL FROM:<a@org.example>");
            c.expect("503 5.5.1 Error: nested MAIL command");
            c.send("DATA");
            c.expect("554 5.5.1 Error: no valid recipients");
            c.send("RCPT TO:<x@remote.example>");
            c.expect("250");
        }
    }

    @Test
    void mail_withDeclaredSizeAboveLimit_gets552AtMail() throws Exception {
        try (TestIngress gw = TestIngress.start(b -> b.maxMessageSize(1000)); SmtpClient c = gw.client()) {
            c.ehlo();
            c.send("MAIL FROM:<a@org.example> SIZE=1001");
            c.expect("552 5.3.4");
            c.send("MAIL FROM:<a@org.example> SIZE=1000");
            c.expect("250");
        }
    }

    @Test
    void mail_withUnknownParameter_gets555() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.ehlo();
            c.send("MAIL FROM:<a@org.example> XFORWARD=1");
            c.expect("555 5.5.4 Unsupported option: XFORWARD");
            c.send("MAIL FROM:<a@org.example> BODY=9BIT");
            c.expect("501 5.5.4");
            c.send("MAIL FROM:<not an address>");
            c.expect("501 5.1.7");
            c.send("MAIL FROM:<a@org.example>");
            c.expect("250");
        }
    }

    @Test
    void rcpt_withBadOrUnknownParameters_isRefused() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.ehlo();
            c.send("MAIL FROM:<a@org.example>");
            c.expect("250");
            c.send("RCPT TO:<x@remote.example> NOTIFY=NEVER,SUCCESS");
            c.expect("501 5.5.4");
            c.send("RCPT TO:<x@remote.example> ORCPT=rfc822");
            c.expect("501 5.5.4");
            c.send("RCPT TO:<x@remote.example> FOO=BAR");
            c.expect("555 5.5.4");
            c.send("RCPT TO:<>");
            c.expect("501 5.1.3");
        }
    }

    @Test
    void rcpt_nonAsciiAddress_needsSmtpUtf8() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.ehlo();
            c.send("MAIL FROM:<a@org.example>");
            c.expect("250");
            c.send("RCPT TO:<jörg@remote.example>");
            c.expect("553 5.6.7");
            c.send("RSET");
            c.expect("250");
            c.send("MAIL FROM:<a@org.example> SMTPUTF8");
            c.expect("250");
            c.send("RCPT TO:<jörg@bücher.example>");
            c.expect("250 2.1.5");
            c.send("DATA");
            c.expect("354");
            c.sendRaw("x\r\n.\r\n");
            c.expect("250");

            assertThat(gw.queue.only().recipients().get(0).address()).isEqualTo("jörg@bücher.example");
            assertThat(gw.queue.only().text()).contains("with UTF8SMTP id");
        }
    }

    @Test
    void rset_duringTransaction_abortsIt() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.ehlo();
            c.send("MAIL FROM:<a@org.example>");
            c.expect("250");
            c.send("RCPT TO:<x@remote.example>");
            c.expect("250");
            c.send("RSET");
            c.expect("250 2.0.0");
            c.send("DATA");
            c.expect("503 5.5.1");
        }
    }

    @Test
    void disabledCommands_getTheirReplies() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.send("VRFY alice");
            c.expect("502 5.5.1");
            c.send("EXPN list");
            c.expect("502 5.5.1");
            c.send("BDAT 10 LAST");
            c.expect("500 5.5.2");
            c.send("HELP");
            c.expect("214 2.0.0");
            c.send("EHLO");
            c.expect("501 5.5.4");
            c.send("HELO client.example");
            c.expect("250 mx.gw.example");
        }
    }

    @Test
    void helo_thenMail_isPlainSmtp() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.send("HELO client.example");
            c.expect("250");
            c.send("MAIL FROM:<a@org.example>");
            c.expect("250");
            c.send("RCPT TO:<x@remote.example>");
            c.expect("250");
            c.send("DATA");
            c.expect("354");
            c.sendRaw("x\r\n.\r\n");
            c.expect("250");

            assertThat(gw.queue.only().origin().protocol()).isEqualTo("SMTP");
        }
    }
}
