package sempgw.app.config;

import static org.assertj.core.api.Assertions.assertThat;

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
    void quote_quotesBackslashesAndControls_escaped() {
        assertThat(ConfigPrinter.quote("a\"b\\c\nd")).isEqualTo("\"a\\\"b\\\\c\\u000Ad\"");
    }
}
