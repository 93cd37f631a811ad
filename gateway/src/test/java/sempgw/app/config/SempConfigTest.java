package sempgw.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import sempgw.app.config.SempPolicies.FirstContactMode;
import sempgw.core.crypto.SuiteId;

final class SempConfigTest {
    private static final String ENABLED = """
            [semp]
            enabled = true
            domain = "Example.ORG"
            mailboxes = ["bob@example.org"]
            """;

    @Test
    void defaults_sempOff_withTheDocumentedValues() {
        GatewayConfig g = GatewayConfig.defaults();
        SempConfig c = g.semp();
        assertThat(c.enabled()).isFalse();
        assertThat(c.domain()).isEmpty();
        assertThat(c.serverId()).isEqualTo(g.smtp().hostname());
        assertThat(c.listen()).hasToString("127.0.0.1:8443");
        assertThat(c.publicHost()).isEqualTo(g.smtp().hostname());
        assertThat(c.publicPort()).isEqualTo(8443);
        assertThat(c.transports()).containsExactly("h2", "ws");
        assertThat(c.suites()).containsExactly(SuiteId.PQ_KYBER768_X25519, SuiteId.X25519_CHACHA20_POLY1305);
        assertThat(c.maxEnvelopeSize()).isEqualTo(25L << 20);
        assertThat(c.configurationTtl()).isEqualTo(Duration.ofSeconds(3600));
        assertThat(c.keyFile()).isEqualTo(Path.of("data", "semp.key"));
        assertThat(c.domainKeysFile()).isEqualTo(Path.of("data", "semp-domain-keys"));
        assertThat(c.sessions().max()).isEqualTo(1000);
        assertThat(c.handshake().powDifficulty()).isZero();
        assertThat(c.block().domains()).isEmpty();
        assertThat(c.block().silentDomains()).isEmpty();
        assertThat(c.firstContact().mode()).isEqualTo(FirstContactMode.OPEN);
        assertThat(c.rateLimit().perDomainHour()).isEqualTo(100);
        assertThat(c.rateLimit().silentFor()).isEqualTo(Duration.ofHours(1));
        assertThat(c.receipts().relaxedPeers()).isEmpty();
        assertThat(c.queue().dir()).isEqualTo(Path.of("data", "semp-queue"));
        assertThat(c.queue().horizon()).isEqualTo(Duration.ofHours(72));
        assertThat(c.trustFile()).isEmpty();
        assertThat(c.dnsResolver()).isEmpty();
    }

    @Test
    void parse_everySempKeySet_valuesTaken() {
        SempConfig c = ConfigLoader.parse(ENABLED + """
                server_id = "gw-01"
                listen = "[::]:443"
                public_host = "semp.example.org"
                public_port = 8443
                transports = ["h2"]
                suites = ["x25519-chacha20-poly1305"]
                max_envelope_size = "10MB"
                configuration_ttl = "30m"
                mailboxes_file = "/etc/gw/mailboxes"
                trust_file = "/etc/gw/peers.pem"
                dns_resolver = "[::1]:5353"
                sessions.max = 50
                handshake.pow_difficulty = 12
                [semp.block]
                domains = ["spam.example"]
                silent_domains = ["worse.example"]
                [semp.first_contact]
                mode = "challenge"
                difficulty = 22
                [semp.rate_limit]
                per_domain_hour = 500
                silent_for = "2h"
                [semp.receipts]
                relaxed_peers = ["Legacy.example"]
                [semp.queue]
                dir = "/var/spool/semp"
                horizon = "7d"
                """).semp();
        assertThat(c.domain()).contains("example.org");
        assertThat(c.serverId()).isEqualTo("gw-01");
        assertThat(c.listen()).hasToString("[::]:443");
        assertThat(c.publicHost()).isEqualTo("semp.example.org");
        assertThat(c.publicPort()).isEqualTo(8443);
        assertThat(c.transports()).containsExactly("h2");
        assertThat(c.suites()).containsExactly(SuiteId.X25519_CHACHA20_POLY1305);
        assertThat(c.maxEnvelopeSize()).isEqualTo(10L << 20);
        assertThat(c.mailboxesFile()).contains(Path.of("/etc/gw/mailboxes"));
        assertThat(c.trustFile()).contains(Path.of("/etc/gw/peers.pem"));
        assertThat(c.dnsResolver()).hasValueSatisfying(r -> assertThat(r.socketAddress().getPort()).isEqualTo(5353));
        assertThat(c.sessions().max()).isEqualTo(50);
        assertThat(c.handshake().powDifficulty()).isEqualTo(12);
        assertThat(c.block().domains()).containsExactly("spam.example");
        assertThat(c.block().silentDomains()).containsExactly("worse.example");
        assertThat(c.firstContact().mode()).isEqualTo(FirstContactMode.CHALLENGE);
        assertThat(c.firstContact().difficulty()).isEqualTo(22);
        assertThat(c.rateLimit().perDomainHour()).isEqualTo(500);
        assertThat(c.receipts().relaxedPeers()).containsExactly("legacy.example");
        assertThat(c.queue().horizon()).isEqualTo(Duration.ofDays(7));
        assertThat(c.queue().dir()).isEqualTo(Path.of("/var/spool/semp"));
    }

