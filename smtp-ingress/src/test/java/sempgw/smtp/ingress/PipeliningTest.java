package sempgw.smtp.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 2920: commands sent in one write get their replies in order. */
final class PipeliningTest {

    @Test
    void transaction_inOneWrite_getsEveryReplyInOrder() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.ehlo();
            c.sendRaw("MAIL FROM:<s@org.example>\r\nRCPT TO:<a@remote.example>\r\nRCPT TO:<nobody@example.org>\r\n"
                    + "RCPT TO:<alice@example.org>\r\nDATA\r\n");
            c.expect("250 2.1.0");
            c.expect("250 2.1.5");
            c.expect("550 5.1.1");
            c.expect("250 2.1.5");
            c.expect("354");
            c.sendRaw("Subject: p\r\n\r\nbody\r\n.\r\nQUIT\r\n");
            c.expect("250 2.0.0 Ok: queued as");
            c.expect("221 2.0.0");

            assertThat(gw.queue.only().recipients()).extracting(r -> r.address())
                    .containsExactly("a@remote.example", "alice@example.org");
        }
    }

    @Test
    void endOfData_followedByNextTransactionInSameWrite_isSplitCorrectly() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.sendRaw("EHLO client.example\r\nMAIL FROM:<s@org.example>\r\nRCPT TO:<a@remote.example>\r\nDATA\r\n");
            c.expect("250-");
            c.expect("250 2.1.0");
            c.expect("250 2.1.5");
            c.expect("354");
            c.sendRaw("one\r\n.\r\nMAIL FROM:<t@org.example>\r\nRCPT TO:<b@remote.example>\r\nDATA\r\n");
            c.expect("250 2.0.0");
            c.expect("250 2.1.0");
            c.expect("250 2.1.5");
            c.expect("354");
            c.sendRaw("two\r\n.\r\n");
            c.expect("250 2.0.0");

            assertThat(gw.queue.committed()).hasSize(2);
            assertThat(gw.queue.committed().get(0).text()).endsWith("\r\none\r\n");
            assertThat(gw.queue.committed().get(1).text()).endsWith("\r\ntwo\r\n");
            assertThat(gw.queue.committed().get(1).sender().reversePath()).isEqualTo("t@org.example");
        }
    }
}
