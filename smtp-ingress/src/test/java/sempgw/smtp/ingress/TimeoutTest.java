package sempgw.smtp.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Command and data deadlines end idle and trickling (slow-loris) clients with 421 4.4.2. */
final class TimeoutTest {
    private static final String TIMEOUT = "421 4.4.2 mx.gw.example Error: timeout exceeded";

    private static TestIngress fast() {
        return TestIngress.start(b -> b.timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)));
    }

    /** Sends one octet every {@code everyMillis} until the server closes or {@code count} were sent. */
    private static Thread trickle(SmtpClient c, int count, long everyMillis) {
        return Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < count; i++) {
                    c.sendRaw(new byte[] {'x'});
                    Thread.sleep(everyMillis);
                }
            } catch (IOException | InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Test
    void idleClient_getsTimeoutAndIsDisconnected() throws Exception {
        try (TestIngress gw = fast(); SmtpClient c = gw.client()) {
            c.expect(TIMEOUT);

            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void tricklingCommandLine_getsTimeoutWithinTheDeadline() throws Exception {
        try (TestIngress gw = fast(); SmtpClient c = gw.client()) {
            long start = System.nanoTime();
            Thread t = trickle(c, 400, 50);
            c.expect(TIMEOUT);
            t.interrupt();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        }
    }

    @Test
    void stalledData_getsTimeoutAndNothingIsQueued() throws Exception {
        try (TestIngress gw = fast(); SmtpClient c = gw.client()) {
            c.ehlo();
            c.send("MAIL FROM:<s@org.example>");
            c.expect("250");
            c.send("RCPT TO:<r@remote.example>");
            c.expect("250");
            c.send("DATA");
            c.expect("354");
            c.sendRaw("Subject: slow\r\n");
            c.expect(TIMEOUT);

            await().atMost(Duration.ofSeconds(5)).until(() -> gw.queue.aborted() == 1);
            assertThat(gw.queue.committed()).isEmpty();
        }
    }

    @Test
    void tricklingData_belowMinimumRate_getsTimeout() throws Exception {
        try (TestIngress gw = fast(); SmtpClient c = gw.client()) {
            c.ehlo();
            c.send("MAIL FROM:<s@org.example>");
            c.expect("250");
            c.send("RCPT TO:<r@remote.example>");
            c.expect("250");
            c.send("DATA");
            c.expect("354");
            long start = System.nanoTime();
            Thread t = trickle(c, 400, 50);
            c.expect(TIMEOUT);
            t.interrupt();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
            assertThat(gw.queue.committed()).isEmpty();
        }
    }

    @Test
    void steadyData_longerThanTheTimeoutInTotal_isAccepted() throws Exception {
        try (TestIngress gw = fast(); SmtpClient c = gw.client()) {
            c.ehlo();
            c.send("MAIL FROM:<s@org.example>");
            c.expect("250");
            c.send("RCPT TO:<r@remote.example>");
            c.expect("250");
            c.send("DATA");
            c.expect("354");
            for (int i = 0; i < 8; i++) {
                c.sendRaw(("z".repeat(998) + "\r\n").repeat(2));
                Thread.sleep(250);
            }
            c.sendRaw(".\r\n");
            c.expect("250 2.0.0");
        }
    }
}
