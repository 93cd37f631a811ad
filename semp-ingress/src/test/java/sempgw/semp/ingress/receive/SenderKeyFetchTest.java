package sempgw.semp.ingress.receive;

import static org.assertj.core.api.Assertions.assertThat;
import static sempgw.semp.ingress.receive.ReceiveFixture.BOB;
import static sempgw.semp.ingress.receive.ReceiveFixture.ENV_MAC;
import static sempgw.semp.ingress.receive.ReceiveFixture.LOCAL;
import static sempgw.semp.ingress.receive.ReceiveFixture.NOW;
import static sempgw.semp.ingress.receive.ReceiveFixture.OUR_SIGNING;
import static sempgw.semp.ingress.receive.ReceiveFixture.PEER;
import static sempgw.semp.ingress.receive.ReceiveFixture.PEER_SIGNING;
import static sempgw.semp.ingress.receive.ReceiveFixture.SESSION;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import sempgw.core.SempReason;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;
import sempgw.core.delivery.Acknowledgment;
import sempgw.core.envelope.seal.PolicyDecision;
import sempgw.core.envelope.seal.SessionState;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.JsonObject;
import sempgw.core.keys.DomainEncryptionPublicKey;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.semp.egress.discovery.DiscoveryResult;
import sempgw.semp.egress.discovery.SempConfiguration;
import sempgw.semp.egress.discovery.ServerTarget;
import sempgw.semp.egress.discovery.SessionTtl;
import sempgw.semp.egress.discovery.TransportEndpoints;
import sempgw.semp.egress.peers.HttpsDomainKeys;
import sempgw.semp.egress.peers.PeerDiscovery;
import sempgw.semp.egress.testing.LoopbackHttps;
import sempgw.semp.egress.testing.MutableClock;
import sempgw.semp.egress.testing.TestHttpsServer;

/**
 * The receive pipeline over the gateway's own sender-key lookup ({@link HttpsDomainKeys}, as
 * {@code SempInbound} wires it) and a real HTTPS server publishing a.example's
 * {@code SEMP_DOMAIN_KEYS} (KEY.md §2.3): a key that cannot be fetched now is the recoverable
 * {@code server_unavailable} (ERRORS.md §3, KEY.md §6.4), never the terminal {@code seal_invalid};
 * a {@code seal.key_id} we do not hold is fetched again once, at most once per
 * {@link HttpsDomainKeys#REFRESH_INTERVAL} per domain, before {@code seal_invalid} (KEY.md §7).
 */
final class SenderKeyFetchTest {
    private static final String PATH = "/.well-known/semp/domain-keys";
    private static final Duration TTL = Duration.ofHours(1);
    private static final DomainSigningPrivateKey ROTATED = DomainSigningPrivateKey.generate(RandomSource.secure());
    private static final DomainSigningPrivateKey FORGER = DomainSigningPrivateKey.generate(RandomSource.secure());

    @RegisterExtension
    static final LoopbackHttps HTTPS = new LoopbackHttps();

    private final AtomicReference<DomainSigningPrivateKey> published = new AtomicReference<>(PEER_SIGNING);
    private final AtomicReference<DiscoveryResult> discovered = new AtomicReference<>();
    private final ReceiveFixture.RecordingInbox inbox = new ReceiveFixture.RecordingInbox();
    private MutableClock clock;
    private HttpsDomainKeys keys;
    private ReceivePipeline pipeline;

    @BeforeEach
    void setUp() throws Exception {
        serving();
        discovered.set(semp());
        clock = new MutableClock(NOW);
        PeerDiscovery discovery = new PeerDiscovery() {
            @Override
            public DiscoveryResult discover(String domain) {
                return discovered.get();
            }

            @Override
            public void invalidate(String domain) {
            }
        };
        keys = new HttpsDomainKeys(discovery, HTTPS.tls().trustingContext(), clock, Duration.ofSeconds(2), Duration.ofSeconds(2), 4096);
        pipeline = new ReceivePipeline(ReceiveConfig.defaults(Set.of(LOCAL)),
                new ServerKeys(keys, d -> d.equals(LOCAL) ? List.of(ReceiveFixture.domainKey(LOCAL, SuiteId.X25519_CHACHA20_POLY1305)) : List.of(),
                        OUR_SIGNING),
                id -> id.equals(SESSION) ? SessionState.Active.of(ENV_MAC) : new SessionState.Unknown(), (p, b) -> PolicyDecision.deliver(),
                new LocalUsers(BOB::equals, new InMemoryUserBlockList(), new InMemoryKnownCorrespondents()), inbox, RandomSource.secure());
    }

    @AfterEach
    void tearDown() {
        keys.close();
    }

