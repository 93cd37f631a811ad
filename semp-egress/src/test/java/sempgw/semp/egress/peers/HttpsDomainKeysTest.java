package sempgw.semp.egress.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.seal.SenderDomainKeys;
import sempgw.core.handshake.DomainKeyLookup;
import sempgw.core.keys.DomainEncryptionPrivateKey;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.core.keys.KeyId;
import sempgw.semp.egress.discovery.DiscoveryResult;
import sempgw.semp.egress.testing.LoopbackHttps;
import sempgw.semp.egress.testing.MutableClock;
import sempgw.semp.egress.testing.TestHttpsServer;
import sempgw.semp.egress.testing.TestTls;

/** Domain keys over a real HTTPS server (JDK HttpsServer, self-signed certificate) and a fixed discovery answer. */
final class HttpsDomainKeysTest {

    private static final String D = "b.example";
    private static final String PATH = "/.well-known/semp/domain-keys";
    private static final DomainSigningPrivateKey SIGNING = DomainSigningPrivateKey.generate(PeerFixtures.seeded(11));
    private static final DomainSigningPrivateKey ROTATED = DomainSigningPrivateKey.generate(PeerFixtures.seeded(12));
    private static final DomainEncryptionPrivateKey ENCRYPTION = DomainEncryptionPrivateKey.generate(SuiteId.X25519_CHACHA20_POLY1305,
            PeerFixtures.seeded(13));

    @RegisterExtension
    static final LoopbackHttps HTTPS = new LoopbackHttps();

    private final AtomicReference<DomainSigningPrivateKey> served = new AtomicReference<>(SIGNING);
    private MutableClock clock;
    private PeerFixtures.FixedDiscovery discovery;
    private HttpsDomainKeys keys;

    @BeforeEach
    void setUp() throws Exception {
        HTTPS.server().respond(e -> TestHttpsServer.send(e, 200, PeerFixtures.json(PeerFixtures.domainKeysDocument(D, served.get().publicKey(),
                ENCRYPTION.publicKey())).getBytes(StandardCharsets.UTF_8)));
        clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
        discovery = new PeerFixtures.FixedDiscovery(semp(PATH));
        keys = new HttpsDomainKeys(discovery, HTTPS.tls().trustingContext(), clock, Duration.ofSeconds(2), Duration.ofSeconds(2), 4096);
    }

    @AfterEach
    void tearDown() {
        keys.close();
    }

    private static DiscoveryResult.Semp semp(String path) {
        return PeerFixtures.semp(D, Map.of("h2", "https://localhost/v1/federate"), "https://localhost:" + HTTPS.server().port() + path,
                List.of("x25519-chacha20-poly1305"), Duration.ofHours(1));
    }

    private int fetches() {
        return (int) HTTPS.server().paths().stream().filter(PATH::equals).count();
    }

    @Test
    void find_firstLookup_fetchesTheAdvertisedUrlAndReturnsTheSigningKey() {
        int before = fetches();
        assertThat(keys.find(D, Optional.empty())).contains(SIGNING.publicKey());
        assertThat(keys.find(D, Optional.of(SIGNING.keyId()))).contains(SIGNING.publicKey());
        assertThat(keys.signingKeys(D, Optional.empty())).isEqualTo(published(SIGNING));
        assertThat(keys.signingKeys(D, Optional.of(SIGNING.keyId()))).isEqualTo(published(SIGNING));
        assertThat(keys.lookup(D, Optional.of(SIGNING.keyId()))).isEqualTo(new DomainKeyLookup.Found(SIGNING.publicKey()));
        assertThat(fetches() - before).isEqualTo(1);
    }

    @Test
    void find_withinTtl_servedFromCache_afterTtl_fetchedAgain() {
        int before = fetches();
        keys.find(D, Optional.empty());
        clock.advance(Duration.ofMinutes(59));
        keys.find(D, Optional.empty());
        assertThat(fetches() - before).isEqualTo(1);
        clock.advance(Duration.ofMinutes(2));
        assertThat(keys.cached(D)).isEmpty();
        keys.find(D, Optional.empty());
        assertThat(fetches() - before).isEqualTo(2);
    }

