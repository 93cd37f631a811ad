package sempgw.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sempgw.app.config.ConfigLoader;
import sempgw.app.config.ConfigPrinter;
import sempgw.app.config.GatewayConfig;

/** {@code semp-gateway config [--defaults] [--config FILE]}: prints the effective configuration as TOML (as {@code postconf}/{@code postconf -d}). */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print the effective configuration as TOML; with --defaults, every key at its default.")
final class ConfigCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "TOML configuration file (default: none, every key at its default)")
    Path configFile;

    @Option(names = "--defaults", description = "print the defaults, ignoring any configuration file")
    boolean defaults;

    @Override
    public Integer call() {
        GatewayConfig effective = defaults || configFile == null ? GatewayConfig.defaults() : ConfigLoader.load(configFile);
        spec.commandLine().getOut().print(ConfigPrinter.toToml(effective));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
