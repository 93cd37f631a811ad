package sempgw.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import sempgw.smtp.egress.client.TlsPolicy;

final class ConfigLoaderTest {

    @Test
    void defaults_noFile_loopbackListenerDataUnderDotDataRelayForLoopbackMxDelivery() {
        GatewayConfig c = GatewayConfig.defaults();
        assertThat(c.smtp().listen()).hasToString("127.0.0.1:2525");
        assertThat(c.dataDir()).isEqualTo(Path.of("data"));
        assertThat(c.queue().dir()).isEqualTo(Path.of("data", "queue"));
        assertThat(c.queue().keyFile()).isEqualTo(Path.of("data", "queue.key"));
        assertThat(c.control().socket()).isEqualTo(Path.of("data", "control.sock"));
        assertThat(c.selfSignedDir()).isEqualTo(Path.of("data", "tls"));
        assertThat(c.tls().certFile()).isEmpty();
        assertThat(c.smtp().relayNetworks()).extracting(Network::toString).containsExactly("127.0.0.0/8", "::1/128");
        assertThat(c.smtp().localDomains()).isEmpty();
        assertThat(c.smtp().senderLoginsFile()).isEmpty();
        assertThat(c.delivery().smarthost()).isEmpty();
        assertThat(c.delivery().routes()).isEmpty();
        assertThat(c.delivery().tls()).isEqualTo(TlsPolicy.MAY);
        assertThat(c.delivery().concurrencyPerDestination()).isEqualTo(20);
        assertThat(c.queue().maxLifetime()).isEqualTo(Duration.ofDays(5));
        assertThat(c.queue().delayWarningAfter()).isEqualTo(Duration.ofHours(4));
        assertThat(c.queue().minBackoff()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.queue().maxBackoff()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void parse_emptyDocument_equalsDefaults() {
        assertThat(ConfigLoader.parse("")).isEqualTo(GatewayConfig.defaults());
    }

    @Test
    void parse_dataDirSet_derivedPathsFollowIt() {
        GatewayConfig c = ConfigLoader.parse("data_dir = \"/var/lib/sempgw\"");
        assertThat(c.queue().dir()).isEqualTo(Path.of("/var/lib/sempgw/queue"));
        assertThat(c.queue().keyFile()).isEqualTo(Path.of("/var/lib/sempgw/queue.key"));
        assertThat(c.control().socket()).isEqualTo(Path.of("/var/lib/sempgw/control.sock"));
    }

    @Test
    void parse_everyTableSet_valuesTaken() {
        GatewayConfig c = ConfigLoader.parse("""
                [smtp]
                listen = "[::1]:25"
                hostname = "GW.Example.ORG"
                max_message_size = "10MB"
                max_recipients = 200
                relay_networks = ["10.0.0.0/8"]
                local_domains = ["Example.org"]
                recipients_file = "/etc/sempgw/recipients"
                sender_logins_file = "/etc/sempgw/sender-logins"
                command_timeout = "30s"
                [tls]
                cert_file = "/etc/ssl/gw.pem"
                key_file = "/etc/ssl/gw.key"
                [queue]
                max_lifetime = "2d"
                delay_warning_after = "0s"
                min_backoff = "10s"
                max_backoff = "20s"
                [delivery]
                concurrency_per_destination = 5
                smarthost = "[relay.example.net]:587"
                tls = "encrypt"
                routes = { "example.org" = "[10.0.0.5]:25", ".example.org" = "lmtp:[mailstore]:24 tls=none" }
                """);
        assertThat(c.smtp().listen()).isEqualTo(new ListenAddress(InetAddress.ofLiteral("::1"), 25));
        assertThat(c.smtp().hostname()).isEqualTo("gw.example.org");
        assertThat(c.smtp().maxMessageSize()).isEqualTo(10L << 20);
        assertThat(c.smtp().maxRecipients()).isEqualTo(200);
        assertThat(c.smtp().localDomains()).containsExactly("example.org");
        assertThat(c.smtp().recipientsFile()).contains(Path.of("/etc/sempgw/recipients"));
        assertThat(c.smtp().senderLoginsFile()).contains(Path.of("/etc/sempgw/sender-logins"));
        assertThat(c.smtp().commandTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.tls().keyFile()).contains(Path.of("/etc/ssl/gw.key"));
        assertThat(c.queue().delayWarningAfter()).isZero();
        assertThat(c.delivery().smarthost()).contains("[relay.example.net]:587");
        assertThat(c.delivery().tls()).isEqualTo(TlsPolicy.ENCRYPT);
        assertThat(c.delivery().routes()).isEqualTo(Map.of("example.org", "[10.0.0.5]:25", ".example.org", "lmtp:[mailstore]:24 tls=none"));
        assertThat(c.delivery().routeTable().lookup("sub.example.org").orElseThrow().destination()).isEqualTo("lmtp:[mailstore]:24");
        assertThat(c.delivery().routeTable().lookup("example.org").orElseThrow().destination()).isEqualTo("smtp:[10.0.0.5]:25");
        assertThat(c.delivery().routeTable().lookup("other.test").orElseThrow().destination()).isEqualTo("smtp:[relay.example.net]:587");
    }

    @Test
    void parse_routesAsTable_sameAsInlineTable() {
        GatewayConfig table = ConfigLoader.parse("[delivery.routes]\n\"example.org\" = \"[10.0.0.5]:25\"\n");
        GatewayConfig inline = ConfigLoader.parse("[delivery]\nroutes = { \"example.org\" = \"[10.0.0.5]:25\" }\n");
        assertThat(table).isEqualTo(inline);
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("[smtp]\nlisten = \"localhost:25\"", "smtp.listen = \"localhost:25\" is not allowed: an IP address and a port"),
                Arguments.of("[smtp]\nlisten = \"127.0.0.1:99999\"", "smtp.listen = \"127.0.0.1:99999\" is not allowed: an IP address and a port"),
                Arguments.of("[smtp]\nhostname = \"bad_name\"", "smtp.hostname = \"bad_name\" is not allowed: a domain name"),
                Arguments.of("[smtp]\nmax_message_size = \"lots\"", "smtp.max_message_size = \"lots\" is not allowed: a number of bytes"),
                Arguments.of("[smtp]\nmax_message_size = \"3GB\"", "smtp.max_message_size = \"3GB\" is not allowed: a number of bytes, or a whole number with KB, MB or GB (for example 25MB), from 1KB to 2GB"),
                Arguments.of("[smtp]\nmax_recipients = 5", "smtp.max_recipients = 5 is not allowed: an integer from 100 to 100000"),
                Arguments.of("[smtp]\nmax_recipients = \"1000\"", "smtp.max_recipients = \"1000\" is not allowed: an integer from 100 to 100000"),
                Arguments.of("[smtp]\nrelay_networks = \"10.0.0.0/8\"", "smtp.relay_networks = \"10.0.0.0/8\" is not allowed: an array of strings"),
                Arguments.of("[smtp]\nrelay_networks = [\"10.1.2.3/8\"]", "smtp.relay_networks = \"10.1.2.3/8\" is not allowed: an IP network in CIDR form with host bits zero"),
                Arguments.of("[smtp]\nrelay_networks = [\"10.0.0.0/33\"]", "smtp.relay_networks = \"10.0.0.0/33\" is not allowed: an IP network in CIDR form"),
                Arguments.of("[smtp]\nrelay_networks = [8]", "smtp.relay_networks = 8 is not allowed: an array of quoted strings"),
                Arguments.of("[smtp]\nlocal_domains = [\"-bad-.org\"]", "smtp.local_domains = \"-bad-.org\" is not allowed: a domain name"),
                Arguments.of("[smtp]\nlocal_domains = [\"example.org\"]", "smtp.recipients_file = (unset) is not allowed: a file of valid addresses whenever smtp.local_domains is set"),
                Arguments.of("[smtp]\nrecipients_file = \"\"", "smtp.recipients_file = \"\" is not allowed: a file system path"),
                Arguments.of("[smtp]\nsender_logins_file = \"\"", "smtp.sender_logins_file = \"\" is not allowed: a file system path"),
                Arguments.of("[smtp]\nsender_logins_file = [\"a\"]", "smtp.sender_logins_file = [\"a\"] is not allowed"),
                Arguments.of("[smtp]\nmax_connections = 0", "smtp.max_connections = 0 is not allowed: an integer from 1 to 100000"),
                Arguments.of("[smtp]\nmax_connections = 10\nmax_connections_per_client = 20", "smtp.max_connections_per_client = 20 is not allowed: at most smtp.max_connections (10)"),
                Arguments.of("[smtp]\ncommand_timeout = \"5\"", "smtp.command_timeout = \"5\" is not allowed: a whole number with a unit s, m, h, d or w"),
                Arguments.of("[smtp]\ncommand_timeout = \"2h\"", "smtp.command_timeout = \"2h\" is not allowed: a whole number with a unit s, m, h, d or w (for example 30s, 5m, 4h, 5d), from 1s to 1h"),
                Arguments.of("[smtp]\ndata_timeout = \"0s\"", "smtp.data_timeout = \"0s\" is not allowed"),
                Arguments.of("[tls]\ncert_file = \"/etc/ssl/a.pem\"", "tls.key_file = (unset) is not allowed: set tls.cert_file and tls.key_file together"),
                Arguments.of("[tls]\nkey_file = \"/etc/ssl/a.key\"", "tls.cert_file = (unset) is not allowed: set tls.cert_file and tls.key_file together"),
                Arguments.of("[queue]\nmax_lifetime = \"1y\"", "queue.max_lifetime = \"1y\" is not allowed: a whole number with a unit"),
                Arguments.of("[queue]\ndelay_warning_after = \"-1h\"", "queue.delay_warning_after = \"-1h\" is not allowed"),
                Arguments.of("[queue]\nmin_backoff = \"2h\"", "queue.max_backoff = 1h is not allowed: a duration no shorter than queue.min_backoff (2h)"),
                Arguments.of("[queue]\nmax_backoff = \"8d\"", "queue.max_backoff = \"8d\" is not allowed"),
                Arguments.of("[queue]\ndir = 3", "queue.dir = 3 is not allowed: a quoted string"),
                Arguments.of("[delivery]\nconcurrency_per_destination = 0", "delivery.concurrency_per_destination = 0 is not allowed: an integer from 1 to 1000"),
                Arguments.of("[delivery]\ntls = \"always\"", "delivery.tls = \"always\" is not allowed: one of \"none\", \"may\", \"encrypt\", \"verify\""),
                Arguments.of("[delivery]\nsmarthost = \"[relay\"", "delivery.smarthost = \"[relay\" is not allowed: "),
                Arguments.of("[delivery]\nsmarthost = \"relay:70000\"", "delivery.smarthost = \"relay:70000\" is not allowed: bad port"),
                Arguments.of("[delivery.routes]\n\"exa mple.org\" = \"[10.0.0.5]\"", "delivery.routes.\"exa mple.org\" = \"exa mple.org\" is not allowed: a domain, .domain (its subdomains) or *"),
                Arguments.of("[delivery.routes]\n\"example.org\" = \"[10.0.0.5] tls=maybe\"", "delivery.routes.\"example.org\" = \"[10.0.0.5] tls=maybe\" is not allowed: tls= takes none, may, encrypt or verify"),
                Arguments.of("[delivery.routes]\n\"example.org\" = 25", "delivery.routes.\"example.org\" = 25 is not allowed: a quoted string"),
                Arguments.of("[delivery]\nsmarthost = \"[relay.example]\"\nroutes = { \"*\" = \"[other.example]\" }", "delivery.smarthost = \"[relay.example]\" is not allowed: unset when delivery.routes has a \"*\" entry"),
                Arguments.of("[delivery]\nconnect_timeout = \"0s\"", "delivery.connect_timeout = \"0s\" is not allowed"),
                Arguments.of("[control]\nsocket = \"\"", "control.socket = \"\" is not allowed: a file system path"),
                Arguments.of("data_dir = \"\"", "data_dir = \"\" is not allowed: a file system path"),
                Arguments.of("smtp = 3", "smtp = 3 is not allowed: a table, written [smtp]"));
    }

    @ParameterizedTest
    @MethodSource("badValues")
    void parse_badValue_messageNamesKeyValueAndWhatIsAllowed(String toml, String message) {
        assertThatThrownBy(() -> ConfigLoader.parse(toml)).isInstanceOf(ConfigException.class).hasMessageStartingWith(message);
    }

    @Test
    void parse_unknownKeyInTable_rejectedListingTheKnownKeys() {
        assertThatThrownBy(() -> ConfigLoader.parse("[smtp]\nmax_recipient = 500"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("smtp.max_recipient = 500 is not allowed: no such key; the keys in [smtp] are listen, hostname,")
                .hasMessageContaining("max_recipients")
                .extracting(e -> ((ConfigException) e).key()).isEqualTo("smtp.max_recipient");
    }

    @Test
    void parse_unknownTopLevelTable_rejected() {
        assertThatThrownBy(() -> ConfigLoader.parse("[sieve]\nenabled = true"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("sieve = {\"enabled\":true} is not allowed: no such key; the keys at the top level are data_dir, lock_memory, smtp, tls, queue, delivery, control, semp");
    }

    @Test
    void parse_notToml_rejectedWithLine() {
        assertThatThrownBy(() -> ConfigLoader.parse("[smtp]\nlisten = \n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("not valid TOML: ")
                .hasMessageContaining("(line 2)");
    }

    @Test
    void load_missingFile_rejectedNamingTheFileAndWhy_withoutAJavaExceptionName(@TempDir Path dir) {
        Path missing = dir.resolve("nope.toml");
        assertThatThrownBy(() -> ConfigLoader.load(missing))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("cannot read configuration file " + missing + ": no such file or directory")
                .hasMessageNotContaining("java.");
    }

    @Test
    void load_syntaxErrorInFile_messageNamesTheFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.toml"), "[smtp\n");
        assertThatThrownBy(() -> ConfigLoader.load(file)).isInstanceOf(ConfigException.class).hasMessageStartingWith(file + ": not valid TOML");
    }

    @Test
    void keys_everyKeyFullyQualified_inFileOrder() {
        assertThat(ConfigLoader.keys()).startsWith("data_dir", "lock_memory", "smtp.listen").contains("delivery.routes", "control.socket")
                .contains("semp.enabled", "semp.queue.horizon")
                .allMatch(k -> k.matches("[a-z_]+(\\.[a-z_]+){0,2}"));
    }

    @Test
    void records_optionalsAndListsNeverNull() {
        GatewayConfig c = GatewayConfig.defaults();
        assertThat(c.smtp().recipientsFile()).isEqualTo(Optional.empty());
        assertThat(c.smtp().relayNetworks()).isInstanceOf(List.class);
    }
}