    @Test
    void invalidate_dropsTheEntry_nextLookupFetches() {
        int before = fetches();
        keys.find(D, Optional.empty());
        keys.invalidate(D);
        assertThat(keys.cached(D)).isEmpty();
        keys.find(D, Optional.empty());
        assertThat(fetches() - before).isEqualTo(2);
    }

    @Test
    void find_unknownKeyIdAfterRefreshInterval_refetchesOnceAndFindsTheRotatedKey() {
        keys.find(D, Optional.empty());
        served.set(ROTATED);
        int before = fetches();
        assertThat(keys.find(D, Optional.of(ROTATED.keyId()))).isEmpty();
        assertThat(fetches() - before).isZero();
        clock.advance(HttpsDomainKeys.REFRESH_INTERVAL);
        assertThat(keys.find(D, Optional.of(ROTATED.keyId()))).contains(ROTATED.publicKey());
        assertThat(fetches() - before).isEqualTo(1);
        assertThat(keys.find(D, Optional.of(new KeyId("0".repeat(64))))).isEmpty();
        assertThat(fetches() - before).isEqualTo(1);
    }

    @Test
    void find_http404_emptyAndNotCached() {
        HTTPS.server().respond(404, "");
        assertThat(keys.find(D, Optional.empty())).isEmpty();
        assertThat(keys.cached(D)).isEmpty();
    }

    @Test
    void transientFailures_areUnavailableForTheSealAndTheHandshake_emptyForFind() throws Exception {
        HTTPS.server().respond(503, "");
        assertUnavailable();

        keys.invalidate(D);
        discovery.answer(new DiscoveryResult.Temporary(DiscoveryResult.Cause.DNS_FAILURE, "SERVFAIL"));
        assertUnavailable();

        keys.invalidate(D);
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        discovery.answer(PeerFixtures.semp(D, Map.of("h2", "https://localhost/v1/federate"), "https://localhost:" + closed + PATH,
                List.of("x25519-chacha20-poly1305"), Duration.ofHours(1)));
        assertUnavailable();
    }

    private void assertUnavailable() {
        assertThat(keys.signingKeys(D, Optional.of(SIGNING.keyId()))).isEqualTo(new SenderDomainKeys.Unavailable());
        assertThat(keys.lookup(D, Optional.of(SIGNING.keyId()))).isEqualTo(new DomainKeyLookup.Unavailable());
        assertThat(keys.find(D, Optional.of(SIGNING.keyId()))).isEmpty();
    }

    @Test
    void permanentFailures_publishNoKeyForTheSeal_notPublishedForTheHandshake() {
        discovery.answer(new DiscoveryResult.Legacy("mx only"));
        assertThat(keys.signingKeys(D, Optional.of(SIGNING.keyId()))).isEqualTo(new SenderDomainKeys.Published(List.of()));
        assertThat(keys.lookup(D, Optional.of(SIGNING.keyId()))).isEqualTo(new DomainKeyLookup.NotPublished());

        keys.invalidate(D);
        discovery.answer(semp(PATH));
        HTTPS.server().respond(200, "{\"type\":\"SEMP_DOMAIN_KEYS\"}");
        assertThat(keys.signingKeys(D, Optional.empty())).isEqualTo(new SenderDomainKeys.Published(List.of()));
    }

    @Test
    void unknownKeyId_fetchedForThisMessage_isNotPublishedWithoutAnotherFetch() {
        int before = fetches();
        assertThat(keys.signingKeys(D, Optional.of(ROTATED.keyId()))).isEqualTo(published(SIGNING));
        assertThat(keys.lookup(D, Optional.of(ROTATED.keyId()))).isEqualTo(new DomainKeyLookup.NotPublished());
        assertThat(fetches() - before).isEqualTo(1);
    }

