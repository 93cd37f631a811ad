package sempgw.smtp.ingress;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Malformed command lines get a reply and the session goes on. */
final class CommandFramingTest {

    @Test
    void command_endingInBareLf_acceptedAsPostfixDoes_bareCrGets500AndSessionContinues() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.sendRaw("NOOP\n");
            c.expect("250 2.0.0");
            c.sendRaw("NO\rOP\r\n");
            c.expect("500 5.5.2 Error: bare <CR> received");
            c.send("NOOP");
            c.expect("250 2.0.0");
        }
    }

    @Test
    void transaction_withBareLfLineEnds_acceptedAndStoredWithCrlf() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.sendRaw("EHLO client.example\n");
            c.expect("250");
            c.sendRaw("MAIL FROM:<s@org.example>\n");
            c.expect("250");
            c.sendRaw("RCPT TO:<a@remote.example>\n");
            c.expect("250");
            c.sendRaw("DATA\n");
            c.expect("354");
            c.sendRaw("Subject: lf\n\nline one\nline two\r\n.\r\n");
            c.expect("250 2.0.0");

            org.assertj.core.api.Assertions.assertThat(gw.queue.only().text()).endsWith("\r\nSubject: lf\r\n\r\nline one\r\nline two\r\n");
        }
    }

    @Test
    void command_over512Octets_gets500LineTooLong() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.send("NOOP " + "x".repeat(506));
            c.expect("500 5.5.2 Error: line too long");
            c.send("NOOP " + "x".repeat(505));
            c.expect("250");
        }
    }

    @Test
    void command_farOverAnyLimit_isSkippedToItsEnd() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.send("MAIL FROM:<" + "a".repeat(100_000) + "@org.example>");
            c.expect("500 5.5.2 Error: line too long");
            c.send("NOOP");
            c.expect("250");
        }
    }

    @Test
    void mail_withDsnParametersBeyond512Octets_isAccepted() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.ehlo();
            c.send("MAIL FROM:<" + "a".repeat(60) + "@org.example> RET=FULL ENVID=" + "e".repeat(100) + " AUTH=" + "u".repeat(300)
                    + "@org.example SIZE=1000");
            c.expect("250 2.1.0");
        }
    }

    @Test
    void command_withNul_gets500() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.sendRaw("NOOP\0\r\n");
            c.expect("500 5.5.2 Error: NUL character received");
            c.send("NOOP");
            c.expect("250");
        }
    }

    @Test
    void command_withInvalidUtf8_gets500() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.sendRaw("NOOP \u00ff\r\n".getBytes(StandardCharsets.ISO_8859_1));
            c.expect("500 5.5.2 Error: invalid UTF-8");
            c.send("NOOP");
            c.expect("250");
        }
    }

    @Test
    void unknownOrEmptyCommand_gets500() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.send("ETRN example.org");
            c.expect("500 5.5.2 Error: command not recognized");
            c.send("");
            c.expect("500 5.5.2");
            c.send("MAILFROM:<a@org.example>");
            c.expect("500 5.5.2");
            c.send("noop");
            c.expect("250");
        }
    }
}