    @Test
    void receive_keyServerAnswers503_isRecoverableServerUnavailable_andTheRetryIsDelivered() throws Exception {
        HTTPS.server().respond(503, "");
        byte[] wire = sealedBy(PEER_SIGNING);

        Acknowledgment.Rejected r = ReceiveFixture.rejected(receive(wire));

        assertThat(r.reason()).isEqualTo(SempReason.SERVER_UNAVAILABLE);
        assertThat(r.reason().recoverable()).isTrue();
        assertThat(r.envelopeId()).isNotEmpty();
        assertThat(r.text()).doesNotContain("503").doesNotContain("localhost");
        assertThat(inbox.stored).isEmpty();

        serving();
        clock.advance(HttpsDomainKeys.FAILURE_TTL);
        assertThat(ReceiveFixture.ack(receive(wire))).isInstanceOf(Acknowledgment.Delivered.class);
        assertThat(inbox.stored).hasSize(1);
    }

    @Test
    void receive_senderDiscoveryTimesOut_isRecoverableServerUnavailable() throws Exception {
        discovered.set(new DiscoveryResult.Temporary(DiscoveryResult.Cause.DNS_TIMEOUT, "no answer from the resolver"));
        assertThat(ReceiveFixture.reason(receive(sealedBy(PEER_SIGNING)))).isEqualTo(SempReason.SERVER_UNAVAILABLE);
    }

