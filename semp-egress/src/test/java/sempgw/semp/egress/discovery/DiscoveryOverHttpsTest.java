package sempgw.semp.egress.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sempgw.semp.egress.testing.TestDnsServer;
import sempgw.semp.egress.testing.TestHttpsServer;
import sempgw.semp.egress.testing.TestTls;

/** Discovery end to end on loopback: in-process DNS, a real HTTPS server, the real fetcher. */
final class DiscoveryOverHttpsTest {

    private static final String D = "example.com";
    private static final String SRV = "_semp._tcp.example.com";

    private static TestTls tls;
    private static TestHttpsServer https;
    private static HttpsConfigurationFetcher fetcher;
    private TestDnsServer dns;
    private SempDiscovery discovery;

    @BeforeAll
    static void startHttps() throws Exception {
        tls = TestTls.selfSigned("localhost");
        https = new TestHttpsServer(tls.serverContext());
        fetcher = new HttpsConfigurationFetcher(tls.trustingContext(), Duration.ofSeconds(5), Duration.ofSeconds(5), 16 * 1024);
    }

    @AfterAll
    static void stopHttps() {
        fetcher.close();
        https.close();
    }

    @BeforeEach
    void start() throws Exception {
        dns = new TestDnsServer();
        dns.mx(D, 10, "mx.example.com", 3600);
        discovery = new SempDiscovery(dns.resolver(), fetcher, Clock.systemUTC(), new SplittableRandom(1),
                DiscoveryConfig.defaults().withDnsTimeout(Duration.ofSeconds(2)).withWellKnownFallback(false));
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    @Test
    void discover_srvToAnHttpsServer_sempWithTheServedDocument() {
        dns.srv(SRV, 10, 10, https.port(), "localhost", 3600);
        https.respond(200, TestConfigs.json(TestConfigs.document(D, 42, 3600)));
        assertThat(discovery.discover(D)).isInstanceOfSatisfying(DiscoveryResult.Semp.class, s -> {
            assertThat(s.configuration().revision()).isEqualTo(42);
            assertThat(s.configurationHost()).isEqualTo(new ServerTarget("localhost", https.port(), 10, 10));
        });
        assertThat(https.paths().getLast()).isEqualTo("/.well-known/semp/configuration");
    }

    @Test
    void discover_oversizeDocument_temporaryNotLegacy() {
        dns.srv(SRV, 10, 10, https.port(), "localhost", 3600);
        https.respond(200, "{" + " ".repeat(20_000) + "}");
        assertThat(discovery.discover(D)).isInstanceOfSatisfying(DiscoveryResult.Temporary.class,
                t -> assertThat(t.cause()).isEqualTo(DiscoveryResult.Cause.CONFIG_INVALID));
    }

    @Test
    void discover_configurationHostDown_temporaryNotLegacy() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        dns.srv(SRV, 10, 10, closed, "localhost", 3600);
        assertThat(discovery.discover(D)).isInstanceOfSatisfying(DiscoveryResult.Temporary.class,
                t -> assertThat(t.cause()).isEqualTo(DiscoveryResult.Cause.CONFIG_UNREACHABLE));
    }

    @Test
    void discover_untrustedCertificate_temporaryNotLegacy() throws Exception {
        try (TestHttpsServer impostor = new TestHttpsServer(TestTls.selfSigned("localhost").serverContext())) {
            impostor.respond(200, TestConfigs.json(TestConfigs.document(D, 1, 3600)));
            dns.srv(SRV, 10, 10, impostor.port(), "localhost", 3600);
            assertThat(discovery.discover(D)).isInstanceOfSatisfying(DiscoveryResult.Temporary.class,
                    t -> assertThat(t.cause()).isEqualTo(DiscoveryResult.Cause.CONFIG_TLS));
            assertThat(impostor.paths()).isEmpty();
        }
    }
}
