package sempgw.semp.egress.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sempgw.semp.egress.testing.Dnsmasq;
import sempgw.semp.egress.testing.TestHttpsServer;
import sempgw.semp.egress.testing.TestTls;

/**
 * Discovery against a real DNS server: dnsmasq publishing SRV, TXT, MX and address records as an
 * operator would, and a real HTTPS server holding the configuration document.
 */
final class DnsmasqDiscoveryTest {

    private static final String CAPABILITY = "v=semp1;s=pq-kyber768-x25519,x25519-chacha20-poly1305;c=h2,ws;mes=26214400";

    @Test
    void discover_againstDnsmasq_sempLegacyImplicitMxAndNotFound() throws Exception {
        TestTls tls = TestTls.selfSigned("localhost");
        try (TestHttpsServer https = new TestHttpsServer(tls.serverContext());
             HttpsConfigurationFetcher fetcher = new HttpsConfigurationFetcher(tls.trustingContext(), Duration.ofSeconds(5),
                     Duration.ofSeconds(5), HttpsConfigurationFetcher.DEFAULT_MAX_BYTES)) {
            https.respond(200, TestConfigs.json(TestConfigs.document("semp.test", 7, 3600)));
            Dnsmasq dnsmasq = Dnsmasq.start(List.of(
                    "--local=/test/",
                    "--srv-host=_semp._tcp.semp.test,backup.semp.test,443,20,10",
                    "--srv-host=_semp._tcp.semp.test,localhost," + https.port() + ",10,10",
                    "--txt-record=_semp.semp.test,v=semp1;handshake-ttl=120;min-ttl=30;max-ttl=900",
                    "--mx-host=legacy.test,mx.legacy.test,10",
                    "--host-record=mx.legacy.test,192.0.2.25",
                    "--host-record=web.test,192.0.2.80"),
                    List.of("txt-record=_semp._tcp.semp.test,\"" + CAPABILITY + "\""));
            try {
                ConfigurationSource loopbackOnly = (target, domain) -> target.host().equals("localhost")
                        ? fetcher.fetch(target, domain)
                        : new ConfigFetch.Failed(ConfigError.UNREACHABLE, target.host() + " is not on this test's loopback");
                SempDiscovery discovery = new SempDiscovery(dnsmasq.resolver(), loopbackOnly, Clock.systemUTC(),
                        new SplittableRandom(3), DiscoveryConfig.defaults().withDnsTimeout(Duration.ofSeconds(3)));

                DiscoveryResult semp = discovery.discover("semp.test");
                assertThat(semp).as(dnsmasq.log()).isInstanceOfSatisfying(DiscoveryResult.Semp.class, s -> {
                    assertThat(s.targets()).containsExactly(new ServerTarget("localhost", https.port(), 10, 10),
                            new ServerTarget("backup.semp.test", 443, 20, 10));
                    assertThat(s.configurationHost().host()).isEqualTo("localhost");
                    assertThat(s.configuration().revision()).isEqualTo(7);
                    assertThat(s.capability()).hasValueSatisfying(c -> {
                        assertThat(c.suites()).containsExactly("pq-kyber768-x25519", "x25519-chacha20-poly1305");
                        assertThat(c.problems()).isEmpty();
                    });
                    assertThat(s.sessionTtl().handshakeTtl()).isEqualTo(Duration.ofSeconds(120));
                    assertThat(s.discrepancies()).isEmpty();
                });
                assertThat(discovery.discover("legacy.test")).as(dnsmasq.log()).isInstanceOf(DiscoveryResult.Legacy.class);
                assertThat(discovery.discover("web.test")).as(dnsmasq.log()).isInstanceOfSatisfying(DiscoveryResult.Legacy.class,
                        l -> assertThat(l.detail()).contains("implicit MX"));
                assertThat(discovery.discover("nowhere.test")).as(dnsmasq.log()).isInstanceOf(DiscoveryResult.NotFound.class);
                assertThat(discovery.discover("outside.example")).as("REFUSED outside dnsmasq's local zone")
                        .isInstanceOfSatisfying(DiscoveryResult.Temporary.class,
                                t -> assertThat(t.cause()).isEqualTo(DiscoveryResult.Cause.DNS_FAILURE));
            } finally {
                dnsmasq.close();
            }
        }
    }
}
