package sempgw.app.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The whole configuration, parsed once at start-up from one TOML file and never changed
 * afterwards. Each component receives only its own slice.
 *
 * @param dataDir where the gateway keeps its state (queue, keys, certificate, control socket)
 */
public record GatewayConfig(Path dataDir, SmtpConfig smtp, TlsConfig tls, QueueConfig queue, DeliveryConfig delivery, ControlConfig control) {
    public GatewayConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(smtp, "smtp");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(control, "control");
    }

    /** Every setting at its default: what running without a config file gives. */
    public static GatewayConfig defaults() {
        return ConfigLoader.parse("");
    }

    /** Where the self-signed certificate and its key live when {@code tls.cert_file} is unset. */
    public Path selfSignedDir() {
        return dataDir.resolve("tls");
    }

    static GatewayConfig read(TomlTable root) {
        Path dataDir = root.path("data_dir", Path.of("data"));
        GatewayConfig c = new GatewayConfig(
                dataDir,
                SmtpConfig.read(root.table("smtp")),
                TlsConfig.read(root.table("tls")),
                QueueConfig.read(root.table("queue"), dataDir),
                DeliveryConfig.read(root.table("delivery")),
                ControlConfig.read(root.table("control"), dataDir));
        root.finish();
        return c;
    }
}
