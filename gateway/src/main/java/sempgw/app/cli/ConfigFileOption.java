package sempgw.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import sempgw.app.config.ConfigLoader;
import sempgw.app.config.GatewayConfig;

/** The {@code -c/--config FILE} option of the commands that read the configuration, and how they read it. */
final class ConfigFileOption {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "TOML configuration file (default: none, every key at its default)")
    Path file;

    /** The configuration in the file given, or every key at its default without one. */
    GatewayConfig load() {
        return load(file);
    }

    /** The configuration in {@code file}, or every key at its default when it is null. */
    static GatewayConfig load(Path file) {
        return file == null ? GatewayConfig.defaults() : ConfigLoader.load(file);
    }
}
