package sempgw.semp.egress.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sempgw.semp.egress.testing.MutableClock;
import sempgw.semp.egress.testing.TestDnsServer;

/** Cache lifetimes (DISCOVERY.md §3.5.2, §6.1, §7.3), invalidation and shared lookups. */
final class DiscoveryCachingTest {

    private static final String D = "example.com";
    private static final String SRV = "_semp._tcp.example.com";

    private TestDnsServer dns;
    private FakeConfigs configs;
    private MutableClock clock;
    private SempDiscovery discovery;

    @BeforeEach
    void start() throws Exception {
        dns = new TestDnsServer();
        configs = new FakeConfigs();
        clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
        discovery = new SempDiscovery(dns.resolver(), configs, clock, new SplittableRandom(5),
                DiscoveryConfig.defaults().withDnsTimeout(Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    /** Discovers once more and says whether DNS was asked again. */
    private boolean askedAgain() {
        int before = dns.queries();
        discovery.discover(D);
        return dns.queries() > before;
    }

    @Test
    void semp_cachedForTheDnsTtlWhenShorterThanTtlSeconds() {
        dns.srv(SRV, 10, 10, 443, "semp.example.com", 300);
        configs.serve("semp.example.com:443", TestConfigs.document(D, 1, 3600));
        assertThat(discovery.discover(D)).isInstanceOf(DiscoveryResult.Semp.class);
        clock.advance(Duration.ofSeconds(299));
        assertThat(askedAgain()).isFalse();
        assertThat(configs.calls()).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(askedAgain()).isTrue();
        assertThat(configs.calls()).hasSize(2);
    }

    @Test
    void semp_cachedForTtlSecondsWhenShorterThanTheDnsTtl() {
        dns.srv(SRV, 10, 10, 443, "semp.example.com", 7200);
        configs.serve("semp.example.com:443", TestConfigs.document(D, 1, 120));
        discovery.discover(D);
        clock.advance(Duration.ofSeconds(119));
        assertThat(askedAgain()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(askedAgain()).isTrue();
    }

    @Test
    void legacy_cachedForTheSmallestOfMxTtlAndNegativeTtl() {
        dns.zone(D, 3600, 600).mx(D, 10, "mx.example.com", 86_400);
        assertThat(discovery.discover(D)).isInstanceOf(DiscoveryResult.Legacy.class);
        clock.advance(Duration.ofSeconds(599));
        assertThat(askedAgain()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(askedAgain()).isTrue();
    }

    @Test
    void legacy_withoutSoa_cachedForTheMxTtl() {
        dns.mx(D, 10, "mx.example.com", 7200);
        discovery.discover(D);
        clock.advance(Duration.ofSeconds(7199));
        assertThat(askedAgain()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(askedAgain()).isTrue();
    }

    @Test
    void anyTtl_cappedAtSevenDays() {
        dns.mx(D, 10, "mx.example.com", 30L * 86_400);
        discovery.discover(D);
        clock.advance(Duration.ofDays(7).minusSeconds(1));
        assertThat(askedAgain()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(askedAgain()).isTrue();
    }

    @Test
    void notFound_negativelyCachedForTheSoaMinimum() {
        dns.zone(D, 3600, 300);
        assertThat(discovery.discover("gone.example.com")).isInstanceOf(DiscoveryResult.NotFound.class);
        int before = dns.queries();
        clock.advance(Duration.ofSeconds(299));
        discovery.discover("gone.example.com");
        assertThat(dns.queries()).isEqualTo(before);
        clock.advance(Duration.ofSeconds(1));
        discovery.discover("gone.example.com");
        assertThat(dns.queries()).isGreaterThan(before);
    }

    @Test
    void notFound_withoutSoa_cachedOneHourByDefault() {
        assertThat(discovery.discover("gone.example.net")).isInstanceOf(DiscoveryResult.NotFound.class);
        int before = dns.queries();
        clock.advance(Duration.ofMinutes(59));
        discovery.discover("gone.example.net");
        assertThat(dns.queries()).isEqualTo(before);
        clock.advance(Duration.ofMinutes(1));
        discovery.discover("gone.example.net");
        assertThat(dns.queries()).isGreaterThan(before);
    }

    @Test
    void temporary_neverCached() {
        dns.servfail(SRV).mx(D, 10, "mx.example.com", 3600);
        assertThat(discovery.discover(D)).isInstanceOf(DiscoveryResult.Temporary.class);
        dns.clear(SRV);
        assertThat(discovery.discover(D)).isInstanceOf(DiscoveryResult.Legacy.class);
    }

    @Test
    void invalidate_forcesTheFullFlowAgain() {
        dns.srv(SRV, 10, 10, 443, "semp.example.com", 3600);
        configs.serve("semp.example.com:443", TestConfigs.document(D, 1, 3600));
        discovery.discover(D);
        assertThat(askedAgain()).isFalse();
        discovery.invalidate("EXAMPLE.com.");
        assertThat(askedAgain()).isTrue();
        assertThat(configs.calls()).hasSize(2);
    }

    @Test
    void revisionAnnounced_newerRefetches_sameOrOlderDoesNot() {
        dns.srv(SRV, 10, 10, 443, "semp.example.com", 3600);
        configs.serve("semp.example.com:443", TestConfigs.document(D, 5, 3600));
        discovery.discover(D);
        discovery.revisionAnnounced(D, 5);
        discovery.revisionAnnounced(D, 4);
        discovery.discover(D);
        assertThat(configs.calls()).hasSize(1);
        configs.serve("semp.example.com:443", TestConfigs.document(D, 6, 3600));
        discovery.revisionAnnounced(D, 6);
        assertThat(discovery.discover(D)).isInstanceOfSatisfying(DiscoveryResult.Semp.class,
                s -> assertThat(s.configuration().revision()).isEqualTo(6));
        assertThat(configs.calls()).hasSize(2);
    }

    @Test
    void concurrentDiscoveriesOfOneDomain_shareOneLookup() throws Exception {
        dns.srv(SRV, 10, 10, 443, "semp.example.com", 3600);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger fetches = new AtomicInteger();
        configs.answer("semp.example.com:443", () -> {
            fetches.incrementAndGet();
            try {
                release.await(5, TimeUnit.SECONDS);
                return new ConfigFetch.Fetched(ConfigurationParser.parse(TestConfigs.bytes(TestConfigs.document(D, 1, 3600)), D));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        List<Future<DiscoveryResult>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> discovery.discover(D)));
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> fetches.get() == 1);
            Thread.sleep(100);
            release.countDown();
            for (Future<DiscoveryResult> f : results) {
                assertThat(f.get(5, TimeUnit.SECONDS)).isInstanceOf(DiscoveryResult.Semp.class);
            }
        }
        assertThat(fetches).hasValue(1);
    }

    @Test
    void cache_leastRecentlyUsedEvicted_andStaleGenerationNotStored() {
        DiscoveryCache cache = new DiscoveryCache(clock, 2);
        DiscoveryResult legacy = new DiscoveryResult.Legacy("x");
        cache.put("a.example", legacy, Duration.ofHours(1), cache.generation());
        cache.put("b.example", legacy, Duration.ofHours(1), cache.generation());
        cache.get("a.example");
        cache.put("c.example", legacy, Duration.ofHours(1), cache.generation());
        assertThat(cache.get("b.example")).isEmpty();
        assertThat(cache.get("a.example")).contains(legacy);
        long generation = cache.generation();
        cache.invalidate("c.example");
        cache.put("d.example", legacy, Duration.ofHours(1), generation);
        assertThat(cache.get("d.example")).isEmpty();
        cache.put("e.example", new DiscoveryResult.Temporary(DiscoveryResult.Cause.DNS_FAILURE, "x"), Duration.ofHours(1), cache.generation());
        assertThat(cache.get("e.example")).isEmpty();
    }
}
