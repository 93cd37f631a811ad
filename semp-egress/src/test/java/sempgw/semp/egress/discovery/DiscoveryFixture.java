package sempgw.semp.egress.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.SocketException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import sempgw.semp.egress.discovery.DiscoveryResult.Cause;
import sempgw.semp.egress.testing.MutableClock;
import sempgw.semp.egress.testing.TestDnsServer;

/**
 * The discovery flow's test bench: an in-process DNS server authoritative for {@link #D} (negative
 * answers with SOA MINIMUM 300), configuration documents from a {@link FakeConfigs}, and a clock
 * the test moves. Discovery instances made here resolve through it with a two-second DNS timeout.
 * A test holds a fresh one in a {@code @RegisterExtension} field, which stops the server after
 * each test.
 */
record DiscoveryFixture(TestDnsServer dns, FakeConfigs configs, MutableClock clock) implements AfterEachCallback {

    static final String D = "example.com";
    static final String SRV = "_semp._tcp.example.com";

    DiscoveryFixture() {
        this(zoneServer(), new FakeConfigs(), new MutableClock(Instant.parse("2026-05-01T10:00:00Z")));
    }

    private static TestDnsServer zoneServer() {
        try {
            return new TestDnsServer().zone(D, 3600, 300);
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A discovery over this bench, its target order drawn from {@code seed}, its pins kept in {@code pins}. */
    SempDiscovery discovery(DiscoveryConfig config, long seed, Optional<PinJournal> pins) {
        return new SempDiscovery(dns.resolver(), configs, clock, new SplittableRandom(seed),
                config.withDnsTimeout(Duration.ofSeconds(2)), pins);
    }

    /** {@link #D} signals SEMP with one SRV target, which serves a document at {@code revision}; it has an MX too. */
    void sempDomain(long revision) {
        dns.srv(SRV, 10, 10, 443, "semp.example.com", 3600).mx(D, 10, "mx.example.com", 3600);
        configs.serve("semp.example.com:443", TestConfigs.document(D, revision, 3600));
    }

    /** {@link #D} loses its SRV records and has no document at the well-known location. */
    void recordsGone() {
        dns.clear(SRV);
        configs.fail("example.com:443", ConfigError.NOT_FOUND);
    }

    /** The cause of a result that must be temporary. */
    static Cause cause(DiscoveryResult r) {
        assertThat(r).isInstanceOf(DiscoveryResult.Temporary.class);
        return ((DiscoveryResult.Temporary) r).cause();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        dns.close();
    }
}
