package sempgw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sempgw.app.config.ConfigException;
import sempgw.app.config.ConfigLoader;
import sempgw.app.config.GatewayConfig;
import sempgw.smtp.ingress.SmtpIngressConfig;
import sempgw.smtp.ingress.policy.SenderLogins;
import sempgw.smtp.ingress.protocol.Mailbox;

/** {@code smtp.sender_logins_file}: checked by check-config ({@link StartupChecks}) and handed to the SMTP ingress. */
final class SenderLoginsConfigTest {
    @TempDir
    Path dir;

    private GatewayConfig config(String... lines) throws IOException {
        Path file = Files.writeString(dir.resolve("sender-logins"), String.join("\n", lines) + "\n");
        return ConfigLoader.parse("[smtp]\nsender_logins_file = \"" + file + "\"\n");
    }

    @Test
    void checkConfig_malformedLine_namesKeyValueLineAndWhatIsAllowed() throws IOException {
        GatewayConfig config = config("# owners", "mta: a@corp.example,,b@corp.example");
        Path file = config.smtp().senderLoginsFile().orElseThrow();

        assertThatThrownBy(() -> StartupChecks.check(config)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.key()).isEqualTo("smtp.sender_logins_file"))
                .hasMessage("smtp.sender_logins_file = \"" + file + "\" is not allowed: a readable file of \"login: address, address, @domain\""
                        + " lines (" + file + ":2: empty entry (two commas in a row, or a comma at either end))");
    }

    @Test
    void checkConfig_missingFile_namesKeyAndValue() {
        Path absent = dir.resolve("absent");
        GatewayConfig config = ConfigLoader.parse("[smtp]\nsender_logins_file = \"" + absent + "\"\n");

        assertThatThrownBy(() -> StartupChecks.check(config)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("smtp.sender_logins_file = \"" + absent + "\" is not allowed: a readable file")
                .hasMessageContaining("NoSuchFileException");
    }

    @Test
    void checkConfig_wellFormedFile_passes() throws IOException {
        StartupChecks.check(config("alice@corp.example: sales@corp.example", "mta: @corp.example"));
    }

    @Test
    void ingressSettings_fileSet_givesTheIngressItsEntries() throws IOException {
        SmtpIngressConfig ingress = IngressSettings.of(config("mta: @corp.example").smtp(), null);

        assertThat(ingress.senderLogins().grants("mta", Mailbox.parse("any@corp.example").orElseThrow())).isTrue();
        assertThat(ingress.senderLogins().grants("mta", Mailbox.parse("any@other.example").orElseThrow())).isFalse();
    }

    @Test
    void ingressSettings_fileUnset_noEntriesBeyondTheLoginsOwnAddress() {
        SmtpIngressConfig ingress = IngressSettings.of(GatewayConfig.defaults().smtp(), null);

        assertThat(ingress.senderLogins()).isSameAs(SenderLogins.NONE);
    }
}
