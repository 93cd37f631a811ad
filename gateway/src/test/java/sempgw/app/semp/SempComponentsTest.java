package sempgw.app.semp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sempgw.app.Gateway;
import sempgw.app.config.ConfigLoader;
import sempgw.app.config.GatewayConfig;
import sempgw.core.keys.KeyId;

final class SempComponentsTest {
    @TempDir
    Path dir;

    GatewayConfig config(String semp) {
        return ConfigLoader.parse("""
                data_dir = "%s"
                [smtp]
                listen = "127.0.0.1:0"
                hostname = "gw.test"
                %s
                """.formatted(dir.resolve("data"), semp));
    }

    @Test
    void gatewayStart_sempOff_createsNoSempKeysOrQueue() throws Exception {
        try (Gateway _ = Gateway.start(config(""), Clock.systemUTC())) {
            assertThat(dir.resolve("data/queue")).isDirectory();
        }
        assertThat(dir.resolve("data/semp.key")).doesNotExist();
        assertThat(dir.resolve("data/semp-domain-keys")).doesNotExist();
        assertThat(dir.resolve("data/semp-queue")).doesNotExist();
        assertThat(dir.resolve("data/semp-delivered")).doesNotExist();
    }

    @Test
    void gatewayStart_sempOn_createsKeysAndSenderQueue_andReusesThemOnRestart() throws Exception {
        GatewayConfig config = config("[semp]\nenabled = true\ndomain = \"example.org\"\nlisten = \"127.0.0.1:0\"\nmailboxes = [\"@example.org\"]\n");
        try (Gateway _ = Gateway.start(config, Clock.systemUTC())) {
            assertThat(dir.resolve("data/semp.key")).isRegularFile();
            assertThat(dir.resolve("data/semp-domain-keys")).isRegularFile();
            assertThat(dir.resolve("data/semp-queue")).isDirectory();
            assertThat(dir.resolve("data/semp-delivered")).content().startsWith("semp-delivered 1\n");
            assertThat(Files.getPosixFilePermissions(dir.resolve("data/semp-delivered")))
                    .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
        KeyId first;
        try (SempComponents semp = SempComponents.start(config, Clock.systemUTC())) {
            first = semp.keys().signingPublicKey().keyId();
            assertThat(semp.senderQueue().entries()).isEmpty();
        }
        try (SempComponents semp = SempComponents.start(config, Clock.systemUTC())) {
            assertThat(semp.keys().signingPublicKey().keyId()).isEqualTo(first);
            assertThat(Files.size(dir.resolve("data/semp.key"))).isEqualTo(32);
        }
    }

    @Test
    void gatewayStart_sempPortTaken_failsAndReleasesWhatItOpened_thenStartsOnAFreePort() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            GatewayConfig busy = config("[semp]\nenabled = true\ndomain = \"example.org\"\nlisten = \"127.0.0.1:" + taken.getLocalPort()
                    + "\"\nmailboxes = [\"@example.org\"]\n");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Gateway.start(busy, Clock.systemUTC())).isInstanceOf(Exception.class);
            assertThat(busy.control().socket()).doesNotExist();
        }
        GatewayConfig free = config("[semp]\nenabled = true\ndomain = \"example.org\"\nlisten = \"127.0.0.1:0\"\nmailboxes = [\"@example.org\"]\n");
        try (Gateway gateway = Gateway.start(free, Clock.systemUTC())) {
            assertThat(gateway.semp().httpsPort()).isPositive();
            assertThat(gateway.semp().inbox().entries()).isEmpty();
            assertThat(dir.resolve("data/semp-inbox")).isDirectory();
            assertThat(dir.resolve("data/semp/user-keys.journal")).isRegularFile();
        }
    }

    @Test
    void semp_sempOff_illegalState() throws Exception {
        try (Gateway gateway = Gateway.start(config(""), Clock.systemUTC())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(gateway::semp).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("enabled = false");
        }
    }
}