    @Test
    void receive_keyServerUnreachable_isRecoverableServerUnavailable() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        discovered.set(semp(closed));
        assertThat(ReceiveFixture.reason(receive(sealedBy(PEER_SIGNING)))).isEqualTo(SempReason.SERVER_UNAVAILABLE);
    }

    @Test
    void receive_senderDomainIsNotSemp_isSealInvalid() throws Exception {
        discovered.set(new DiscoveryResult.Legacy("mx only"));
        assertThat(ReceiveFixture.reason(receive(sealedBy(PEER_SIGNING)))).isEqualTo(SempReason.SEAL_INVALID);
    }

    @Test
    void receive_keyIdTheDomainDoesNotPublishAfterOneRefetch_isSealInvalid() throws Exception {
        delivered(receive(sealedBy(PEER_SIGNING)));
        clock.advance(HttpsDomainKeys.REFRESH_INTERVAL);
        int before = fetches();

        Acknowledgment.Rejected r = ReceiveFixture.rejected(receive(sealedBy(FORGER)));

        assertThat(r.reason()).isEqualTo(SempReason.SEAL_INVALID);
        assertThat(fetches() - before).isEqualTo(1);
        assertThat(inbox.stored).hasSize(1);
    }

    @Test
    void receive_firstEnvelopeOfADomainNamingAKeyItDoesNotPublish_isSealInvalidAfterTheOneFetch() throws Exception {
        int before = fetches();
        assertThat(ReceiveFixture.reason(receive(sealedBy(FORGER)))).isEqualTo(SempReason.SEAL_INVALID);
        assertThat(fetches() - before).isEqualTo(1);
    }

    @Test
    void receive_peerRotatedItsKey_firstEnvelopeUnderTheNewKeyIsDeliveredAfterOneRefetch() throws Exception {
        delivered(receive(sealedBy(PEER_SIGNING)));
        published.set(ROTATED);
        clock.advance(Duration.ofMinutes(5));
        assertThat(keys.cached(PEER)).isPresent();
        int before = fetches();

        delivered(receive(sealedBy(ROTATED)));
        delivered(receive(sealedBy(ROTATED)));

        assertThat(fetches() - before).isEqualTo(1);
        assertThat(inbox.stored).hasSize(3);
    }

    @Test
    void receive_peerRotatedRightAfterOurFetch_isServerUnavailableUntilTheRefetchIsDue_neverSealInvalid() throws Exception {
        delivered(receive(sealedBy(PEER_SIGNING)));
        published.set(ROTATED);
        clock.advance(Duration.ofSeconds(10));
        int before = fetches();
        byte[] wire = sealedBy(ROTATED);

        assertThat(ReceiveFixture.reason(receive(wire))).isEqualTo(SempReason.SERVER_UNAVAILABLE);
        assertThat(fetches() - before).isZero();

        clock.advance(HttpsDomainKeys.REFRESH_INTERVAL);
        delivered(receive(wire));
        assertThat(fetches() - before).isEqualTo(1);
    }

    @Test
    void receive_manyEnvelopesWithUnknownKeyIds_atMostOneFetchPerRefreshInterval() throws Exception {
        delivered(receive(sealedBy(PEER_SIGNING)));
        clock.advance(HttpsDomainKeys.REFRESH_INTERVAL);
        int before = fetches();
        int sealInvalid = 0;

        for (int i = 0; i < 20; i++) {
            SempReason reason = ReceiveFixture.reason(receive(sealedBy(DomainSigningPrivateKey.generate(RandomSource.secure()))));
            assertThat(reason).isIn(SempReason.SEAL_INVALID, SempReason.SERVER_UNAVAILABLE);
            sealInvalid += reason == SempReason.SEAL_INVALID ? 1 : 0;
            clock.advance(Duration.ofSeconds(2));
        }
        assertThat(fetches() - before).isEqualTo(1);
        assertThat(sealInvalid).isEqualTo(1);

        clock.advance(HttpsDomainKeys.REFRESH_INTERVAL);
        for (int i = 0; i < 5; i++) {
            receive(sealedBy(FORGER));
        }
        assertThat(fetches() - before).isEqualTo(2);
        delivered(receive(sealedBy(PEER_SIGNING)));
        assertThat(fetches() - before).isEqualTo(2);
    }

    @Test
    void receive_refetchFailsTemporarily_unknownKeyIsServerUnavailable_heldKeyStillVerifies() throws Exception {
        delivered(receive(sealedBy(PEER_SIGNING)));
        clock.advance(HttpsDomainKeys.REFRESH_INTERVAL);
        HTTPS.server().respond(503, "");
        int before = fetches();

        assertThat(ReceiveFixture.reason(receive(sealedBy(ROTATED)))).isEqualTo(SempReason.SERVER_UNAVAILABLE);
        assertThat(ReceiveFixture.reason(receive(sealedBy(ROTATED)))).isEqualTo(SempReason.SERVER_UNAVAILABLE);
        delivered(receive(sealedBy(PEER_SIGNING)));
        assertThat(fetches() - before).isEqualTo(1);
    }

    private ReceiveOutcome receive(byte[] wire) {
        return pipeline.receive(wire, new PeerSessionRef(PEER, SESSION), clock.instant());
    }

    private void delivered(ReceiveOutcome outcome) throws Exception {
        assertThat(ReceiveFixture.ack(outcome)).isInstanceOf(Acknowledgment.Delivered.class);
    }

    private byte[] sealedBy(DomainSigningPrivateKey key) throws Exception {
        return ReceiveFixture.seal(ReceiveFixture.compose(SuiteId.X25519_CHACHA20_POLY1305, ReceiveFixture.ALICE, "Hello", clock.instant(), BOB),
                key, SESSION, ENV_MAC);
    }

    private int fetches() {
        return (int) HTTPS.server().paths().stream().filter(PATH::equals).count();
    }

    /** a.example's key server publishes {@link #published}. */
    private void serving() {
        HTTPS.server().respond(e -> TestHttpsServer.send(e, 200, document(published.get()).getBytes(StandardCharsets.UTF_8)));
    }

    private static String document(DomainSigningPrivateKey signing) {
        DomainEncryptionPublicKey encryption = ReceiveFixture.domainKey(PEER, SuiteId.X25519_CHACHA20_POLY1305).publicKey();
        JsonObject doc = JsonObject.builder()
                .put("type", "SEMP_DOMAIN_KEYS")
                .put("version", "1.0.0")
                .put("domain", PEER)
                .put("signing_key", JsonObject.builder().put("algorithm", "ed25519").put("public_key", signing.publicKey().toBase64())
                        .put("key_id", signing.keyId().hex()).build())
                .put("encryption_key", JsonObject.builder().put("algorithm", encryption.suite().wireName())
                        .put("public_key", encryption.toBase64()).put("key_id", encryption.keyId().hex()).build())
                .build();
        return new String(CanonicalJson.encode(doc), StandardCharsets.UTF_8);
    }

    private static DiscoveryResult.Semp semp() {
        return semp(HTTPS.server().port());
    }

    /** a.example's discovery answer, its {@code domain_keys} endpoint on loopback {@code port}. */
    private static DiscoveryResult.Semp semp(int port) {
        URI base = URI.create("https://localhost:" + port + "/");
        SempConfiguration config = new SempConfiguration("1.0.0", PEER, 1, TTL, new TransportEndpoints(Map.of("h2", base.resolve("v1/h2"))),
                new TransportEndpoints(Map.of("h2", base.resolve("v1/federate"))), base.resolve("register"), base.resolve("keys/"),
                base.resolve(PATH.substring(1)), Map.of(), List.of("x25519-chacha20-poly1305"), 26_214_400L, List.of());
        ServerTarget host = new ServerTarget("localhost", port, 0, 0);
        return new DiscoveryResult.Semp(config, List.of(host), host, Optional.empty(), SessionTtl.DEFAULT, List.of());
    }
}