    @Test
    void unknownKeyId_heldKeysOlderThanTheRefreshInterval_refetchedOnce_findsTheRotatedKey() {
        keys.signingKeys(D, Optional.empty());
        served.set(ROTATED);
        clock.advance(HttpsDomainKeys.REFRESH_INTERVAL);
        int before = fetches();

        assertThat(keys.signingKeys(D, Optional.of(ROTATED.keyId()))).isEqualTo(published(ROTATED));
        assertThat(keys.lookup(D, Optional.of(ROTATED.keyId()))).isEqualTo(new DomainKeyLookup.Found(ROTATED.publicKey()));
        assertThat(fetches() - before).isEqualTo(1);
    }

    @Test
    void unknownKeyId_beforeTheRefreshIsDue_isUnavailableWithoutFetching_neverNotPublished() {
        keys.signingKeys(D, Optional.empty());
        served.set(ROTATED);
        clock.advance(HttpsDomainKeys.REFRESH_INTERVAL.minusSeconds(1));
        int before = fetches();

        assertThat(keys.signingKeys(D, Optional.of(ROTATED.keyId()))).isEqualTo(new SenderDomainKeys.Unavailable());
        assertThat(keys.lookup(D, Optional.of(ROTATED.keyId()))).isEqualTo(new DomainKeyLookup.Unavailable());
        assertThat(keys.signingKeys(D, Optional.of(SIGNING.keyId()))).isEqualTo(published(SIGNING));
        assertThat(fetches() - before).isZero();
    }

    @Test
    void unknownKeyIds_manyMessages_atMostOneFetchPerRefreshInterval() {
        keys.signingKeys(D, Optional.empty());
        int before = fetches();
        for (int minute = 1; minute <= 3; minute++) {
            clock.advance(HttpsDomainKeys.REFRESH_INTERVAL);
            for (int i = 0; i < 50; i++) {
                KeyId random = DomainSigningPrivateKey.generate(PeerFixtures.seeded(1000L * minute + i)).keyId();
                assertThat(keys.signingKeys(D, Optional.of(random))).isIn(published(SIGNING), new SenderDomainKeys.Unavailable());
                clock.advance(Duration.ofMillis(500));
            }
            assertThat(fetches() - before).isEqualTo(minute);
        }
    }

    @Test
    void unknownKeyId_refetchFailsTransiently_heldKeysStayInUse_failureRateLimitsTheNextRefetch() {
        keys.signingKeys(D, Optional.empty());
        clock.advance(HttpsDomainKeys.REFRESH_INTERVAL);
        HTTPS.server().respond(503, "");
        int before = fetches();

        assertThat(keys.signingKeys(D, Optional.of(ROTATED.keyId()))).isEqualTo(new SenderDomainKeys.Unavailable());
        assertThat(keys.signingKeys(D, Optional.of(ROTATED.keyId()))).isEqualTo(new SenderDomainKeys.Unavailable());
        assertThat(keys.signingKeys(D, Optional.of(SIGNING.keyId()))).isEqualTo(published(SIGNING));
        assertThat(keys.cached(D)).isPresent();
        assertThat(fetches() - before).isEqualTo(1);

        served.set(ROTATED);
        HTTPS.server().respond(e -> TestHttpsServer.send(e, 200, PeerFixtures.json(PeerFixtures.domainKeysDocument(D, served.get().publicKey(),
                ENCRYPTION.publicKey())).getBytes(StandardCharsets.UTF_8)));
        clock.advance(HttpsDomainKeys.FAILURE_TTL);
        assertThat(keys.signingKeys(D, Optional.of(ROTATED.keyId()))).isEqualTo(published(ROTATED));
        assertThat(fetches() - before).isEqualTo(2);
    }

    private static SenderDomainKeys.Answer published(DomainSigningPrivateKey key) {
        return new SenderDomainKeys.Published(List.of(key.publicKey()));
    }

