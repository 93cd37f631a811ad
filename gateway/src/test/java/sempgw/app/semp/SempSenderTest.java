package sempgw.app.semp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sempgw.app.config.ConfigLoader;
import sempgw.app.config.SempConfig;
import sempgw.app.keys.DomainKeyStore;
import sempgw.app.keys.DomainKeys;
import sempgw.app.testing.InMemoryQueue;
import sempgw.core.crypto.RandomSource;
import sempgw.semp.egress.federation.FederationSettings;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.Envelope;
import sempgw.core.envelope.EnvelopeCodec;
import sempgw.core.envelope.Postmark;
import sempgw.core.envelope.Seal;
import sempgw.core.envelope.Ulid;
import sempgw.semp.egress.discovery.DiscoveryResult;
import sempgw.semp.egress.delivery.DeliveredReceipts;
import sempgw.semp.egress.peers.HttpsDomainKeys;
import sempgw.semp.egress.peers.PeerDiscovery;
import sempgw.semp.egress.testing.MutableClock;
import sempgw.store.queue.Origin;
import sempgw.store.queue.QueueId;
import sempgw.store.queue.Recipient;
import sempgw.store.queue.RecipientState;
import sempgw.store.queue.RecipientStatus;
import sempgw.store.queue.Sender;
import sempgw.store.queue.Submission;

final class SempSenderTest {
    private static final Instant T0 = Instant.parse("2026-11-26T01:00:00Z");

    @TempDir
    Path dir;

    /** Discovery that never gets an answer: every attempt is a transient failure. */
    static final class UnreachableDiscovery implements PeerDiscovery {
        final List<String> asked = new CopyOnWriteArrayList<>();

        @Override
        public DiscoveryResult discover(String domain) {
            asked.add(domain);
            return new DiscoveryResult.Temporary(DiscoveryResult.Cause.DNS_TIMEOUT, "no answer (test)");
        }

        @Override
        public void invalidate(String domain) {
        }
    }

    @Test
    void start_peerUnreachable_envelopeDeferredOnTheSempSchedule() throws Exception {
        SempConfig semp = ConfigLoader.parse("""
                [semp]
                domain = "sender.example"
                """).semp();
        MutableClock clock = new MutableClock(T0);
        InMemoryQueue queue = new InMemoryQueue(clock);
        UnreachableDiscovery discovery = new UnreachableDiscovery();
        try (DomainKeys keys = new DomainKeyStore(dir.resolve("k"), dir.resolve("s")).loadOrCreate("sender.example", Clock.systemUTC());
                HttpsDomainKeys peerKeys = new HttpsDomainKeys(discovery, SSLContext.getDefault(), clock);
                DeliveredReceipts receipts = DeliveredReceipts.open(dir.resolve("receipts"), clock);
                SempSender sender = SempSender.start(semp, keys, queue, discovery, peerKeys, SSLContext.getDefault(), receipts,
                        (entry, notices) -> { }, clock)) {
            QueueId id = submit(queue, composed());
            await().atMost(Duration.ofSeconds(10)).until(() -> status(queue, id).state() == RecipientState.DEFERRED);
            RecipientStatus deferred = status(queue, id);
            // DELIVERY.md §2.3: the first retry is 1 minute, jittered by ±25 %.
            assertThat(Duration.between(T0, deferred.nextAttempt())).isBetween(Duration.ofSeconds(45), Duration.ofSeconds(75));
            assertThat(deferred.attempts()).isEqualTo(1);
            assertThat(discovery.asked).contains("peer.example");
        }
    }

    @Test
    void prefersWebSocket_onlyWhenListedFirst() {
        assertThat(SempSender.prefersWebSocket(ConfigLoader.parse("[semp]\ntransports = [\"ws\", \"h2\"]\n").semp())).isTrue();
        assertThat(SempSender.prefersWebSocket(ConfigLoader.parse("[semp]\ntransports = [\"h2\", \"ws\"]\n").semp())).isFalse();
        assertThat(SempSender.prefersWebSocket(ConfigLoader.parse("[semp]\ntransports = [\"h2\"]\n").semp())).isFalse();
    }

    @Test
    void qmgrSettings_h2SessionCarriesSeveralDeliveries_webSocketOne_horizonAsLifetime_noDelayNotices() {
        var settings = SempSender.qmgrSettings(ConfigLoader.parse("[semp.queue]\nhorizon = \"2d\"\n").semp());
        assertThat(settings.concurrencyPerDestination()).isEqualTo(FederationSettings.DEFAULT_MAX_CONCURRENT_ENVELOPES);
        assertThat(SempSender.qmgrSettings(ConfigLoader.parse("[semp]\ntransports = [\"ws\", \"h2\"]\n").semp())
                .concurrencyPerDestination()).isEqualTo(1);
        assertThat(settings.maxLifetime()).isEqualTo(Duration.ofDays(2));
        assertThat(settings.delayWarningAfter()).isZero();
    }

    private static Envelope composed() {
        RandomSource random = RandomSource.secure();
        Postmark postmark = Postmark.of(Ulid.next(T0, random::nextBytes), "", "sender.example", "peer.example", T0.plus(Duration.ofDays(1)));
        Map<String, String> wraps = Map.of(HexFormat.of().formatHex(random.bytes(32)), Base64.getEncoder().encodeToString(random.bytes(80)));
        Seal seal = Seal.unsigned(SuiteId.X25519_CHACHA20_POLY1305, wraps, wraps);
        return new Envelope(Envelope.VERSION, postmark, seal, Base64.getEncoder().encodeToString(random.bytes(300)),
                Base64.getEncoder().encodeToString(random.bytes(900)), "");
    }

    private static QueueId submit(InMemoryQueue queue, Envelope envelope) throws IOException {
        try (Submission s = queue.begin(Sender.of("alice@sender.example"), Origin.local())) {
            s.addRecipient(Recipient.of("bob@peer.example"));
            s.content().write(EnvelopeCodec.encode(envelope));
            return s.commit();
        }
    }

    private static RecipientStatus status(InMemoryQueue queue, QueueId id) {
        return queue.latest(id).recipients().getFirst();
    }
}