    @Test
    void parse_publicPortUnset_followsListen() {
        assertThat(ConfigLoader.parse("[semp]\nlisten = \"0.0.0.0:9443\"\n").semp().publicPort()).isEqualTo(9443);
    }

    @Test
    void toToml_sempSet_readBackEqual() {
        GatewayConfig c = ConfigLoader.parse(ENABLED + "trust_file = \"/etc/gw/peers.pem\"\ndns_resolver = \"127.0.0.1:53\"\n[semp.block]\nsilent_domains = [\"x.example\"]\n[semp.first_contact]\nmode = \"challenge\"\n");
        assertThat(ConfigLoader.parse(ConfigPrinter.toToml(c))).isEqualTo(c);
        assertThat(ConfigPrinter.toToml(c)).contains("[semp.first_contact]\nmode = \"challenge\"", "enabled = true");
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("[semp]\nenabled = \"yes\"\n", "semp.enabled = \"yes\" is not allowed: true or false"),
                Arguments.of("[semp]\nenabled = true\nmailboxes = [\"@example.org\"]\n", "semp.domain = (unset) is not allowed: a domain name whenever semp.enabled = true"),
                Arguments.of(ENABLED + "listen = \"127.0.0.1:2525\"\n", "semp.listen = \"127.0.0.1:2525\" is not allowed: an address and port other than smtp.listen"),
                Arguments.of("[semp]\ndomain = \"example.org\"\nmailboxes = [\"bob@example.net\"]\n", "semp.mailboxes = \"bob@example.net\" is not allowed: addresses at semp.domain (example.org)"),
                Arguments.of("[semp]\nmailboxes = [\"bob\"]\n", "semp.mailboxes = \"bob\" is not allowed: an address user@domain, or @domain"),
                Arguments.of("[semp]\ntransports = [\"ws\"]\n", "semp.transports = [\"ws\"] is not allowed: a list that includes \"h2\""),
                Arguments.of("[semp]\ntransports = [\"quic\"]\n", "semp.transports = \"quic\" is not allowed: a list of \"h2\" (HTTP/2) and \"ws\" (WebSocket)"),
                Arguments.of("[semp]\nsuites = [\"pq-kyber768-x25519\"]\n", "semp.suites = [\"pq-kyber768-x25519\"] is not allowed: a list that includes \"x25519-chacha20-poly1305\""),
                Arguments.of("[semp]\nsuites = [\"rsa\"]\n", "semp.suites = \"rsa\" is not allowed: a list of \"pq-kyber768-x25519\" and \"x25519-chacha20-poly1305\""),
                Arguments.of("[semp]\nserver_id = \"a b\"\n", "semp.server_id = \"a b\" is not allowed: 1 to 128 letters"),
                Arguments.of("[semp]\npublic_port = 0\n", "semp.public_port = 0 is not allowed: an integer from 1 to 65535"),
                Arguments.of("[semp]\nmax_envelope_size = \"2GB\"\n", "semp.max_envelope_size = \"2GB\" is not allowed: a number of bytes"),
                Arguments.of("[semp.handshake]\npow_difficulty = 29\n", "semp.handshake.pow_difficulty = 29 is not allowed: an integer from 0 to 28"),
                Arguments.of("[semp.first_contact]\nmode = \"closed\"\n", "semp.first_contact.mode = \"closed\" is not allowed: one of \"open\", \"challenge\""),
                Arguments.of("[semp.queue]\nhorizon = \"8d\"\n", "semp.queue.horizon = \"8d\" is not allowed: a whole number with a unit s, m, h, d or w (for example 30s, 5m, 4h, 5d), from 1m to 1w"),
                Arguments.of("[semp.block]\nservers = [\"x\"]\n", "semp.block.servers = [\"x\"] is not allowed: no such key; the keys in [semp.block] are domains, silent_domains"),
                Arguments.of("[semp]\ndns_resolver = \"dns.example:53\"\n", "semp.dns_resolver = \"dns.example:53\" is not allowed: an IP address and port"),
                Arguments.of("[semp]\ndns_resolver = \"127.0.0.1:0\"\n", "semp.dns_resolver = \"127.0.0.1:0\" is not allowed: an IP address and port"),
                Arguments.of("[semp.rate_limit]\nsilent_for = \"30m\"\n", "semp.rate_limit.silent_for = \"30m\" is not allowed: a whole number with a unit s, m, h, d or w (for example 30s, 5m, 4h, 5d), from 1h to 1d"),
                Arguments.of("[semp.receipts]\nrelaxed_peers = [\"not a domain\"]\n", "semp.receipts.relaxed_peers = \"not a domain\" is not allowed: a domain name"));
    }

    @ParameterizedTest
    @MethodSource("badValues")
    void parse_badValue_namesKeyValueAndWhatIsAllowed(String toml, String message) {
        assertThatThrownBy(() -> ConfigLoader.parse(toml)).isInstanceOf(ConfigException.class).hasMessageStartingWith(message);
    }

    @Test
    void requireDomain_unset_configException() {
        assertThatThrownBy(() -> GatewayConfig.defaults().semp().requireDomain()).isInstanceOf(ConfigException.class)
                .hasMessageContaining("semp.domain");
        assertThat(ConfigLoader.parse(ENABLED).semp().requireDomain()).isEqualTo("example.org");
        assertThat(ConfigLoader.parse(ENABLED).semp().mailboxesFile()).isEqualTo(Optional.empty());
    }
}
