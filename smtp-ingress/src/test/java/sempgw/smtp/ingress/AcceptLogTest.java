package sempgw.smtp.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One log line per accepted message, with the queue id, and never content or credentials. */
final class AcceptLogTest {
    @RegisterExtension
    final IngressLog log = new IngressLog();

    private List<String> lines() {
        return log.lines().stream().toList();
    }

    @Test
    void acceptedMessage_logsOneLineWithQueueIdClientSizeAndRecipientCount() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.ehlo();
            c.send("MAIL FROM:<s@org.example>");
            c.expect("250");
            c.send("RCPT TO:<a@remote.example>");
            c.expect("250");
            c.send("RCPT TO:<b@remote.example>");
            c.expect("250");
            c.send("DATA");
            c.expect("354");
            c.sendRaw("Subject: TOP-SECRET-SUBJECT\r\n\r\nTOP-SECRET-BODY\r\n.\r\n");
            c.expect("250");

            FakeMessageQueue.Committed m = gw.queue.only();
            List<String> queued = lines().stream().filter(l -> l.contains("queued")).toList();
            assertThat(queued).hasSize(1);
            assertThat(queued.get(0)).startsWith(m.id().value() + ": queued trace=").contains("client=[127.0.0.1]")
                    .contains("size=" + (m.size() - m.text().indexOf("Subject:"))).contains("nrcpt=2");
            assertThat(lines()).noneMatch(l -> l.contains("TOP-SECRET"));
        }
    }

    @Test
    void undeclared8bit_isRecordedInTheLogLine() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.ehlo();
            c.send("MAIL FROM:<s@org.example>");
            c.expect("250");
            c.send("RCPT TO:<a@remote.example>");
            c.expect("250");
            c.send("DATA");
            c.expect("354");
            c.sendRaw("\r\n\u00e9t\u00e9\r\n.\r\n".getBytes(StandardCharsets.UTF_8));
            c.expect("250");

            assertThat(lines()).filteredOn(l -> l.contains("queued")).singleElement().asString().endsWith("8bit=undeclared");
        }
    }

    @Test
    void authentication_neverLogsThePassword() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.ehlo();
            c.startTls(TestCertificates.client());
            c.ehlo();
            for (String password : List.of("WRONG-PASSWORD", TestIngress.PASSWORD)) {
                c.send("AUTH PLAIN " + Base64.getEncoder().encodeToString(
                        ("\0" + TestIngress.USER + "\0" + password).getBytes(StandardCharsets.UTF_8)));
                c.reply();
            }

            assertThat(lines()).anyMatch(l -> l.contains("authenticated as carol"));
            assertThat(lines()).noneMatch(l -> l.contains("WRONG-PASSWORD") || l.contains(TestIngress.PASSWORD));
        }
    }
}
