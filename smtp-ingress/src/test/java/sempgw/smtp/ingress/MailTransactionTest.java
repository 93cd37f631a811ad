package sempgw.smtp.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sempgw.store.queue.Recipient;
import sempgw.store.queue.Recipient.Notify;
import sempgw.store.queue.Sender;

final class MailTransactionTest {

    @Test
    void data_fromRelayNetwork_isCommittedWithQueueIdInReply() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.ehlo();
            c.send("MAIL FROM:<sender@org.example>");
            c.expect("250 2.1.0");
            c.send("RCPT TO:<someone@remote.example>");
            c.expect("250 2.1.5");
            c.send("DATA");
            c.expect("354 ");
            c.sendRaw("Subject: hi\r\n\r\nhello\r\n.\r\n");
            String reply = c.expect("250 2.0.0 Ok: queued as ");

            FakeMessageQueue.Committed m = gw.queue.only();
            assertThat(reply).endsWith(m.id().value());
            assertThat(m.sender()).isEqualTo(Sender.of("sender@org.example"));
            assertThat(m.recipients()).containsExactly(Recipient.of("someone@remote.example"));
            assertThat(m.origin().heloName()).isEqualTo("client.example");
            assertThat(m.origin().protocol()).isEqualTo("ESMTP");
            assertThat(m.text()).endsWith("Subject: hi\r\n\r\nhello\r\n");
        }
    }

    @Test
    void data_always_startsWithReceivedHeader() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.ehlo();
            c.send("MAIL FROM:<sender@org.example>");
            c.expect("250");
            c.send("RCPT TO:<someone@remote.example>");
            c.expect("250");
            c.send("DATA");
            c.expect("354");
            c.sendRaw("Subject: hi\r\n\r\nhello\r\n.\r\n");
            c.expect("250");

            String text = gw.queue.only().text();
            assertThat(text).matches("(?s)Received: from client\\.example \\(\\[127\\.0\\.0\\.1\\]\\)\r\n"
                    + "\tby mx\\.gw\\.example \\(sempgw\\) with ESMTP id [0-9A-Z]{13}\r\n"
                    + "\tfor <someone@remote\\.example>; Tue, 1 Jul 2025 10:00:00 \\+0000\r\n"
                    + "Subject: hi\r\n.*");
        }
    }

    @Test
    void mailAndRcpt_withDsnParameters_mapOntoSenderAndRecipient() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.ehlo();
            c.send("MAIL FROM:<sender@org.example> SIZE=100 BODY=8BITMIME RET=HDRS ENVID=QQ+2B123 SMTPUTF8 AUTH=<>");
            c.expect("250 2.1.0");
            c.send("RCPT TO:<a@remote.example> NOTIFY=SUCCESS,DELAY ORCPT=rfc822;a+40remote.example");
            c.expect("250 2.1.5");
            c.send("RCPT TO:<b@remote.example> NOTIFY=NEVER");
            c.expect("250 2.1.5");
            c.send("DATA");
            c.expect("354");
            c.sendRaw("\r\nbody\r\n.\r\n");
            c.expect("250 2.0.0");

            FakeMessageQueue.Committed m = gw.queue.only();
            assertThat(m.sender()).isEqualTo(new Sender("sender@org.example", Optional.of(Sender.DsnRet.HDRS), Optional.of("QQ+123"),
                    Sender.BodyType.EIGHT_BIT_MIME, true));
            assertThat(m.recipients()).containsExactly(
                    new Recipient("a@remote.example", Set.of(Notify.SUCCESS, Notify.DELAY), Optional.of("rfc822;a@remote.example")),
                    new Recipient("b@remote.example", Set.of(Notify.NEVER), Optional.empty()));
        }
    }

    @Test
    void rcpt_duplicateRecipient_isAcceptedAndCollapsed() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.ehlo();
            c.send("MAIL FROM:<>");
            c.expect("250");
            c.send("RCPT TO:<x@remote.example>");
            c.expect("250 2.1.5");
            c.send("RCPT TO:<x@REMOTE.example>");
            c.expect("250 2.1.5");
            c.send("RCPT TO:<y@remote.example>");
            c.expect("250 2.1.5");
            c.send("DATA");
            c.expect("354");
            c.sendRaw(".\r\n");
            c.expect("250");

            FakeMessageQueue.Committed m = gw.queue.only();
            assertThat(m.sender().isNull()).isTrue();
            assertThat(m.recipients()).extracting(Recipient::address).containsExactly("x@remote.example", "y@remote.example");
        }
    }

    @Test
    void rcpt_beyondRecipientLimit_gets452AndOthersAreKept() throws Exception {
        try (TestIngress gw = TestIngress.start(b -> b.maxRecipients(2)); SmtpClient c = gw.client()) {
            c.ehlo();
            c.send("MAIL FROM:<s@org.example>");
            c.expect("250");
            c.send("RCPT TO:<r1@remote.example>");
            c.expect("250 2.1.5");
            c.send("RCPT TO:<r2@remote.example>");
            c.expect("250 2.1.5");
            c.send("RCPT TO:<r3@remote.example>");
            c.expect("452 4.5.3 ");
            c.send("DATA");
            c.expect("354");
            c.sendRaw("x\r\n.\r\n");
            c.expect("250");

            assertThat(gw.queue.only().recipients()).hasSize(2);
        }
    }

    @Test
    void session_afterDelivery_acceptsSecondMessage() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.ehlo();
            for (int i = 0; i < 2; i++) {
                c.send("MAIL FROM:<s@org.example>");
                c.expect("250");
                c.send("RCPT TO:<r@remote.example>");
                c.expect("250");
                c.send("DATA");
                c.expect("354");
                c.sendRaw("n " + i + "\r\n.\r\n");
                c.expect("250 2.0.0");
            }
            c.send("QUIT");
            c.expect("221 2.0.0");

            assertThat(gw.queue.committed()).hasSize(2);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void data_withDotStuffedLines_isUnstuffed() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.ehlo();
            c.send("MAIL FROM:<s@org.example>");
            c.expect("250");
            c.send("RCPT TO:<r@remote.example>");
            c.expect("250");
            c.send("DATA");
            c.expect("354");
            c.sendRaw("\r\n..leading dot\r\n...\r\n.\r\n");
            c.expect("250");

            assertThat(gw.queue.only().text()).endsWith("\r\n\r\n.leading dot\r\n..\r\n");
        }
    }
}
