package sempgw.app.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The whole configuration, parsed once at start-up from one TOML file and never changed
 * afterwards. Each component receives only its own slice.
 *
 * @param dataDir where the gateway keeps its state (queue, keys, certificate, control socket)
 * @param lockMemory whether {@code run} locks the process's memory against swapping (SESSION.md §5.1)
 * @param semp the SEMP server and sender, off by default
 * @param policy when mail may leave in clear (GATEWAY.md §4)
 * @param bridge how SMTP mail becomes SEMP and back (GATEWAY.md §5)
 */
public record GatewayConfig(Path dataDir, boolean lockMemory, SmtpConfig smtp, TlsConfig tls, QueueConfig queue, DeliveryConfig delivery,
                            ControlConfig control, SempConfig semp, PolicyConfig policy, BridgeConfig bridge) {
    public GatewayConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(smtp, "smtp");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(semp, "semp");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(bridge, "bridge");
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
        boolean lockMemory = root.bool("lock_memory", true);
        SmtpConfig smtp = SmtpConfig.read(root.table("smtp"));
        GatewayConfig c = new GatewayConfig(
                dataDir,
                lockMemory,
                smtp,
                TlsConfig.read(root.table("tls")),
                QueueConfig.read(root.table("queue"), dataDir),
                DeliveryConfig.read(root.table("delivery")),
                ControlConfig.read(root.table("control"), dataDir),
                SempConfig.read(root.table("semp"), dataDir, smtp),
                PolicyConfig.read(root.table("policy")),
                BridgeConfig.read(root.table("bridge")));
        root.finish();
        return c;
    }
}
