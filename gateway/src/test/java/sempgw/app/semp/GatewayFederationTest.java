package sempgw.app.semp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.compose.ComposedEnvelope;
import sempgw.core.envelope.open.OpenedEnvelope;
import sempgw.semp.ingress.inbox.QueueInbox;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.QueueId;

/** Issue 4, test 1: two real gateways federate in both directions, per suite and transport, discovering each other through DNS. */
final class GatewayFederationTest {
    private static final Duration DELIVERY = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    /** Each suite over each transport: the suite list makes the handshake pick it, the transport list makes the sender try it first. */
    @ParameterizedTest(name = "{0} over {1}")
    @CsvSource({"pq-kyber768-x25519, h2", "pq-kyber768-x25519, ws", "x25519-chacha20-poly1305, h2", "x25519-chacha20-poly1305, ws"})
    void federate_suiteOverTransport_bothDirectionsDeliveredOnceAndOpened(String suiteName, String transport) throws Exception {
        SuiteId suite = SuiteId.parse(suiteName).orElseThrow();
        TwoGateways.Options options = TwoGateways.Options.defaults()
                .withTransports(transport.equals("ws") ? new String[] {"ws", "h2"} : new String[] {"h2", "ws"});
        if (suite == SuiteId.X25519_CHACHA20_POLY1305) {
            options = options.withSuites(SuiteId.X25519_CHACHA20_POLY1305);
        }
        try (LogCapture log = new LogCapture(); TwoGateways gw = TwoGateways.start(dir, options)) {
            roundTrip(log, gw, suite, transport);
        }
    }

    /** The same, discovering each other through a real DNS server (Debian's dnsmasq) serving the records dns-records prints. */
    @Test
    void federate_discoveryThroughDnsmasq_bothDirectionsDeliveredOnceAndOpened() throws Exception {
        try (LogCapture log = new LogCapture(); TwoGateways gw = TwoGateways.startWithDnsmasq(dir, TwoGateways.Options.defaults())) {
            roundTrip(log, gw, SuiteId.PQ_KYBER768_X25519, "h2");
        }
    }

    /** A terminal handshake refusal ({@code blocked}, DELIVERY.md §5.2) ends the entry at once: no retry, logged at WARN, no DSN. */
    @Test
    void federate_peerBlocksUs_failedWithoutRetryAndLogged() throws Exception {
        TwoGateways.Options options = TwoGateways.Options.defaults().withSuites(SuiteId.X25519_CHACHA20_POLY1305)
                .withSemp(TwoGateways.B, "[semp.block]\ndomains = [\"" + TwoGateways.A + "\"]");
        try (LogCapture log = new LogCapture(); TwoGateways gw = TwoGateways.start(dir, options)) {
            TestMailbox alice = gw.a().provision("alice");
            TestMailbox bob = gw.b().provision("bob");
            ComposedEnvelope composed = alice.compose(bob, gw.b().domainKey(SuiteId.X25519_CHACHA20_POLY1305), SuiteId.X25519_CHACHA20_POLY1305,
                    "blocked", "never arrives", Instant.now());
            QueueId id = gw.a().node().outbox().submit(composed, alice.address());

            String failed = log.await(DELIVERY, "WARN", id + ": semp delivery to " + TwoGateways.B + " recipient #0 failed");
            assertThat(failed).contains("blocked").doesNotContain("bob@");
            // The failure notice is logged before the queue records the bounce: wait for the bounce line.
            log.await(DELIVERY, id + ": to=<bob@b.test>", "status=bounced");
            assertThat(log.matching(id + ": to=<bob@b.test>", "status=bounced")).hasSize(1);
            assertThat(log.matching("federation init blocked peer=" + TwoGateways.A)).isNotEmpty();
            assertThat(gw.a().node().outbox().pending()).isEmpty();
            assertThat(gw.b().node().inbox().entries()).isEmpty();
            assertThat(gw.b().node().inboundSessions()).isZero();
        }
    }

    private static void roundTrip(LogCapture log, TwoGateways gw, SuiteId suite, String transport) throws Exception {
        TestMailbox alice = gw.a().provision("alice");
        TestMailbox bob = gw.b().provision("bob");
        send(log, gw.a(), alice, gw.b(), bob, suite, transport, "hello bob");
        send(log, gw.b(), bob, gw.a(), alice, suite, transport, "hello alice");
        // Exactly once: no duplicate shows up after the sender has logged the delivery and emptied its queue.
        Thread.sleep(300);
        assertThat(gw.a().node().inbox().entries()).hasSize(1);
        assertThat(gw.b().node().inbox().entries()).hasSize(1);
    }

    private static void send(LogCapture log, TestGateway from, TestMailbox sender, TestGateway to, TestMailbox recipient, SuiteId suite,
            String transport, String text) throws Exception {
        int before = to.node().inbox().entries().size();
        assertThat(before).isZero();
        ComposedEnvelope composed = sender.compose(recipient, to.domainKey(suite), suite, "subject " + text, text, Instant.now());
        QueueId id = from.node().outbox().submit(composed, sender.address());

        String sent = log.await(DELIVERY, id + ": to=<" + recipient.address() + ">", "status=sent");
        assertThat(sent).contains("relay=" + to.domain(), "semp; delivered, receipt ");
        assertThat(log.matching(id + ": semp peer=" + to.domain(), "outcome=delivered", "receipt_key=")).hasSize(1);
        String postmarkId = composed.envelope().postmark().id();
        assertThat(log.matching("envelope " + postmarkId + " from " + from.domain() + ": delivered to 1 local recipient(s)")).hasSize(1);
        // The receiver remembers the stored envelope across restarts: one line after the header.
        assertThat(java.nio.file.Files.readAllLines(to.config().dataDir().resolve("semp-delivered")))
                .hasSize(2).last().asString().matches("[0-9]{1,12} [0-9a-f]{32}");
        assertThat(log.matching("federation session established peer=" + from.domain(), "suite=" + suite.wireName(), "transport=" + transport))
                .isNotEmpty();
        assertThat(from.node().outbox().pending()).isEmpty();

        List<QueueEntry> inbox = to.awaitInbox(1);
        assertThat(inbox).hasSize(1);
        QueueEntry stored = inbox.getFirst();
        assertThat(stored.sender().reversePath()).isEqualTo(sender.address());
        assertThat(stored.origin().protocol()).isEqualTo(QueueInbox.PROTOCOL);
        assertThat(stored.origin().heloName()).isEqualTo(from.domain());
        assertThat(stored.recipients()).extracting(r -> r.recipient().address()).containsExactly(recipient.address());

        OpenedEnvelope opened = recipient.open(to.node().inbox().read(stored.id()), sender);
        assertThat(opened.brief().from()).isEqualTo(sender.address());
        assertThat(opened.brief().to()).containsExactly(recipient.address());
        assertThat(opened.enclosure().subject()).contains("subject " + text);
        assertThat(opened.enclosure().body()).containsEntry("text/plain", text);
        assertThat(opened.senderKey()).isEqualTo(sender.identity().publicKey());
    }
}
