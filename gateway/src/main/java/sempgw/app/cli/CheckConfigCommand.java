package sempgw.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import sempgw.app.StartupChecks;
import sempgw.app.config.ConfigLoader;
import sempgw.app.config.GatewayConfig;

/** {@code semp-gateway check-config FILE}: parses the file and checks the files it names (TLS, recipients, users), without starting anything. */
@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = "Check a configuration file; exit 0 if the gateway would start with it, 78 with the reason if not.")
final class CheckConfigCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the TOML configuration file")
    Path file;

    @Override
    public Integer call() {
        GatewayConfig config = ConfigLoader.load(file);
        StartupChecks.check(config);
        spec.commandLine().getOut().println(file + ": configuration OK");
        return ExitCodes.OK;
    }
}
