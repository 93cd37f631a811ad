package sempgw.app.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import sempgw.app.Gateway;
import sempgw.app.MemoryProtection;
import sempgw.app.config.GatewayConfig;

/**
 * {@code semp-gateway run [--config FILE]}: protects the process's memory ({@link MemoryProtection}),
 * runs the gateway in the foreground until SIGTERM or SIGINT, then shuts it down in order.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the gateway in the foreground until stopped (SIGTERM, Ctrl-C).")
final class RunCommand implements Callable<Integer> {
    @Mixin
    ConfigFileOption configFile;

    @Override
    public Integer call() throws Exception {
        GatewayConfig config = configFile.load();
        MemoryProtection.apply(config.lockMemory());
        Gateway gateway = Gateway.start(config, Clock.systemUTC());
        Thread hook = new Thread(gateway::close, "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        gateway.awaitClosed();
        return ExitCodes.OK;
    }
}
