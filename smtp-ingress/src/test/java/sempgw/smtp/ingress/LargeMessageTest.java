package sempgw.smtp.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A 30 MB message streams into the queue in bounded chunks; an oversized one is read to its end. */
final class LargeMessageTest {
    private static final byte[] CHUNK = ("l".repeat(78) + "\r\n").repeat(800).getBytes(StandardCharsets.US_ASCII);

    private static void openData(SmtpClient c) throws Exception {
        c.ehlo();
        c.send("MAIL FROM:<s@org.example> SIZE=31457280");
        c.expect("250");
        c.send("RCPT TO:<r@remote.example>");
        c.expect("250");
        c.send("DATA");
        c.expect("354");
        c.sendRaw("Subject: big\r\n\r\n");
    }

    @Test
    void data_of30Megabytes_isStreamedWhileItArrives() throws Exception {
        long total = 30L * 1024 * 1024 / CHUNK.length * CHUNK.length;
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            gw.queue.countOnly(true);
            openData(c);
            long sent = 0;
            while (sent < total / 2) {
                c.sendRaw(CHUNK);
                sent += CHUNK.length;
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> gw.queue.bytesWritten() > total / 4);
            while (sent < total) {
                c.sendRaw(CHUNK);
                sent += CHUNK.length;
            }
            c.sendRaw(".\r\n");
            c.expect("250 2.0.0");

            FakeMessageQueue.Committed m = gw.queue.only();
            assertThat(m.size()).isGreaterThan(total).isLessThan(total + 1024);
            assertThat(gw.queue.largestWrite()).isLessThanOrEqualTo(64 * 1024);
        }
    }

    @Test
    void data_overTheLimitByMegabytes_isDiscardedAsItArrivesAndRefused() throws Exception {
        try (TestIngress gw = TestIngress.start(b -> b.maxMessageSize(1024 * 1024)); SmtpClient c = gw.client()) {
            c.ehlo();
            c.send("MAIL FROM:<s@org.example>");
            c.expect("250");
            c.send("RCPT TO:<r@remote.example>");
            c.expect("250");
            c.send("DATA");
            c.expect("354");
            for (int i = 0; i < 8 * 1024 * 1024 / CHUNK.length; i++) {
                c.sendRaw(CHUNK);
            }
            c.sendRaw(".\r\n");
            c.expect("552 5.3.4");

            assertThat(gw.queue.committed()).isEmpty();
            assertThat(gw.queue.bytesWritten()).isLessThanOrEqualTo(1024 * 1024 + 1024);
            c.send("NOOP");
            c.expect("250");
        }
    }
}
