package sempgw.smtp.egress;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import sempgw.semp.egress.testing.TestDnsServer;
import sempgw.smtp.egress.client.ClientSettings;
import sempgw.smtp.egress.client.Timeouts;
import sempgw.smtp.egress.client.TlsPolicy;
import sempgw.smtp.egress.fake.Entries;
import sempgw.smtp.egress.route.RouteResolver;
import sempgw.smtp.egress.route.RouteTable;
import sempgw.store.queue.DeliveryResult;
import sempgw.store.queue.Recipient;
import sempgw.store.queue.Sender;

/** Delivery into a real mailbox server (GreenMail): content arrives byte for byte, one result per recipient. */
final class SmtpDeliveryAgentGreenMailTest {

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String MESSAGE = String.join("\r\n",
            "From: Alice <alice@example.com>",
            "To: Bob <bob@example.org>, Carol <carol@example.org>",
            "Subject: dots and lines",
            "Message-ID: <greenmail-1@example.com>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=us-ascii",
            "",
            "First line.",
            ".",
            "..two dots",
            ".leading dot",
            "trailing dot.",
            "x".repeat(900),
            "",
            "Last line.",
            "");

    private final TestDnsServer dns;
    private SmtpDeliveryAgent agent;

    SmtpDeliveryAgentGreenMailTest() throws SocketException {
        dns = new TestDnsServer();
    }

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        dns.close();
    }

    private SmtpDeliveryAgent agent() {
        RouteTable table = RouteTable.parse(List.of("* -> [127.0.0.1]:" + GREENMAIL.getSmtp().getPort()), TlsPolicy.MAY);
        SmtpEgressConfig config = new SmtpEgressConfig(
                ClientSettings.withDefaultTrust("gw.test", Timeouts.uniform(Duration.ofSeconds(5))), 4, Duration.ofSeconds(30), Duration.ofMinutes(5));
        agent = new SmtpDeliveryAgent(config, new RouteResolver(table, TlsPolicy.MAY, 25), dns.resolver(), Clock.systemUTC());
        return agent;
    }

    private static byte[] raw(MimeMessage m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toByteArray();
    }

    @Test
    void deliver_twoRecipients_bothMailboxesGetIdenticalBytes() throws Exception {
        List<Recipient> rcpts = List.of(Recipient.of("bob@example.org"), Recipient.of("carol@example.org"));
        byte[] original = MESSAGE.getBytes(StandardCharsets.US_ASCII);

        List<DeliveryResult> results = agent().deliver(Entries.entry(Sender.of("alice@example.com"), rcpts, original.length), rcpts,
                Entries.content(original));

        assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(DeliveryResult.Delivered.class));
        MimeMessage[] received = GREENMAIL.getReceivedMessages();
        assertThat(received).hasSize(2);
        for (MimeMessage m : received) {
            String stored = new String(raw(m), StandardCharsets.US_ASCII);
            assertThat(stored).startsWith("Return-Path: <alice@example.com>");
            // GreenMail keeps the final CRLF as part of the end-of-data marker; everything before it must be identical.
            String sent = MESSAGE.substring(0, MESSAGE.length() - 2);
            assertThat(stored.endsWith("\r\n" + sent)).as("stored message ends with the sent bytes").isTrue();
        }
        assertThat(Arrays.stream(received).map(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO).length;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).containsOnly(2);
    }

    @Test
    void deliver_oneRecipientNeedsSmtpUtf8_thatOneFailsOtherDelivered() throws IOException {
        List<Recipient> rcpts = List.of(Recipient.of("bob@example.org"), Recipient.of("j\u00f6rg@example.org"));
        Sender sender = new Sender("alice@example.com", Optional.empty(), Optional.empty(), Sender.BodyType.SEVEN_BIT, true);

        List<DeliveryResult> results = agent().deliver(Entries.entry(sender, rcpts, MESSAGE.length()), rcpts, Entries.content(MESSAGE));

        assertThat(results.get(0)).isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(results.get(1)).isInstanceOf(DeliveryResult.Failed.class);
        assertThat(results.get(1).reply()).startsWith("553 5.6.7");
        assertThat(GREENMAIL.getReceivedMessagesForDomain("example.org")).hasSize(1);
    }

    @Test
    void deliver_manyMessagesSequentially_allArriveOverOneSession() {
        SmtpDeliveryAgent a = agent();
        List<Recipient> bob = List.of(Recipient.of("bob@example.org"));
        for (int i = 0; i < 20; i++) {
            String msg = "Subject: n" + i + "\r\n\r\nbody " + i + "\r\n";
            assertThat(a.deliver(Entries.entry(Sender.of("alice@example.com"), bob, msg.length()), bob, Entries.content(msg)).getFirst())
                    .isInstanceOf(DeliveryResult.Delivered.class);
        }
        assertThat(GREENMAIL.getReceivedMessages()).hasSize(20);
    }
}
