package sempgw.smtp.egress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sempgw.semp.egress.testing.TestDnsServer;
import sempgw.smtp.egress.client.ClientSettings;
import sempgw.smtp.egress.client.Timeouts;
import sempgw.smtp.egress.client.TlsPolicy;
import sempgw.smtp.egress.fake.Entries;
import sempgw.smtp.egress.fake.ScriptedSmtpServer;
import sempgw.smtp.egress.route.RouteResolver;
import sempgw.smtp.egress.route.RouteTable;
import sempgw.store.queue.DeliveryResult;
import sempgw.store.queue.Recipient;
import sempgw.store.queue.Sender;

/** LMTP to a mailbox server over a Unix-domain socket ({@code lmtp:unix:/path}). */
final class SmtpDeliveryAgentUnixLmtpTest {

    @TempDir
    Path dir;

    @Test
    void deliver_lmtpOverUnixSocket_perRecipientRepliesAndTimeoutsApply() throws IOException {
        Path socket = dir.resolve("lmtp.sock");
        String message = "Subject: local\r\n\r\nto the mailbox\r\n";
        try (ScriptedSmtpServer server = ScriptedSmtpServer.unix(socket); TestDnsServer dns = new TestDnsServer()) {
            server.lmtp = true;
            server.endOfDataReplies = accepted -> accepted.stream()
                    .map(a -> a.startsWith("full") ? "452 4.2.2 mailbox full" : "250 2.0.0 saved").toList();
            RouteTable table = RouteTable.parse(List.of("corp.example -> lmtp:unix:" + socket), TlsPolicy.MAY);
            SmtpEgressConfig config = new SmtpEgressConfig(
                    ClientSettings.withDefaultTrust("gw.test", Timeouts.uniform(Duration.ofMillis(800))), 4, Duration.ofSeconds(30), Duration.ofMinutes(5));
            try (SmtpDeliveryAgent agent = new SmtpDeliveryAgent(config, new RouteResolver(table, TlsPolicy.MAY, 25), dns.resolver(), Clock.systemUTC())) {
                List<Recipient> rcpts = List.of(Recipient.of("ann@corp.example"), Recipient.of("full@corp.example"));

                List<DeliveryResult> results = agent.deliver(Entries.entry(Sender.of("a@example.com"), rcpts, message.length()), rcpts,
                        Entries.content(message));

                assertThat(results.get(0)).isInstanceOf(DeliveryResult.Delivered.class);
                assertThat(results.get(0).reply()).startsWith("host " + socket + " said: 250 2.0.0 saved");
                assertThat(results.get(1)).isInstanceOf(DeliveryResult.Deferred.class);
                assertThat(new String(server.messages.getFirst(), StandardCharsets.US_ASCII)).isEqualTo(message);
                assertThat(agent.destination(rcpts.getFirst())).isEqualTo("lmtp:unix:" + socket);

                server.silentAfterData = true;
                DeliveryResult stuck = agent.deliver(Entries.entry(Sender.of("a@example.com"), rcpts.subList(0, 1), message.length()),
                        rcpts.subList(0, 1), Entries.content(message)).getFirst();
                assertThat(stuck).isInstanceOf(DeliveryResult.Deferred.class);
                assertThat(stuck.reply()).contains("timed out");
            }
        }
        assertThat(Files.exists(socket)).isTrue();
    }
}
