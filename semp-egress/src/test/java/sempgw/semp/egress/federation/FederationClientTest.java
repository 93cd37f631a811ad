package sempgw.semp.egress.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sempgw.core.SempReason;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;
import sempgw.core.handshake.Capabilities;
import sempgw.core.handshake.ChallengePolicy;
import sempgw.core.handshake.DomainKeyLookup;
import sempgw.core.handshake.DomainProofVerifier;
import sempgw.core.handshake.LocalDomain;
import sempgw.core.handshake.PowDemand;
import sempgw.core.keys.DomainSigningPublicKey;
import sempgw.core.keys.KeyId;
import sempgw.semp.egress.discovery.DiscoveryResult;
import sempgw.semp.egress.discovery.SessionTtl;
import sempgw.semp.egress.peers.PeerFixtures;
import sempgw.semp.egress.peers.PeerKeys;
import sempgw.semp.egress.testing.MutableClock;

/** Session logic over an in-memory transport to semp-core's Responder: handshake, reuse, rekey, expiry, fallback, failures. */
final class FederationClientTest {

    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
    private static final String WS_URL = "wss://semp.b.example/v1/federate";
    private static final String H2_URL = "https://semp.b.example/v1/federate";

    private final MutableClock clock = new MutableClock(T0);
    private final RecordingKeys keys = new RecordingKeys();
    private final PeerFixtures.FixedDiscovery discovery = new PeerFixtures.FixedDiscovery(semp(List.of("pq-kyber768-x25519",
            "x25519-chacha20-poly1305"), true));
    private FederationClient client;

    /** The peer's published key, recording invalidations. */
    private static final class RecordingKeys implements PeerKeys {
        final List<String> invalidated = new ArrayList<>();
        private final DomainKeyLookup lookup = DomainKeyLookup.of(FakePeer.DOMAIN, FakePeer.PEER_KEY.publicKey());

        @Override
        public Optional<DomainSigningPublicKey> find(String domain, Optional<KeyId> keyId) {
            return lookup.find(domain, keyId);
        }

        @Override
        public synchronized void invalidate(String domain) {
            invalidated.add(domain);
        }
    }

    private static DiscoveryResult.Semp semp(List<String> suites, boolean ws) {
        return PeerFixtures.semp(FakePeer.DOMAIN, ws ? Map.of("h2", H2_URL, "ws", WS_URL) : Map.of("h2", H2_URL),
                "https://semp.b.example/.well-known/semp/domain-keys", suites, Duration.ofHours(1));
    }

    private FederationSettings settings() {
        return FederationSettings.defaults(new LocalDomain(FakePeer.LOCAL, "srv-a", FakePeer.OUR_KEY));
    }

