package sempgw.smtp.egress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sempgw.semp.egress.testing.TestDnsServer;
import sempgw.semp.egress.testing.TestTls;
import sempgw.smtp.egress.client.ClientSettings;
import sempgw.smtp.egress.client.Credentials;
import sempgw.smtp.egress.client.Timeouts;
import sempgw.smtp.egress.client.TlsPolicy;
import sempgw.smtp.egress.fake.Entries;
import sempgw.smtp.egress.fake.ScriptedSmtpServer;
import sempgw.smtp.egress.route.RouteResolver;
import sempgw.smtp.egress.route.RouteTable;
import sempgw.store.queue.DeliveryResult;
import sempgw.store.queue.Recipient;
import sempgw.store.queue.Sender;

/** STARTTLS policies, certificate verification and SMTP AUTH. */
final class SmtpDeliveryAgentTlsTest {

    private static final TestTls TLS = TestTls.selfSigned("mail.example.net");
    private static final String MESSAGE = "Subject: tls\r\n\r\nsecret\r\n";

    private final ScriptedSmtpServer server;
    private final SSLContext trustingClient;
    private final TestDnsServer dns;
    private SmtpDeliveryAgent agent;

    SmtpDeliveryAgentTlsTest() throws IOException, GeneralSecurityException {
        server = new ScriptedSmtpServer();
        server.tls = TLS.serverContext();
        trustingClient = TLS.trustingContext();
        dns = new TestDnsServer();
        dns.a("mail.example.net", "127.0.0.1").a("wrong.example.net", "127.0.0.1");
    }

    @AfterEach
    void stop() throws IOException {
        if (agent != null) {
            agent.close();
        }
        server.close();
        dns.close();
    }

    private DeliveryResult deliver(String routeLine, Credentials login) {
        RouteTable table = RouteTable.parse(List.of("* -> " + routeLine.replace("PORT", String.valueOf(server.port()))), TlsPolicy.MAY);
        if (login != null) {
            table = table.withCredentials(table.lookup("x").orElseThrow().destination(), login);
        }
        SmtpEgressConfig config = new SmtpEgressConfig(
                new ClientSettings("gw.test", Timeouts.uniform(Duration.ofSeconds(3)), trustingClient), 4, Duration.ofSeconds(30), Duration.ofMinutes(5));
        agent = new SmtpDeliveryAgent(config, new RouteResolver(table, TlsPolicy.MAY, 25), dns.resolver(), Clock.systemUTC());
        List<Recipient> bob = List.of(Recipient.of("bob@example.org"));
        return agent.deliver(Entries.entry(Sender.of("alice@example.com"), bob, MESSAGE.length()), bob, Entries.content(MESSAGE)).getFirst();
    }

    @Test
    void deliver_opportunisticAndOffered_sentOverTls() {
        DeliveryResult result = deliver("[mail.example.net]:PORT", null);

        assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(server.messagesOverTls).containsExactly(true);
        assertThat(server.commands.stream().filter(c -> c.startsWith("EHLO"))).hasSize(2);
    }

    @Test
    void deliver_encryptRequiredButNotOffered_deferred() {
        server.tls = null;

        DeliveryResult result = deliver("[mail.example.net]:PORT tls=encrypt", null);

        assertThat(result).isInstanceOf(DeliveryResult.Deferred.class);
        assertThat(result.reply()).startsWith("4.7.4 TLS is required, but was not offered by host mail.example.net");
        assertThat(server.transactionCommands()).isEmpty();
    }

    @Test
    void deliver_verifyWithTrustedMatchingCertificate_delivered() {
        assertThat(deliver("[mail.example.net]:PORT tls=verify", null)).isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(server.messagesOverTls).containsExactly(true);
    }

    @Test
    void deliver_verifyWithNameMismatch_deferredAndNeverInClear() {
        DeliveryResult result = deliver("[wrong.example.net]:PORT tls=verify", null);

        assertThat(result).isInstanceOf(DeliveryResult.Deferred.class);
        assertThat(result.reply()).startsWith("4.7.5 TLS handshake with wrong.example.net");
        assertThat(server.messages).isEmpty();
        assertThat(server.connections.get()).isEqualTo(1);
    }

    @Test
    void deliver_opportunisticHandshakeFails_retriedInClear() {
        server.breakHandshake = true;

        DeliveryResult result = deliver("[mail.example.net]:PORT", null);

        assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(server.connections.get()).isEqualTo(2);
        assertThat(server.messagesOverTls).containsExactly(false);
    }

    @Test
    void deliver_dataInjectedAfterStartTlsReply_refused() {
        server.injectAfterStartTls = true;

        DeliveryResult result = deliver("[mail.example.net]:PORT", null);

        assertThat(result).isInstanceOf(DeliveryResult.Deferred.class);
        assertThat(result.reply()).contains("response injection");
        assertThat(server.messages).isEmpty();
    }

    @Test
    void deliver_smarthostWithLogin_authPlainInsideTls() {
        server.extensions.add("AUTH PLAIN LOGIN");

        DeliveryResult result = deliver("[mail.example.net]:PORT tls=encrypt", new Credentials("gw", "s3cret"));

        assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
        String auth = server.commands.stream().filter(c -> c.startsWith("AUTH PLAIN ")).findFirst().orElseThrow();
        assertThat(new String(Base64.getDecoder().decode(auth.substring(11)), StandardCharsets.UTF_8)).isEqualTo("\0gw\0s3cret");
        assertThat(server.commands.indexOf(auth)).isGreaterThan(server.commands.indexOf("STARTTLS"));
    }

    @Test
    void deliver_loginWithoutTls_refusedBeforeSendingCredentials() {
        server.tls = null;
        server.extensions.add("AUTH PLAIN LOGIN");

        DeliveryResult result = deliver("[mail.example.net]:PORT tls=none", new Credentials("gw", "s3cret"));

        assertThat(result).isInstanceOf(DeliveryResult.Deferred.class);
        assertThat(result.reply()).contains("refusing to send credentials").contains("without TLS");
        assertThat(server.commands).noneMatch(c -> c.startsWith("AUTH"));
    }

    @Test
    void deliver_loginRejected_deferredNotBounced() {
        server.extensions.add("AUTH LOGIN");
        server.authReply = "535 5.7.8 authentication credentials invalid";

        DeliveryResult result = deliver("[mail.example.net]:PORT", new Credentials("gw", "wrong"));

        assertThat(result).isInstanceOf(DeliveryResult.Deferred.class);
        assertThat(result.reply()).contains("authentication failed").contains("535 5.7.8");
    }
}
