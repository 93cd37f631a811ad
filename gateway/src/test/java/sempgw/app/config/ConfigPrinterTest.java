package sempgw.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

final class ConfigPrinterTest {

    @Test
    void toToml_defaults_readBackEqual() {
        GatewayConfig defaults = GatewayConfig.defaults();
        assertThat(ConfigLoader.parse(ConfigPrinter.toToml(defaults))).isEqualTo(defaults);
    }

    @Test
    void toToml_everyKeySet_readBackEqual() {
        GatewayConfig custom = ConfigLoader.parse("""
                data_dir = "/srv/gw"
                lock_memory = false
                [smtp]
                listen = "[::]:25"
                max_message_size = 100000
                relay_networks = ["192.168.0.0/16", "2001:db8::/32"]
                local_domains = ["example.org"]
                recipients_file = "/srv/gw/recipients"
                auth_users_file = "/srv/gw/users"
                sender_logins_file = "/srv/gw/sender-logins"
                [tls]
                cert_file = "/srv/gw/cert.pem"
                key_file = "/srv/gw/key.pem"
                [queue]
                min_backoff = "90s"
                [delivery]
                smarthost = "[relay.example]:587"
                routes = { "example.org" = "[10.0.0.5]:25", ".corp.example" = "lmtp:unix:/run/lmtp" }
                connect_timeout = "10s"
                [control]
                socket = "/run/gw.sock"
                """);
        String toml = ConfigPrinter.toToml(custom);
        assertThat(ConfigLoader.parse(toml)).isEqualTo(custom);
        assertThat(toml).contains("max_message_size = \"100000\"", "min_backoff = \"90s\"", "listen = \"[::]:25\"",
                "relay_networks = [\"192.168.0.0/16\", \"2001:db8::/32\"]");
    }

    @Test
    void toToml_unsetOptionalKeys_printedAsComments() {
        String toml = ConfigPrinter.toToml(GatewayConfig.defaults());
        assertThat(toml).contains("# recipients_file is unset", "# sender_logins_file is unset", "# cert_file is unset", "# smarthost is unset");
    }

    @Test
    void toToml_keysThatFollowAnother_printedAsComments_soACopyWithAnotherDataDirMovesThem() {
        String toml = ConfigPrinter.toToml(GatewayConfig.defaults());

        assertThat(toml).contains("# dir = \"data/queue\"  (follows data_dir unless set)",
                "# public_port = 8443  (follows semp.listen unless set)");
        GatewayConfig moved = ConfigLoader.parse(toml.replace("data_dir = \"data\"", "data_dir = \"/var/lib/semp-gateway\""));
        assertThat(moved.queue().dir()).isEqualTo(Path.of("/var/lib/semp-gateway/queue"));
        assertThat(moved.queue().keyFile()).isEqualTo(Path.of("/var/lib/semp-gateway/queue.key"));
        assertThat(moved.control().socket()).isEqualTo(Path.of("/var/lib/semp-gateway/control.sock"));
        assertThat(moved.semp().keyFile()).isEqualTo(Path.of("/var/lib/semp-gateway/semp.key"));
        assertThat(moved.semp().queue().dir()).isEqualTo(Path.of("/var/lib/semp-gateway/semp-queue"));
    }

    @Test
    void toToml_aKeySetAwayFromWhatItFollows_printedAsSet() {
        GatewayConfig c = ConfigLoader.parse("[queue]\ndir = \"/srv/queue\"\n[semp]\npublic_port = 443\n");

        assertThat(ConfigPrinter.toToml(c)).contains("\ndir = \"/srv/queue\"\n", "\npublic_port = 443\n");
    }

    @Test
    void quote_quotesBackslashesAndControls_escaped() {
        assertThat(ConfigPrinter.quote("a\"b\\c\nd")).isEqualTo("\"a\\\"b\\\\c\\u000Ad\"");
    }
}