    @Test
    void find_afterAFailure_rememberedForFailureTtlUnlessInvalidated() {
        HTTPS.server().respond(404, "");
        int before = HTTPS.server().paths().size();
        assertThat(keys.find(D, Optional.empty())).isEmpty();
        HTTPS.server().respond(e -> TestHttpsServer.send(e, 200, PeerFixtures.json(PeerFixtures.domainKeysDocument(D, SIGNING.publicKey(),
                ENCRYPTION.publicKey())).getBytes(StandardCharsets.UTF_8)));
        assertThat(keys.find(D, Optional.empty())).isEmpty();
        assertThat(HTTPS.server().paths()).hasSize(before + 1);
        clock.advance(HttpsDomainKeys.FAILURE_TTL);
        assertThat(keys.find(D, Optional.empty())).contains(SIGNING.publicKey());
        HTTPS.server().respond(404, "");
        keys.invalidate(D);
        assertThat(keys.find(D, Optional.empty())).isEmpty();
        HTTPS.server().respond(e -> TestHttpsServer.send(e, 200, PeerFixtures.json(PeerFixtures.domainKeysDocument(D, SIGNING.publicKey(),
                ENCRYPTION.publicKey())).getBytes(StandardCharsets.UTF_8)));
        keys.invalidate(D);
        assertThat(keys.find(D, Optional.empty())).contains(SIGNING.publicKey());
    }

    @Test
    void published_fetchInterrupted_failsButIsNotRemembered() throws Exception {
        CountDownLatch requested = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HTTPS.server().respond(e -> {
            requested.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
            TestHttpsServer.send(e, 503, new byte[0]);
        });
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                keys.published(D);
            } catch (DomainKeysException e) {
                failure.set(e);
            }
        });
        assertThat(requested.await(5, TimeUnit.SECONDS)).isTrue();
        caller.interrupt();
        caller.join(5_000);
        release.countDown();
        HTTPS.server().respond(e -> TestHttpsServer.send(e, 200, PeerFixtures.json(PeerFixtures.domainKeysDocument(D, SIGNING.publicKey(),
                ENCRYPTION.publicKey())).getBytes(StandardCharsets.UTF_8)));

        assertThat(failure.get()).isInstanceOf(DomainKeysException.class).hasMessageContaining("interrupted");
        assertThat(keys.find(D, Optional.empty())).contains(SIGNING.publicKey());
    }

    @Test
    void published_redirect_notFollowed() {
        HTTPS.server().respond(e -> {
            e.getResponseHeaders().set("Location", "https://localhost:" + HTTPS.server().port() + "/elsewhere");
            TestHttpsServer.send(e, 302, new byte[0]);
        });
        int before = HTTPS.server().paths().size();
        assertThat(keys.find(D, Optional.empty())).isEmpty();
        assertThat(HTTPS.server().paths().subList(before, HTTPS.server().paths().size())).containsExactly(PATH);
    }

    @Test
    void published_oversizeBody_refused() {
        HTTPS.server().respond(200, "{\"type\":\"SEMP_DOMAIN_KEYS\",\"pad\":\"" + "x".repeat(8000) + "\"}");
        assertThat(keys.find(D, Optional.empty())).isEmpty();
    }

    @Test
    void published_notASempDomain_refusedWithoutFetching() {
        discovery.answer(new DiscoveryResult.Legacy("mx only"));
        int before = HTTPS.server().paths().size();
        assertThat(keys.find(D, Optional.empty())).isEmpty();
        assertThat(HTTPS.server().paths()).hasSize(before);
    }

    @Test
    void published_untrustedCertificate_refused() throws Exception {
        try (HttpsDomainKeys other = new HttpsDomainKeys(discovery, TestTls.selfSigned("localhost").trustingContext(), clock)) {
            assertThat(other.find(D, Optional.empty())).isEmpty();
        }
    }
}
