package sempgw.app.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sempgw.policy.DeliveryMode;
import sempgw.policy.PolicyTable;
import sempgw.policy.Route;
import sempgw.semp.egress.discovery.ConfigError;
import sempgw.semp.egress.discovery.ConfigFetch;
import sempgw.semp.egress.discovery.ConfigurationException;
import sempgw.semp.egress.discovery.ConfigurationParser;
import sempgw.semp.egress.discovery.DiscoveryConfig;
import sempgw.semp.egress.discovery.SempDiscovery;
import sempgw.semp.egress.discovery.ServerTarget;
import sempgw.semp.egress.peers.PeerDiscovery;
import sempgw.semp.egress.testing.MutableClock;
import sempgw.semp.egress.testing.TestDnsServer;

/**
 * The route of one recipient with the real discovery over a loopback DNS server, for a domain
 * that speaks only another SEMP major version (CONFORMANCE.md §9.1.3): non-SEMP for us, so SMTP
 * under {@code semp-preferred}, refused naming {@code version_unsupported} under
 * {@code semp-required}, and deferred, never SMTP, while the domain is pinned to SEMP (GATEWAY.md §4).
 */
final class RoutesTest {
    private static final String SENDER = "alice@a.test";
    private static final String SEMP2_TXT = "v=semp2;s=x25519-chacha20-poly1305;c=h2";
    private static final String SEMP1_TXT = "v=semp1;s=x25519-chacha20-poly1305;c=h2";

    private final Map<String, byte[]> documents = new ConcurrentHashMap<>();
    private TestDnsServer dns;
    private SempDiscovery discovery;
    private Routes routes;

    @BeforeEach
    void start() throws Exception {
        dns = new TestDnsServer().zone("test", 3600, 300);
        discovery = new SempDiscovery(dns.resolver(), this::fetch, new MutableClock(Instant.parse("2026-05-01T10:00:00Z")),
                new SplittableRandom(1), DiscoveryConfig.defaults());
        PolicyTable policy = PolicyTable.builder(DeliveryMode.SEMP_PREFERRED).recipientDomain("strict.test", DeliveryMode.SEMP_REQUIRED).build();
        routes = new Routes(policy, Set.of("a.test"), PeerDiscovery.of(discovery), FixedMailboxes.of(SENDER));
    }

    @AfterEach
    void stop() {
        discovery.close();
        dns.close();
    }

    @Test
    void route_preferredToADomainOfSemp2OnlyWithMx_goesBySmtpLikeALegacyDomain() {
        dns.txt("_semp._tcp.v2.test", SEMP2_TXT, 3600).mx("v2.test", 10, "mx.v2.test", 3600);

        assertThat(routes.route(SENDER, "v2.test", false)).isEqualTo(new Route.ViaSmtp(Route.Cause.OTHER_MAJOR));
    }

    @Test
    void route_authorRequiresSempToADomainOfSemp2Only_refusedWith554VersionUnsupportedNamingTheRecord() {
        dns.txt("_semp._tcp.v2.test", SEMP2_TXT, 3600).mx("v2.test", 10, "mx.v2.test", 3600);

        assertThat(routes.route(SENDER, "v2.test", true)).isInstanceOfSatisfying(Route.Refuse.class, r -> {
            assertThat(r.status().toString()).startsWith("554 5.5.5 semp-required: ");
            assertThat(r.status().text()).contains("another SEMP major version", "version_unsupported", "v=semp2");
        });
    }

    @Test
    void route_requiredDomainWhoseSrvServesAVersion2Document_refusedNamingTheVersion() {
        srvServing("strict.test", "2.0.0");

        assertThat(routes.route(SENDER, "strict.test", false)).isInstanceOfSatisfying(Route.Refuse.class, r -> {
            assertThat(r.status().toString()).startsWith("554 5.5.5 semp-required: ");
            assertThat(r.status().text()).contains("version_unsupported", "2.0.0");
        });
    }

    @Test
    void route_pinnedDomainNowDeclaringSemp2Only_deferredInBothModesNeverSmtp() {
        srvServing("peer.test", "1.0.0").txt("_semp._tcp.peer.test", SEMP1_TXT, 3600);
        assertThat(routes.route(SENDER, "peer.test", false)).isEqualTo(new Route.ViaSemp());

        dns.clear("_semp._tcp.peer.test").txt("_semp._tcp.peer.test", SEMP2_TXT, 3600);
        discovery.invalidate("peer.test");

        for (boolean required : List.of(false, true)) {
            assertThat(routes.route(SENDER, "peer.test", required)).isInstanceOfSatisfying(Route.Defer.class, d -> {
                assertThat(d.status().toString()).startsWith("451 4.4.3 ");
                assertThat(d.status().text()).contains("pinned until", "v=semp2");
            });
        }
    }

    @Test
    void route_domainPublishingSemp1AndSemp2_staysSemp() {
        srvServing("both.test", "1.0.0").txt("_semp._tcp.both.test", SEMP2_TXT, 3600).txt("_semp._tcp.both.test", SEMP1_TXT, 3600);

        assertThat(routes.route(SENDER, "both.test", false)).isEqualTo(new Route.ViaSemp());
    }

    /** {@code domain} with an MX and an SRV target serving a configuration document of {@code version}; no TXT yet. */
    private TestDnsServer srvServing(String domain, String version) {
        documents.put("semp." + domain + ":443", document(domain, version));
        return dns.srv("_semp._tcp." + domain, 10, 10, 443, "semp." + domain, 3600).mx(domain, 10, "mx." + domain, 3600);
    }

    private ConfigFetch fetch(ServerTarget target, String domain) {
        byte[] body = documents.get(target.authority());
        if (body == null) {
            return new ConfigFetch.Failed(ConfigError.NOT_FOUND, target.authority() + ": HTTP 404");
        }
        try {
            return new ConfigFetch.Fetched(ConfigurationParser.parse(body, domain));
        } catch (ConfigurationException e) {
            return new ConfigFetch.Failed(e.error(), target.authority() + ": " + e.getMessage());
        }
    }

    /** A configuration document of {@code version} for {@code domain}, shaped like DISCOVERY.md §3's example. */
    private static byte[] document(String domain, String version) {
        String base = "https://semp." + domain + "/v1";
        return """
                {"type":"SEMP_CONFIGURATION","version":"%s","domain":"%s","revision":1,"ttl_seconds":3600,
                 "endpoints":{"client":{"h2":"%s/h2"},"federation":{"h2":"%s/federate"},
                  "register":"%s/register","keys":"%s/keys/","domain_keys":"%s/domain-keys"},
                 "suites":["x25519-chacha20-poly1305"],"limits":{"max_envelope_size":26214400}}"""
                .formatted(version, domain, base, base, base, base, base).getBytes(StandardCharsets.UTF_8);
    }
}
