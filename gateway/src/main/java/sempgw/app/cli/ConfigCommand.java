package sempgw.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sempgw.app.config.ConfigPrinter;
import sempgw.app.config.GatewayConfig;

/** {@code semp-gateway config [--defaults] [--config FILE]}: prints the effective configuration as TOML (as {@code postconf}/{@code postconf -d}). */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print the effective configuration as TOML; with --defaults, every key at its default.")
final class ConfigCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigFileOption configFile;

    @Option(names = "--defaults", description = "print the defaults, ignoring any configuration file")
    boolean defaults;

    @Override
    public Integer call() {
        GatewayConfig effective = defaults ? GatewayConfig.defaults() : configFile.load();
        spec.commandLine().getOut().print(ConfigPrinter.toToml(effective));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