    private FederationClient client(FederationSettings settings, FederationTransport... transports) {
        client = new FederationClient(settings, discovery, keys, List.of(transports), RandomSource.secure());
        return client;
    }

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "pq-kyber768-x25519;x25519-chacha20-poly1305, pq-kyber768-x25519;x25519-chacha20-poly1305, pq-kyber768-x25519",
        "pq-kyber768-x25519;x25519-chacha20-poly1305, x25519-chacha20-poly1305, x25519-chacha20-poly1305",
        "x25519-chacha20-poly1305, pq-kyber768-x25519;x25519-chacha20-poly1305, x25519-chacha20-poly1305"})
    void channel_firstCall_handshakesWithTheStrongestCommonSuite(String ours, String theirs, String expected) throws Exception {
        discovery.answer(semp(List.of(theirs.split(";")), true));
        FakePeer peer = FakePeer.standard(clock::instant);
        InMemoryTransport ws = new InMemoryTransport("ws", peer);
        List<SuiteId> suites = java.util.Arrays.stream(ours.split(";")).map(s -> SuiteId.parse(s).orElseThrow()).toList();
        FederationChannel channel = client(settings().withSuites(suites), ws).channel(FakePeer.DOMAIN, clock.instant());

        assertThat(peer.handshakes).hasValue(1);
        assertThat(((PeerChannel) channel).session().suite().wireName()).isEqualTo(expected);
        assertThat(channel.peerDomain()).isEqualTo(FakePeer.DOMAIN);
        assertThat(channel.sessionId()).isEqualTo(ws.connections.getFirst().conversation().session().orElseThrow().id());
        assertThat(channel.envMacKey().equalsSecret(ws.connections.getFirst().conversation().session().orElseThrow().keys().envMac())).isTrue();
        assertThat(channel.maxEnvelopeSize()).isEqualTo(26_214_400L);
        assertThat(channel.exchange("{\"type\":\"TEST\"}".getBytes(), Duration.ofSeconds(5))).isPresent();
    }

    @Test
    void channel_concurrentCallers_shareOneHandshakeAndOneSession() throws Exception {
        FakePeer peer = FakePeer.standard(clock::instant);
        InMemoryTransport ws = new InMemoryTransport("ws", peer);
        client(settings(), ws);
        Set<String> ids = ConcurrentHashMap.newKeySet();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                done.add(pool.submit(() -> {
                    FederationChannel c = client.channel(FakePeer.DOMAIN, clock.instant());
                    ids.add(c.sessionId());
                    assertThat(c.exchange("{\"type\":\"TEST\"}".getBytes(), Duration.ofSeconds(5))).isPresent();
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        assertThat(peer.handshakes).hasValue(1);
        assertThat(ws.connects).hasValue(1);
        assertThat(ids).hasSize(1);
        assertThat(peer.messages).hasValue(16);
    }

    @Test
    void exchange_concurrentCallersOfOneSession_overlapOutsideTheDomainLock() throws Exception {
        FakePeer peer = FakePeer.standard(clock::instant);
        InMemoryTransport ws = new InMemoryTransport("ws", peer);
        ws.envelopeHold = new java.util.concurrent.CountDownLatch(1);
        client(settings(), ws);
        List<Future<Optional<byte[]>>> replies = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                replies.add(pool.submit(() -> client.channel(FakePeer.DOMAIN, clock.instant())
                        .exchange("{\"type\":\"TEST\"}".getBytes(), Duration.ofSeconds(10))));
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> ws.envelopesInFlight.get() == 8);
            ws.envelopeHold.countDown();
            for (Future<Optional<byte[]>> r : replies) {
                assertThat(r.get()).isPresent();
            }
        }
        assertThat(ws.maxEnvelopesInFlight).hasValue(8);
        assertThat(peer.handshakes).hasValue(1);
        assertThat(peer.messages).hasValue(8);
    }

    @Test
    void channel_rekeyDue_rekeysInPlaceWithoutANewHandshake() throws Exception {
        FakePeer peer = FakePeer.standard(clock::instant);
        client(settings(), new InMemoryTransport("ws", peer));
        FederationChannel first = client.channel(FakePeer.DOMAIN, clock.instant());
        String before = first.sessionId();
        clock.advance(Duration.ofMinutes(47));
        assertThat(client.channel(FakePeer.DOMAIN, clock.instant()).sessionId()).isEqualTo(before);
        clock.advance(Duration.ofMinutes(2));

        FederationChannel after = client.channel(FakePeer.DOMAIN, clock.instant());
        assertThat(after).isSameAs(first);
        assertThat(after.sessionId()).isNotEqualTo(before);
        assertThat(peer.rekeys).hasValue(1);
        assertThat(peer.handshakes).hasValue(1);
        assertThat(after.exchange("{\"type\":\"TEST\"}".getBytes(), Duration.ofSeconds(5)).map(String::new))
                .hasValueSatisfying(r -> assertThat(r).contains(after.sessionId()));
    }

    @Test
    void channel_peerRefusesTheRekey_sessionKeptUntilExpiryWithoutRetrying() throws Exception {
        FakePeer peer = FakePeer.standard(clock::instant);
        peer.rekeySkew = Duration.ofHours(2);
        client(settings(), new InMemoryTransport("ws", peer));
        String id = client.channel(FakePeer.DOMAIN, clock.instant()).sessionId();
        clock.advance(Duration.ofMinutes(49));
        assertThat(client.channel(FakePeer.DOMAIN, clock.instant()).sessionId()).isEqualTo(id);
        clock.advance(Duration.ofMinutes(5));
        assertThat(client.channel(FakePeer.DOMAIN, clock.instant()).sessionId()).isEqualTo(id);
        assertThat(peer.rekeyAttempts).hasValue(1);
        assertThat(peer.rekeys).hasValue(0);
        clock.advance(Duration.ofMinutes(7));
        assertThat(client.channel(FakePeer.DOMAIN, clock.instant()).sessionId()).isNotEqualTo(id);
        assertThat(peer.handshakes).hasValue(2);
    }

    @Test
    void channel_sessionExpired_newHandshake() throws Exception {
        FakePeer peer = new FakePeer(clock::instant, Capabilities.of(SuiteId.X25519_CHACHA20_POLY1305), ChallengePolicy.never(),
                DomainProofVerifier.signedWithHttpsPublishedKey(), Duration.ofMinutes(2));
        discovery.answer(semp(List.of("x25519-chacha20-poly1305"), true));
        InMemoryTransport ws = new InMemoryTransport("ws", peer);
        client(settings(), ws);
        String first = client.channel(FakePeer.DOMAIN, clock.instant()).sessionId();
        clock.advance(Duration.ofMinutes(3));
        String second = client.channel(FakePeer.DOMAIN, clock.instant()).sessionId();
        assertThat(second).isNotEqualTo(first);
        assertThat(peer.handshakes).hasValue(2);
        assertThat(ws.connections.getFirst().isOpen()).isFalse();
    }

    @Test
    void channel_peerPublishesAShorterMaxTtl_sessionEndsThereNotAtTheGrantedTtl() throws Exception {
        FakePeer peer = new FakePeer(clock::instant, Capabilities.of(SuiteId.X25519_CHACHA20_POLY1305), ChallengePolicy.never(),
                DomainProofVerifier.signedWithHttpsPublishedKey(), Duration.ofHours(1));
        DiscoveryResult.Semp base = semp(List.of("x25519-chacha20-poly1305"), true);
        discovery.answer(new DiscoveryResult.Semp(base.configuration(), base.targets(), base.configurationHost(), base.capability(),
                new SessionTtl(Duration.ofSeconds(300), Duration.ofSeconds(30), Duration.ofMinutes(10)), base.discrepancies()));
        client(settings(), new InMemoryTransport("ws", peer));
        client.channel(FakePeer.DOMAIN, clock.instant());

        clock.advance(Duration.ofMinutes(5));
        client.channel(FakePeer.DOMAIN, clock.instant());
        assertThat(peer.handshakes).hasValue(1);
        clock.advance(Duration.ofMinutes(6));
        client.channel(FakePeer.DOMAIN, clock.instant());
        assertThat(peer.handshakes).as("a new session after max-ttl=600 (HANDSHAKE.md §3.1), not after the granted hour").hasValue(2);
    }

    @Test
    void invalidate_dropsSessionDiscoveryAndKeys_nextCallHandshakesAgain() throws Exception {
        FakePeer peer = FakePeer.standard(clock::instant);
        InMemoryTransport ws = new InMemoryTransport("ws", peer);
        client(settings(), ws);
        FederationChannel old = client.channel(FakePeer.DOMAIN, clock.instant());
        client.invalidate("B.Example.");

        assertThat(discovery.invalidated()).containsExactly(FakePeer.DOMAIN);
        assertThat(keys.invalidated).containsExactly(FakePeer.DOMAIN);
        assertThatThrownBy(() -> old.exchange("{}".getBytes(), Duration.ofSeconds(1))).isInstanceOf(DeliveryException.class);
        assertThat(client.channel(FakePeer.DOMAIN, clock.instant()).sessionId()).isNotEqualTo(old.sessionId());
        assertThat(peer.handshakes).hasValue(2);
    }

    @Test
    void channel_connectionBroken_nextCallHandshakesAgain() throws Exception {
        FakePeer peer = FakePeer.standard(clock::instant);
        InMemoryTransport ws = new InMemoryTransport("ws", peer);
        client(settings(), ws);
        FederationChannel old = client.channel(FakePeer.DOMAIN, clock.instant());
        ws.connections.getFirst().breakIt();
        assertThatThrownBy(() -> old.exchange("{}".getBytes(), Duration.ofSeconds(1))).isInstanceOf(DeliveryException.class);
        assertThat(client.channel(FakePeer.DOMAIN, clock.instant())).isNotSameAs(old);
        assertThat(ws.connects).hasValue(2);
    }

    @Test
    void channel_powChallenge_solvedAndEstablished() throws Exception {
        FakePeer peer = new FakePeer(clock::instant, Capabilities.of(SuiteId.PQ_KYBER768_X25519, SuiteId.X25519_CHACHA20_POLY1305),
                ChallengePolicy.always(PowDemand.of(8)), DomainProofVerifier.signedWithHttpsPublishedKey(), Duration.ofHours(1));
        client(settings(), new InMemoryTransport("ws", peer));
        assertThat(client.channel(FakePeer.DOMAIN, clock.instant()).sessionId()).isNotEmpty();
        assertThat(peer.challenges).hasValue(1);
        assertThat(peer.handshakes).hasValue(1);
    }

    @Test
    void channel_wsConnectFails_fallsBackToH2AtItsAdvertisedUrl() throws Exception {
        FakePeer peer = FakePeer.standard(clock::instant);
        InMemoryTransport ws = new InMemoryTransport("ws", peer);
        InMemoryTransport h2 = new InMemoryTransport("h2", peer);
        ws.refuseConnect.set(true);
        PeerChannel c = (PeerChannel) client(settings(), h2, ws).channel(FakePeer.DOMAIN, clock.instant());
        assertThat(c.transport()).isEqualTo("h2");
        assertThat(ws.endpoints).extracting(Object::toString).containsExactly(WS_URL);
        assertThat(h2.endpoints).extracting(Object::toString).containsExactly(H2_URL);
    }

    @Test
    void channel_h2Preferred_orWsNotAdvertised_usesH2() throws Exception {
        FakePeer peer = FakePeer.standard(clock::instant);
        InMemoryTransport ws = new InMemoryTransport("ws", peer);
        InMemoryTransport h2 = new InMemoryTransport("h2", peer);
        assertThat(((PeerChannel) client(settings().withPreferWebSocket(false), ws, h2).channel(FakePeer.DOMAIN, clock.instant())).transport())
                .isEqualTo("h2");
        client.close();
        discovery.answer(semp(List.of("x25519-chacha20-poly1305"), false));
        assertThat(((PeerChannel) client(settings(), ws, h2).channel(FakePeer.DOMAIN, clock.instant())).transport()).isEqualTo("h2");
        assertThat(ws.connects).hasValue(0);
    }

    @Test
    void channel_allTransportsFail_deliveryException() {
        FakePeer peer = FakePeer.standard(clock::instant);
        InMemoryTransport ws = new InMemoryTransport("ws", peer);
        InMemoryTransport h2 = new InMemoryTransport("h2", peer);
        ws.refuseConnect.set(true);
        h2.refuseConnect.set(true);
        assertThatThrownBy(() -> client(settings(), ws, h2).channel(FakePeer.DOMAIN, clock.instant()))
                .isInstanceOf(DeliveryException.class).hasMessageContaining("no transport");
    }

    @Test
    void channel_afterAFailedSetup_failsFastForTheHoldEvenAcrossInvalidate() throws Exception {
        InMemoryTransport ws = new InMemoryTransport("ws", FakePeer.standard(clock::instant));
        ws.refuseConnect.set(true);
        client(settings(), ws);
        assertThatThrownBy(() -> client.channel(FakePeer.DOMAIN, clock.instant())).isInstanceOf(DeliveryException.class);
        ws.refuseConnect.set(false);
        client.invalidate(FakePeer.DOMAIN);
        clock.advance(Duration.ofSeconds(29));
        assertThatThrownBy(() -> client.channel(FakePeer.DOMAIN, clock.instant())).isInstanceOf(DeliveryException.class)
                .hasMessageContaining("failed recently");
        assertThat(ws.endpoints).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(client.channel(FakePeer.DOMAIN, clock.instant()).sessionId()).isNotEmpty();
        assertThat(ws.connects).hasValue(1);
    }

    @Test
    void channel_peerRefusesOurDomainProof_deliveryExceptionWithAuthFailed() {
        FakePeer peer = new FakePeer(clock::instant, Capabilities.of(SuiteId.X25519_CHACHA20_POLY1305), ChallengePolicy.never(),
                (d, p, k) -> new DomainProofVerifier.Failed("no _semp-verify record"), Duration.ofHours(1));
        discovery.answer(semp(List.of("x25519-chacha20-poly1305"), true));
        InMemoryTransport ws = new InMemoryTransport("ws", peer);
        assertThatThrownBy(() -> client(settings(), ws).channel(FakePeer.DOMAIN, clock.instant()))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.reason()).contains(SempReason.AUTH_FAILED);
                    assertThat(e.terminal()).as("the peer's auth_failed is not retried (ERRORS.md §2)").isTrue();
                });
        assertThat(ws.connections.getFirst().isOpen()).isFalse();
    }

    @Test
    void channel_silentPeer_deliveryExceptionNotAHang() {
        InMemoryTransport ws = new InMemoryTransport("ws", FakePeer.standard(clock::instant));
        ws.silent.set(true);
        assertThatThrownBy(() -> client(settings(), ws).channel(FakePeer.DOMAIN, clock.instant()))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.reason()).contains(SempReason.HANDSHAKE_EXPIRED));
    }

    @Test
    void channel_noCommonSuite_orNotSemp_deliveryExceptionWithoutConnecting() {
        InMemoryTransport ws = new InMemoryTransport("ws", FakePeer.standard(clock::instant));
        discovery.answer(semp(List.of("future-suite"), true));
        assertThatThrownBy(() -> client(settings().withFailureHold(Duration.ZERO), ws).channel(FakePeer.DOMAIN, clock.instant()))
                .isInstanceOf(DeliveryException.class).hasMessageContaining("no suite");
        discovery.answer(new DiscoveryResult.Legacy("mx only"));
        assertThatThrownBy(() -> client.channel(FakePeer.DOMAIN, clock.instant())).isInstanceOf(DeliveryException.class);
        discovery.answer(new DiscoveryResult.Temporary(DiscoveryResult.Cause.DNS_TIMEOUT, "timeout"));
        assertThatThrownBy(() -> client.channel(FakePeer.DOMAIN, clock.instant())).isInstanceOf(DeliveryException.class);
        assertThat(ws.connects).hasValue(0);
    }

    @Test
    void close_dropsEverySessionAndErasesKeys() throws Exception {
        InMemoryTransport ws = new InMemoryTransport("ws", FakePeer.standard(clock::instant));
        PeerChannel c = (PeerChannel) client(settings(), ws).channel(FakePeer.DOMAIN, clock.instant());
        client.close();
        assertThat(ws.connections.getFirst().isOpen()).isFalse();
        assertThatThrownBy(c::envMacKey).isInstanceOf(IllegalStateException.class);
    }
}
