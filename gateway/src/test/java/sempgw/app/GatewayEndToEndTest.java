package sempgw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.wiser.Wiser;
import org.subethamail.wiser.WiserMessage;
import sempgw.app.config.ConfigLoader;
import sempgw.app.config.GatewayConfig;
import sempgw.app.control.ControlClient;
import sempgw.app.control.ControlReply;
import sempgw.app.control.ControlRequest;
import sempgw.app.semp.LogCapture;
import sempgw.app.testing.ShiftedClock;
import sempgw.semp.egress.testing.LoopbackPorts;
import sempgw.store.queue.QueueId;

/**
 * The whole gateway in-process: SMTP in, the encrypted queue, the queue manager, SMTP out to
 * GreenMail as the relay target, the control socket, and a restart with mail still deferred.
 */
final class GatewayEndToEndTest {
    @TempDir
    Path dir;
    final ShiftedClock clock = new ShiftedClock();
    GreenMail relay;
    Gateway gateway;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (relay != null) {
            relay.stop();
        }
    }

    GatewayConfig config(String routes) {
        return ConfigLoader.parse("""
                data_dir = "%s"
                [smtp]
                listen = "127.0.0.1:0"
                hostname = "gw.test"
                [queue]
                max_lifetime = "1h"
                delay_warning_after = "0s"
                min_backoff = "1s"
                max_backoff = "2s"
                [delivery]
                connect_timeout = "2s"
                routes = { %s }
                """.formatted(dir.resolve("data"), routes));
    }

    static int freePort() throws IOException {
        return LoopbackPorts.free();
    }

    GreenMail startRelay(int port) {
        GreenMail g = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        g.start();
        return g;
    }

    ControlReply control(GatewayConfig config, ControlRequest request) throws IOException {
        return ControlClient.send(config.control().socket(), request);
    }

    @Test
    void send_routeToGreenMail_messageArrivesAndQueueEmpties() throws Exception {
        relay = startRelay(freePort());
        GatewayConfig config = config("\"example.org\" = \"[127.0.0.1]:" + relay.getSmtp().getPort() + "\"");
        gateway = Gateway.start(config, clock);

        String id = SmtpTestClient.send(gateway.smtpPort(), "alice@client.test", "bob@example.org", "relayed");

        assertThat(relay.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage received = relay.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("relayed");
        assertThat(received.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly("bob@example.org");
        assertThat(received.getHeader("Received")[0]).contains("gw.test");
        await().atMost(Duration.ofSeconds(5)).until(() -> control(config, new ControlRequest.Show(new QueueId(id))).code() == 550);
        assertThat(control(config, new ControlRequest.ListEntries()).lines()).last().isEqualTo("0 messages in the queue");
    }

    @Test
    void start_smtpPortTaken_failsAndReleasesQueueAndControlSocket() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            GatewayConfig busy = ConfigLoader.parse("data_dir = \"%s\"\n[smtp]\nlisten = \"127.0.0.1:%d\"\nhostname = \"gw.test\"\n"
                    .formatted(dir.resolve("data"), taken.getLocalPort()));
            assertThatThrownBy(() -> Gateway.start(busy, clock)).isInstanceOf(IOException.class)
                    .hasMessage("cannot listen on 127.0.0.1:%d (smtp.listen): Address already in use", taken.getLocalPort());
            assertThat(busy.control().socket()).doesNotExist();
        }
        gateway = Gateway.start(config(""), clock);
        assertThat(control(config(""), new ControlRequest.ListEntries()).ok()).isTrue();
    }

    @Test
    void start_dataDirectoryOpenToOthers_warnsNamingItsMode_anOwnerOnlyOneDoesNot() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        try (LogCapture log = new LogCapture()) {
            gateway = Gateway.start(config(""), clock);
            gateway.close();
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
            gateway = Gateway.start(config(""), clock);

            assertThat(log.matching("WARN", "data directory", "rwxr-xr-x", "chmod 700")).hasSize(1);
        }
    }

    @Test
    void restart_deferredMailResumes_deliveredWhenTargetUp_expiredBouncesWithDsn() throws Exception {
        Wiser senderSide = Wiser.create(SMTPServer.port(0).bindAddress(InetAddress.getLoopbackAddress()));
        senderSide.start();
        try {
            restartScenario(senderSide);
        } finally {
            senderSide.stop();
        }
    }

    /** GreenMail cannot take mail from the null sender, so DSNs go to a Wiser sink for the sender's domain. */
    private void restartScenario(Wiser senderSide) throws Exception {
        int up = freePort();
        int down = freePort();
        GatewayConfig config = config("\"a.test\" = \"[127.0.0.1]:" + up + "\", \"b.test\" = \"[127.0.0.1]:" + down + "\", "
                + "\"sender.test\" = \"[127.0.0.1]:" + senderSide.getServer().getPortAllocated() + "\"");
        gateway = Gateway.start(config, clock);
        String toA = SmtpTestClient.send(gateway.smtpPort(), "alice@sender.test", "bob@a.test", "waits for the relay");
        String toB = SmtpTestClient.send(gateway.smtpPort(), "alice@sender.test", "carol@b.test", "never arrives");
        for (String id : new String[] {toA, toB}) {
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    control(config, new ControlRequest.Show(new QueueId(id))).lines().stream().anyMatch(l -> l.contains("state: DEFERRED")));
        }
        assertThat(control(config, new ControlRequest.ListEntries()).lines()).last().isEqualTo("2 messages in the queue");
        gateway.close();

        relay = startRelay(up);
        gateway = Gateway.start(config, clock);
        assertThat(relay.waitForIncomingEmail(15_000, 1)).isTrue();
        assertThat(relay.getReceivedMessages()[0].getSubject()).isEqualTo("waits for the relay");
        await().atMost(Duration.ofSeconds(5)).until(() -> control(config, new ControlRequest.Show(new QueueId(toA))).code() == 550);
        assertThat(control(config, new ControlRequest.Show(new QueueId(toB))).ok()).isTrue();
        assertThat(senderSide.getMessages()).isEmpty();

        clock.advance(Duration.ofHours(2));
        gateway.wakeQueueManager();
        await().atMost(Duration.ofSeconds(15)).until(() -> senderSide.getMessages().size() == 1);
        WiserMessage dsn = senderSide.getMessages().getFirst();
        assertThat(dsn.getEnvelopeSender()).isEmpty();
        assertThat(dsn.getEnvelopeReceiver()).isEqualTo("alice@sender.test");
        MimeMessage message = dsn.getMimeMessage();
        assertThat(message.getSubject()).isEqualTo("Undelivered Mail Returned to Sender");
        assertThat(message.getContentType()).startsWith("multipart/report").contains("delivery-status");
        String report = new String(dsn.getData(), StandardCharsets.UTF_8);
        assertThat(report).contains("Final-Recipient: rfc822; carol@b.test", "Action: failed", "Status: 4.4.7", "delivery time expired",
                "Subject: never arrives");
        await().atMost(Duration.ofSeconds(5)).until(() -> control(config, new ControlRequest.ListEntries()).lines().getLast()
                .equals("0 messages in the queue"));
        assertThat(relay.getReceivedMessages()).hasSize(1);
    }
}
