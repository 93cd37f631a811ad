package sempgw.smtp.egress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sempgw.semp.egress.testing.TestDnsServer;
import sempgw.smtp.egress.client.ClientSettings;
import sempgw.smtp.egress.client.Timeouts;
import sempgw.smtp.egress.client.TlsPolicy;
import sempgw.smtp.egress.fake.Entries;
import sempgw.smtp.egress.fake.ScriptedSmtpServer;
import sempgw.smtp.egress.route.RouteResolver;
import sempgw.smtp.egress.route.RouteTable;
import sempgw.store.queue.DeliveryResult;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.Recipient;
import sempgw.store.queue.Recipient.Notify;
import sempgw.store.queue.Sender;

/** Exact reply handling against a scripted server: per-recipient results, pipelining, LMTP, failures. */
final class SmtpDeliveryAgentTest {

    private static final String MESSAGE = "From: alice@example.com\r\nTo: bob@example.org\r\nSubject: hi\r\n\r\nHello\r\n.\r\n..dots\r\n";

    private final ScriptedSmtpServer server;
    private final TestDnsServer dns;
    private SmtpDeliveryAgent agent;

    SmtpDeliveryAgentTest() throws IOException {
        server = new ScriptedSmtpServer();
        dns = new TestDnsServer();
    }

    @AfterEach
    void stop() throws IOException {
        if (agent != null) {
            agent.close();
        }
        server.close();
        dns.close();
    }

    private SmtpDeliveryAgent agent(String nextHop) {
        return agent(nextHop, Duration.ofSeconds(3));
    }

    private SmtpDeliveryAgent agent(String nextHop, Duration timeout) {
        RouteTable table = RouteTable.parse(List.of("* -> " + nextHop.replace("PORT", String.valueOf(server.port()))), TlsPolicy.MAY);
        SmtpEgressConfig config = new SmtpEgressConfig(
                ClientSettings.withDefaultTrust("gw.test", Timeouts.uniform(timeout)), 4, Duration.ofSeconds(30), Duration.ofMinutes(5));
        agent = new SmtpDeliveryAgent(config, new RouteResolver(table, TlsPolicy.MAY, 25), dns.resolver(), Clock.systemUTC(), new Random(1));
        return agent;
    }

    private static QueueEntry entry(Sender sender, List<Recipient> recipients) {
        return Entries.entry(sender, recipients, MESSAGE.length());
    }

    private List<DeliveryResult> send(List<Recipient> recipients) {
        return agent.deliver(entry(Sender.of("alice@example.com"), recipients), recipients, Entries.content(MESSAGE));
    }

    private static List<Recipient> rcpts(String... addresses) {
        return java.util.Arrays.stream(addresses).map(Recipient::of).toList();
    }

