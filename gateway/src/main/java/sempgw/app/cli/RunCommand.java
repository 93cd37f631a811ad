package sempgw.app.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sempgw.app.Gateway;
import sempgw.app.MemoryProtection;
import sempgw.app.config.ConfigLoader;
import sempgw.app.config.GatewayConfig;

/**
 * {@code semp-gateway run [--config FILE]}: protects the process's memory ({@link MemoryProtection}),
 * runs the gateway in the foreground until SIGTERM or SIGINT, then shuts it down in order.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the gateway in the foreground until stopped (SIGTERM, Ctrl-C).")
final class RunCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "TOML configuration file (default: none, every key at its default)")
    Path configFile;

    @Override
    public Integer call() throws Exception {
        GatewayConfig config = configFile == null ? GatewayConfig.defaults() : ConfigLoader.load(configFile);
        MemoryProtection.apply(config.lockMemory());
        Gateway gateway = Gateway.start(config, Clock.systemUTC());
        Thread hook = new Thread(gateway::close, "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        gateway.awaitClosed();
        return ExitCodes.OK;
    }
}
