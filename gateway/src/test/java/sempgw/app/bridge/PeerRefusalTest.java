package sempgw.app.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.wiser.Wiser;
import sempgw.app.semp.TwoGateways;
import sempgw.core.envelope.SempAddress;

/**
 * A peer's terminal refusal reaches the SMTP client at DATA as a 5xx naming the SEMP reason code
 * (GATEWAY.md §5), and the message leaves the queue without a DSN: the client owns the failure.
 */
final class PeerRefusalTest {

    @Test
    void send_peerBlocksOurDomain_dataAnswered5xxNamingBlocked_noCopyKept(@TempDir Path dir) throws Exception {
        Wiser mailboxes = Wiser.create(SMTPServer.port(0).bindAddress(InetAddress.getLoopbackAddress()));
        mailboxes.start();
        try (TwoGateways gw = TwoGateways.start(dir, TwoGateways.Options.defaults()
                .withSemp(TwoGateways.B, """
                        [semp.block]
                        domains = ["a.test"]
                        [delivery]
                        routes = { "b.test" = "[127.0.0.1]:%d" }""".formatted(mailboxes.getServer().getPortAllocated())))) {
            gw.a().node().mailboxes().add(SempAddress.parse("alice@a.test"));
            gw.b().node().mailboxes().add(SempAddress.parse("bob@b.test"));

            String reply = SmtpDialogue.send(gw.a().gateway().smtpPort(), "alice@a.test", List.of("bob@b.test"),
                    "From: <alice@a.test>\r\nTo: <bob@b.test>\r\nSubject: Blocked\r\n\r\nHello.\r\n");

            assertThat(reply).startsWith("550 5.7.1 semp; blocked: handshake with b.test");
            await().atMost(Duration.ofSeconds(5)).until(() -> gw.a().gateway().queue().entries().isEmpty());
            assertThat(mailboxes.getMessages()).isEmpty();
        } finally {
            mailboxes.stop();
        }
    }
}
