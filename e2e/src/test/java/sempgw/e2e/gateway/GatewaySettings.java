package sempgw.e2e.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The configuration file a test writes for its gateway: SMTP on a loopback port, state under
 * the test's directory, every message relayed to one smarthost, retries fast enough for a test.
 *
 * @param dataDir the gateway's data directory (queue, keys, control socket); reused across a restart
 * @param smtpPort where the gateway accepts SMTP on 127.0.0.1
 * @param smarthostPort the loopback port every message is relayed to
 */
public record GatewaySettings(Path dataDir, int smtpPort, int smarthostPort) {

    public String toml() {
        return """
                # Written by the end-to-end tests (GatewaySettings).
                data_dir = "%s"

                [smtp]
                listen = "127.0.0.1:%d"
                hostname = "gateway.e2e.sempgw.test"
                max_message_size = "64MB"

                [queue]
                min_backoff = "1s"
                max_backoff = "5s"

                [delivery]
                smarthost = "[127.0.0.1]:%d"
                """.formatted(dataDir, smtpPort, smarthostPort);
    }

    /** Writes the file and returns its path. */
    public Path writeTo(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, toml());
        return file;
    }
}
