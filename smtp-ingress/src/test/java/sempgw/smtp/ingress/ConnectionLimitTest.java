package sempgw.smtp.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

final class ConnectionLimitTest {

    @Test
    void connect_beyondPerClientLimit_gets421AndIsClosed() throws Exception {
        try (TestIngress gw = TestIngress.start(b -> b.connectionLimits(2, 10));
                SmtpClient first = gw.client();
                SmtpClient second = gw.client();
                SmtpClient third = SmtpClient.connect(gw.port())) {
            third.expect("421 4.7.0 mx.gw.example Error: too many connections from 127.0.0.1");
            assertThat(third.closedByServer()).isTrue();

            first.send("QUIT");
            first.expect("221");
            await().atMost(Duration.ofSeconds(5)).until(() -> gw.ingress.sessions() == 1);
            try (SmtpClient fourth = gw.client()) {
                fourth.send("NOOP");
                fourth.expect("250");
            }
        }
    }

    @Test
    void connect_beyondTotalLimit_gets421() throws Exception {
        try (TestIngress gw = TestIngress.start(b -> b.connectionLimits(2, 2));
                SmtpClient first = gw.clientFrom("127.0.0.1");
                SmtpClient second = gw.clientFrom("127.0.0.2");
                SmtpClient third = SmtpClient.connect(gw.port(), java.net.InetAddress.ofLiteral("127.0.0.3"))) {
            third.expect("421 4.7.0 mx.gw.example Error: too many connections");
        }
    }

    @Test
    void stop_withConnectedClients_tellsThem421ShuttingDownAndQueuesNothing() throws Exception {
        TestIngress gw = TestIngress.start();
        try (SmtpClient idle = gw.client(); SmtpClient sending = gw.client()) {
            idle.ehlo();
            sending.ehlo();
            sending.send("MAIL FROM:<s@org.example>");
            sending.expect("250");
            sending.send("RCPT TO:<r@remote.example>");
            sending.expect("250");
            sending.send("DATA");
            sending.expect("354");
            sending.sendRaw("Subject: half\r\n");
            await().atMost(Duration.ofSeconds(5)).until(() -> gw.queue.begun() == 1);

            CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> gw.ingress.stop());
            idle.expect("421 4.3.2 mx.gw.example Service shutting down");
            sending.expect("421 4.3.2");
            stopped.get();

            assertThat(gw.queue.committed()).isEmpty();
            assertThat(gw.queue.aborted()).isEqualTo(1);
        } finally {
            gw.close();
        }
    }
}
