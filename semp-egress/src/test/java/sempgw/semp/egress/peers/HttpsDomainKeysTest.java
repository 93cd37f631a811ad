package sempgw.semp.egress.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sempgw.core.crypto.SuiteId;
import sempgw.core.keys.DomainEncryptionPrivateKey;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.core.keys.KeyId;
import sempgw.semp.egress.discovery.DiscoveryResult;
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

    private static TestTls tls;
    private static TestHttpsServer https;
    private final AtomicReference<DomainSigningPrivateKey> served = new AtomicReference<>(SIGNING);
    private MutableClock clock;
    private PeerFixtures.FixedDiscovery discovery;
    private HttpsDomainKeys keys;

    @BeforeAll
    static void startHttps() throws Exception {
        tls = TestTls.selfSigned("localhost");
        https = new TestHttpsServer(tls.serverContext());
    }

    @AfterAll
    static void stopHttps() {
        https.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        https.respond(e -> TestHttpsServer.send(e, 200, PeerFixtures.json(PeerFixtures.domainKeysDocument(D, served.get().publicKey(),
                ENCRYPTION.publicKey())).getBytes(StandardCharsets.UTF_8)));
        clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
        discovery = new PeerFixtures.FixedDiscovery(semp(PATH));
        keys = new HttpsDomainKeys(discovery, tls.trustingContext(), clock, Duration.ofSeconds(2), Duration.ofSeconds(2), 4096);
    }

    @AfterEach
    void tearDown() {
        keys.close();
    }

    private static DiscoveryResult.Semp semp(String path) {
        return PeerFixtures.semp(D, Map.of("h2", "https://localhost/v1/federate"), "https://localhost:" + https.port() + path,
                List.of("x25519-chacha20-poly1305"), Duration.ofHours(1));
    }

    private int fetches() {
        return (int) https.paths().stream().filter(PATH::equals).count();
    }

    @Test
    void find_firstLookup_fetchesTheAdvertisedUrlAndReturnsTheSigningKey() {
        int before = fetches();
        assertThat(keys.find(D, Optional.empty())).contains(SIGNING.publicKey());
        assertThat(keys.find(D, Optional.of(SIGNING.keyId()))).contains(SIGNING.publicKey());
        assertThat(keys.signingKeys(D)).containsExactly(SIGNING.publicKey());
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
        https.respond(404, "");
        assertThat(keys.find(D, Optional.empty())).isEmpty();
        assertThat(keys.cached(D)).isEmpty();
        assertThat(keys.signingKeys(D)).isEmpty();
    }

    @Test
    void find_afterAFailure_rememberedForFailureTtlUnlessInvalidated() {
        https.respond(404, "");
        int before = https.paths().size();
        assertThat(keys.find(D, Optional.empty())).isEmpty();
        https.respond(e -> TestHttpsServer.send(e, 200, PeerFixtures.json(PeerFixtures.domainKeysDocument(D, SIGNING.publicKey(),
                ENCRYPTION.publicKey())).getBytes(StandardCharsets.UTF_8)));
        assertThat(keys.find(D, Optional.empty())).isEmpty();
        assertThat(https.paths()).hasSize(before + 1);
        clock.advance(HttpsDomainKeys.FAILURE_TTL);
        assertThat(keys.find(D, Optional.empty())).contains(SIGNING.publicKey());
        https.respond(404, "");
        keys.invalidate(D);
        assertThat(keys.find(D, Optional.empty())).isEmpty();
        https.respond(e -> TestHttpsServer.send(e, 200, PeerFixtures.json(PeerFixtures.domainKeysDocument(D, SIGNING.publicKey(),
                ENCRYPTION.publicKey())).getBytes(StandardCharsets.UTF_8)));
        keys.invalidate(D);
        assertThat(keys.find(D, Optional.empty())).contains(SIGNING.publicKey());
    }

    @Test
    void published_fetchInterrupted_failsButIsNotRemembered() throws Exception {
        CountDownLatch requested = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        https.respond(e -> {
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
        https.respond(e -> TestHttpsServer.send(e, 200, PeerFixtures.json(PeerFixtures.domainKeysDocument(D, SIGNING.publicKey(),
                ENCRYPTION.publicKey())).getBytes(StandardCharsets.UTF_8)));

        assertThat(failure.get()).isInstanceOf(DomainKeysException.class).hasMessageContaining("interrupted");
        assertThat(keys.find(D, Optional.empty())).contains(SIGNING.publicKey());
    }

    @Test
    void published_redirect_notFollowed() {
        https.respond(e -> {
            e.getResponseHeaders().set("Location", "https://localhost:" + https.port() + "/elsewhere");
            TestHttpsServer.send(e, 302, new byte[0]);
        });
        int before = https.paths().size();
        assertThat(keys.find(D, Optional.empty())).isEmpty();
        assertThat(https.paths().subList(before, https.paths().size())).containsExactly(PATH);
    }

    @Test
    void published_oversizeBody_refused() {
        https.respond(200, "{\"type\":\"SEMP_DOMAIN_KEYS\",\"pad\":\"" + "x".repeat(8000) + "\"}");
        assertThat(keys.find(D, Optional.empty())).isEmpty();
    }

    @Test
    void published_notASempDomain_refusedWithoutFetching() {
        discovery.answer(new DiscoveryResult.Legacy("mx only"));
        int before = https.paths().size();
        assertThat(keys.find(D, Optional.empty())).isEmpty();
        assertThat(https.paths()).hasSize(before);
    }

    @Test
    void published_untrustedCertificate_refused() throws Exception {
        try (HttpsDomainKeys other = new HttpsDomainKeys(discovery, TestTls.selfSigned("localhost").trustingContext(), clock)) {
            assertThat(other.find(D, Optional.empty())).isEmpty();
        }
    }
}
