package sempgw.smtp.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import sempgw.smtp.ingress.data.MessageLimits;

/** Bad or oversized content is refused after the final dot; the session goes on; nothing is queued. */
final class DataLimitsTest {

    private static void openData(SmtpClient c) throws Exception {
        c.send("MAIL FROM:<s@org.example>");
        c.expect("250");
        c.send("RCPT TO:<r@remote.example>");
        c.expect("250");
        c.send("DATA");
        c.expect("354");
    }

    private static void sendsNextMessageFine(SmtpClient c) throws Exception {
        openData(c);
        c.sendRaw("Subject: fine\r\n\r\nok\r\n.\r\n");
        c.expect("250 2.0.0");
    }

    @Test
    void data_overSizeLimit_gets552AfterTheEndAndSessionContinues() throws Exception {
        try (TestIngress gw = TestIngress.start(b -> b.maxMessageSize(100_000)); SmtpClient c = gw.client()) {
            c.ehlo();
            openData(c);
            String line = "x".repeat(98) + "\r\n";
            c.sendRaw(line.repeat(3000) + ".\r\n");
            c.expect("552 5.3.4");

            assertThat(gw.queue.committed()).isEmpty();
            assertThat(gw.queue.aborted()).isEqualTo(1);
            sendsNextMessageFine(c);
        }
    }

    @Test
    void data_withBareLf_acceptedAsPostfixDoes_smuggledCommandsStayContent() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.ehlo();
            openData(c);
            c.sendRaw("Subject: a\r\n\r\nhello\n.\r\nMAIL FROM:<smuggled@org.example>\r\nRCPT TO:<x@remote.example>\r\n"
                    + "DATA\r\nsmuggled\n..dot\r\n.\r\n");
            c.expect("250 2.0.0");
            c.send("NOOP");
            c.expect("250 2.0.0 Ok");

            assertThat(gw.queue.committed()).singleElement().extracting(FakeMessageQueue.Committed::text).asString()
                    .endsWith("\r\nSubject: a\r\n\r\nhello\r\n\r\nMAIL FROM:<smuggled@org.example>\r\nRCPT TO:<x@remote.example>\r\n"
                            + "DATA\r\nsmuggled\r\n.dot\r\n");
            sendsNextMessageFine(c);
        }
    }

    @Test
    void data_withBareCr_isRefused() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.ehlo();
            openData(c);
            c.sendRaw("Subject: a\r\n\r\nhello\r.\r\n.\r\n");
            c.expect("550 5.5.2");

            assertThat(gw.queue.committed()).isEmpty();
        }
    }

    @Test
    void data_linesOver1000Octets_acceptedAsPostfixDoes_keptWhole() throws Exception {
        String line = "y".repeat(5000);
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.ehlo();
            openData(c);
            c.sendRaw("Subject: long\r\n\r\n" + line + "\r\nshort\r\n.\r\n");
            c.expect("250 2.0.0");

            assertThat(gw.queue.committed()).hasSize(1);
            assertThat(gw.queue.committed().getFirst().text()).contains("\r\n" + line + "\r\nshort\r\n");
        }
    }

    @Test
    void data_withNul_gets554() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.ehlo();
            openData(c);
            c.sendRaw("\r\nnul\0here\r\n.\r\n");
            c.expect("554 5.6.0");

            assertThat(gw.queue.committed()).isEmpty();
        }
    }

    @Test
    void data_8bitWithoutBody8bitmime_isAccepted() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.ehlo();
            openData(c);
            c.sendRaw("Subject: caf\u00e9\r\n\r\nd\u00e9j\u00e0 vu\r\n.\r\n".getBytes(StandardCharsets.UTF_8));
            c.expect("250 2.0.0");

            assertThat(gw.queue.only().text()).endsWith("d\u00e9j\u00e0 vu\r\n");
        }
    }

    @Test
    void data_withTooManyHeaderLines_gets552() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.ehlo();
            openData(c);
            c.sendRaw("X-Bomb: 1\r\n".repeat(1001) + "\r\nbody\r\n.\r\n");
            c.expect("552 5.3.4 Error: message header section too large");

            assertThat(gw.queue.committed()).isEmpty();
            sendsNextMessageFine(c);
        }
    }

    @Test
    void data_withHeaderSectionOverByteLimit_gets552() throws Exception {
        MessageLimits limits = new MessageLimits(1_000_000, 1000, 4096, 50);
        try (TestIngress gw = TestIngress.start(b -> b.limits(limits)); SmtpClient c = gw.client()) {
            c.ehlo();
            openData(c);
            c.sendRaw("X-Long: a\r\n" + (" " + "f".repeat(500) + "\r\n").repeat(10) + "\r\nbody\r\n.\r\n");
            c.expect("552 5.3.4");
            openData(c);
            c.sendRaw("Subject: x\r\n\r\n" + ("b".repeat(500) + "\r\n").repeat(100) + ".\r\n");
            c.expect("250 2.0.0");
        }
    }

    @Test
    void data_withTooManyReceivedHeaders_isTakenForALoop() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.ehlo();
            openData(c);
            c.sendRaw("Received: from a by b; Tue, 1 Jul 2025 10:00:00 +0000\r\n".repeat(51) + "\r\nloop\r\n.\r\n");
            c.expect("554 5.4.6");
            openData(c);
            c.sendRaw("RECEIVED: from a by b; Tue, 1 Jul 2025 10:00:00 +0000\r\n".repeat(50) + "\r\nfine\r\n.\r\n");
            c.expect("250 2.0.0");
        }
    }

    @Test
    void data_clientClosesBeforeTheEnd_commitsNothing() throws Exception {
        try (TestIngress gw = TestIngress.start()) {
            try (SmtpClient c = gw.client()) {
                c.ehlo();
                openData(c);
                c.sendRaw("Subject: cut\r\n\r\npartial line without end");
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> gw.queue.aborted() == 1);

            assertThat(gw.queue.committed()).isEmpty();
        }
    }

    @Test
    void data_commitFails_gets451AndNothingIsQueued() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            gw.queue.failCommit(true);
            c.ehlo();
            openData(c);
            c.sendRaw("Subject: x\r\n\r\nbody\r\n.\r\n");
            c.expect("451 4.3.0");

            assertThat(gw.queue.committed()).isEmpty();
            assertThat(gw.queue.aborted()).isEqualTo(1);
            gw.queue.failCommit(false);
            sendsNextMessageFine(c);
        }
    }

    @Test
    void data_writeFails_gets451AfterTheEnd() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            gw.queue.failWrite(true);
            c.ehlo();
            c.send("MAIL FROM:<s@org.example>");
            c.expect("250");
            c.send("RCPT TO:<r@remote.example>");
            c.expect("250");
            c.send("DATA");
            c.expect("451 4.3.0");
            c.send("NOOP");
            c.expect("250");

            assertThat(gw.queue.committed()).isEmpty();
        }
    }

    @Test
    void data_queueUnavailable_gets451Before354() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            gw.queue.failBegin(true);
            c.ehlo();
            c.send("MAIL FROM:<s@org.example>");
            c.expect("250");
            c.send("RCPT TO:<r@remote.example>");
            c.expect("250");
            c.send("DATA");
            c.expect("451 4.3.0");
            gw.queue.failBegin(false);
            sendsNextMessageFine(c);
        }
    }
}