    @Test
    void deliver_pipeliningServer_batchesCommandsAndDeliversBytes() {
        server.strictPipelining = true;
        agent("[127.0.0.1]:PORT");

        List<DeliveryResult> results = send(rcpts("bob@example.org", "carol@example.org"));

        assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(DeliveryResult.Delivered.class));
        assertThat(results.getFirst().reply()).isEqualTo(
                "host 127.0.0.1[127.0.0.1]:" + server.port() + " said: 250 2.0.0 Ok: queued as 4711 (in reply to end of DATA command)");
        assertThat(server.transactionCommands()).containsExactly(
                "MAIL FROM:<alice@example.com> SIZE=" + MESSAGE.length(), "RCPT TO:<bob@example.org>", "RCPT TO:<carol@example.org>", "DATA");
        assertThat(new String(server.messages.getFirst(), StandardCharsets.UTF_8)).isEqualTo(MESSAGE);
    }

    @Test
    void deliver_mixedRcptReplies_oneResultPerRecipient() {
        server.rcptReply = a -> switch (a) {
            case "temp@example.org" -> "450 4.2.1 mailbox busy";
            case "gone@example.org" -> "550 5.1.1 no such user";
            default -> "250 2.1.5 Ok";
        };
        agent("[127.0.0.1]:PORT");

        List<DeliveryResult> results = send(rcpts("bob@example.org", "temp@example.org", "gone@example.org"));

        assertThat(results.get(0)).isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(results.get(1)).isInstanceOf(DeliveryResult.Deferred.class);
        assertThat(results.get(1).reply()).contains("450 4.2.1 mailbox busy (in reply to RCPT TO command)");
        assertThat(results.get(2)).isInstanceOf(DeliveryResult.Failed.class);
        assertThat(((DeliveryResult.Failed) results.get(2)).diagnosticType()).isEqualTo("smtp");
        assertThat(results.get(2).reply()).contains("550 5.1.1 no such user");
        assertThat(server.messages).hasSize(1);
    }

    @Test
    void deliver_allRcptsRejected_noDataAndSessionReset() {
        server.rcptReply = a -> "550 5.1.1 no such user";
        server.extensions.remove("PIPELINING");
        agent("[127.0.0.1]:PORT");

        List<DeliveryResult> results = send(rcpts("x@example.org", "y@example.org"));

        assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(DeliveryResult.Failed.class));
        assertThat(server.transactionCommands()).doesNotContain("DATA").endsWith("RSET");
        assertThat(server.messages).isEmpty();
    }

    @Test
    void deliver_421MidSession_allDeferredAndNextMessageReconnects() {
        server.rcptReply = a -> a.startsWith("second") ? "421 4.3.2 shutting down" : "250 2.1.5 Ok";
        agent("[127.0.0.1]:PORT");

        List<DeliveryResult> results = send(rcpts("first@example.org", "second@example.org", "third@example.org"));

        assertThat(results).allSatisfy(r -> {
            assertThat(r).isInstanceOf(DeliveryResult.Deferred.class);
            assertThat(r.reply()).contains("421 4.3.2 shutting down");
        });
        server.rcptReply = a -> "250 2.1.5 Ok";
        assertThat(send(rcpts("first@example.org")).getFirst()).isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(server.connections.get()).isEqualTo(2);
    }

    @Test
    void deliver_dataRejected552_acceptedRecipientsFailWithThatReply() {
        server.dataReply = "552 5.3.4 message too big for this system";
        server.rcptReply = a -> a.startsWith("later") ? "452 4.2.2 over quota" : "250 2.1.5 Ok";
        agent("[127.0.0.1]:PORT");

        List<DeliveryResult> results = send(rcpts("a@example.org", "later@example.org", "b@example.org"));

        assertThat(results.get(0)).isInstanceOf(DeliveryResult.Failed.class);
        assertThat(results.get(0).reply()).contains("552 5.3.4 message too big").contains("(in reply to DATA command)");
        assertThat(results.get(1)).isInstanceOf(DeliveryResult.Deferred.class);
        assertThat(results.get(2)).isInstanceOf(DeliveryResult.Failed.class);
    }

    @Test
    void deliver_endOfDataTransientReply_allDeferred() {
        server.endOfDataReplies = accepted -> List.of("451 4.3.0 queue file write error");
        agent("[127.0.0.1]:PORT");

        assertThat(send(rcpts("a@example.org", "b@example.org"))).allSatisfy(r -> assertThat(r).isInstanceOf(DeliveryResult.Deferred.class));
    }

    @Test
    void deliver_lmtp_perRecipientRepliesAfterData() {
        server.lmtp = true;
        server.rcptReply = a -> a.startsWith("unknown") ? "550 5.1.1 unknown user" : "250 2.1.5 Ok";
        server.endOfDataReplies = accepted -> accepted.stream()
                .map(a -> a.startsWith("full") ? "452 4.2.2 mailbox full" : a.startsWith("bad") ? "554 5.6.0 rejected by sieve" : "250 2.0.0 saved")
                .toList();
        agent("lmtp:[127.0.0.1]:PORT");

        List<DeliveryResult> results = send(rcpts("ok@corp.example", "full@corp.example", "unknown@corp.example", "bad@corp.example"));

        assertThat(server.commands).anyMatch(c -> c.startsWith("LHLO gw.test"));
        assertThat(results.get(0)).isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(results.get(1)).isInstanceOf(DeliveryResult.Deferred.class);
        assertThat(results.get(1).reply()).contains("452 4.2.2 mailbox full (in reply to end of DATA command)");
        assertThat(results.get(2)).isInstanceOf(DeliveryResult.Failed.class);
        assertThat(results.get(2).reply()).contains("(in reply to RCPT TO command)");
        assertThat(results.get(3)).isInstanceOf(DeliveryResult.Failed.class);
        assertThat(results.get(3).reply()).contains("554 5.6.0 rejected by sieve");
    }

    @Test
    void deliver_dsnParameters_passedOnWhenOffered() {
        agent("[127.0.0.1]:PORT");
        Sender sender = new Sender("alice@example.com", Optional.of(Sender.DsnRet.HDRS), Optional.of("env 42"), Sender.BodyType.SEVEN_BIT, false);
        Recipient bob = new Recipient("bob@example.org", Set.of(Notify.SUCCESS, Notify.DELAY), Optional.of("rfc822;bob@example.org"));

        agent.deliver(entry(sender, List.of(bob)), List.of(bob), Entries.content(MESSAGE));

        assertThat(server.transactionCommands()).startsWith(
                "MAIL FROM:<alice@example.com> SIZE=" + MESSAGE.length() + " RET=HDRS ENVID=env+2042",
                "RCPT TO:<bob@example.org> NOTIFY=DELAY,SUCCESS ORCPT=rfc822;bob@example.org");
    }

    @Test
    void deliver_consecutiveMessages_reuseOneConnection() {
        agent("[127.0.0.1]:PORT");

        for (int i = 0; i < 5; i++) {
            assertThat(send(rcpts("bob@example.org")).getFirst()).isInstanceOf(DeliveryResult.Delivered.class);
        }

        assertThat(server.connections.get()).isEqualTo(1);
        assertThat(server.messages).hasSize(5);
        assertThat(server.commands.stream().filter(c -> c.startsWith("EHLO"))).hasSize(1);
    }

    @Test
    void deliver_pooledConnectionDroppedByServer_freshConnectionWithoutDeferral() throws Exception {
        server.dropAfterMessage = true;
        agent("[127.0.0.1]:PORT");

        assertThat(send(rcpts("bob@example.org")).getFirst()).isInstanceOf(DeliveryResult.Delivered.class);
        Thread.sleep(100);
        assertThat(send(rcpts("bob@example.org")).getFirst()).isInstanceOf(DeliveryResult.Delivered.class);

        assertThat(server.messages).hasSize(2);
        assertThat(server.connections.get()).isEqualTo(2);
    }

    @Test
    void deliver_overSizeLimit_failsWithoutSendingMail() {
        server.extensions.replaceAll(e -> e.startsWith("SIZE") ? "SIZE 10" : e);
        agent("[127.0.0.1]:PORT");

        DeliveryResult result = send(rcpts("bob@example.org")).getFirst();

        assertThat(result).isInstanceOf(DeliveryResult.Failed.class);
        assertThat(result.reply()).startsWith("552 5.3.4");
        assertThat(server.transactionCommands()).isEmpty();
    }

    @Test
    void deliver_connectionRefused_deferredWithReason() throws IOException {
        int closedPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        agent("[127.0.0.1]:" + closedPort);

        DeliveryResult result = send(rcpts("bob@example.org")).getFirst();

        assertThat(result).isInstanceOf(DeliveryResult.Deferred.class);
        assertThat(result.reply()).startsWith("4.4.1 connect to 127.0.0.1[127.0.0.1]:" + closedPort).contains("refused");
    }

    @Test
    void deliver_greeting554_failsPermanently() {
        server.greeting = "554 5.7.1 go away";
        agent("[127.0.0.1]:PORT");

        DeliveryResult result = send(rcpts("bob@example.org")).getFirst();

        assertThat(result).isInstanceOf(DeliveryResult.Failed.class);
        assertThat(result.reply()).contains("refused to talk to me: 554 5.7.1 go away");
    }

    @Test
    void deliver_noReplyAfterData_deferredAsTimeoutWithDuplicateWarning() {
        server.silentAfterData = true;
        agent("[127.0.0.1]:PORT", Duration.ofMillis(600));

        DeliveryResult result = send(rcpts("bob@example.org")).getFirst();

        assertThat(result).isInstanceOf(DeliveryResult.Deferred.class);
        assertThat(result.reply()).startsWith("4.4.2 conversation with").contains("timed out").contains("end of DATA").contains("twice");
    }

    @Test
    void deliver_serverStopsReadingData_writeTimesOutAndDefers() {
        server.stallDuringData = true;
        server.extensions.removeIf(e -> e.startsWith("SIZE"));
        agent("[127.0.0.1]:PORT", Duration.ofMillis(600));
        List<Recipient> bob = rcpts("bob@example.org");
        long size = 32L * 1024 * 1024;
        sempgw.store.queue.DeliveryAgent.ContentSource endless = () -> new java.io.InputStream() {
            private long left = size;

            @Override
            public int read() {
                return left-- > 0 ? (left % 80 == 0 ? '\n' : 'x') : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                left -= n;
                return n;
            }
        };

        long start = System.nanoTime();
        DeliveryResult result = agent.deliver(Entries.entry(Sender.of("alice@example.com"), bob, size), bob, endless).getFirst();
        server.stallDuringData = false;

        assertThat(result).isInstanceOf(DeliveryResult.Deferred.class);
        assertThat(result.reply()).contains("timed out").contains("message body");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void deliver_contentUnreadableMidway_connectionDroppedWithoutFinalDot() {
        agent("[127.0.0.1]:PORT");
        byte[] bytes = MESSAGE.getBytes(StandardCharsets.UTF_8);
        List<Recipient> bob = rcpts("bob@example.org");

        DeliveryResult result = agent.deliver(entry(Sender.of("alice@example.com"), bob), bob, Entries.failingAfter(bytes, 20)).getFirst();

        assertThat(result).isInstanceOf(DeliveryResult.Deferred.class);
        assertThat(result.reply()).startsWith("4.3.0 error reading the queued message");
        assertThat(server.messages).isEmpty();
    }

    @Test
    void deliver_mxRouteThroughDns_firstUnreachableMxSkipped() {
        dns.mx("example.org", 10, "down.example.org").mx("example.org", 20, "up.example.org")
                .a("down.example.org", "127.0.0.2").a("up.example.org", "127.0.0.1");
        RouteResolver mxRoutes = new RouteResolver(RouteTable.empty(), TlsPolicy.MAY, server.port());
        SmtpEgressConfig config = new SmtpEgressConfig(
                ClientSettings.withDefaultTrust("gw.test", Timeouts.uniform(Duration.ofSeconds(2))), 4, Duration.ofSeconds(30), Duration.ofMinutes(5));
        agent = new SmtpDeliveryAgent(config, mxRoutes, dns.resolver(), Clock.systemUTC(), new Random(1));

        DeliveryResult result = send(rcpts("bob@example.org")).getFirst();

        assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(result.reply()).startsWith("host up.example.org[127.0.0.1]");
        assertThat(agent.destination(Recipient.of("bob@example.org"))).isEqualTo("smtp:example.org:" + server.port());
    }

    @Test
    void deliver_nullMxDomain_failsWith556() {
        dns.mx("nomail.example", 0, ".");
        agent = new SmtpDeliveryAgent(SmtpEgressConfig.defaults("gw.test"), RouteResolver.mx(), dns.resolver(), Clock.systemUTC());

        DeliveryResult result = send(rcpts("x@nomail.example")).getFirst();

        assertThat(result).isInstanceOf(DeliveryResult.Failed.class);
        assertThat(result.reply()).startsWith("556 5.1.10");
    }

    @Test
    void deliver_recipientsOnTwoRoutes_resultsKeepCallerOrder() throws IOException {
        try (ScriptedSmtpServer other = new ScriptedSmtpServer()) {
            other.rcptReply = a -> "550 5.1.1 nobody here";
            RouteTable table = RouteTable.parse(List.of(
                    "a.test -> [127.0.0.1]:" + server.port(), "b.test -> [127.0.0.1]:" + other.port()), TlsPolicy.NONE);
            SmtpEgressConfig config = new SmtpEgressConfig(
                    ClientSettings.withDefaultTrust("gw.test", Timeouts.uniform(Duration.ofSeconds(2))), 4, Duration.ofSeconds(30), Duration.ofMinutes(5));
            agent = new SmtpDeliveryAgent(config, new RouteResolver(table, TlsPolicy.NONE, 25), dns.resolver(), Clock.systemUTC());

            List<DeliveryResult> results = send(rcpts("x@b.test", "y@a.test", "z@b.test"));

            assertThat(results).extracting(r -> r.getClass().getSimpleName()).containsExactly("Failed", "Delivered", "Failed");
        }
    }
}
