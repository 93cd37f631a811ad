package sempgw.app.cli;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import sempgw.app.Gateway;
import sempgw.app.MemoryProtection;
import sempgw.app.StartupChecks;
import sempgw.app.config.GatewayConfig;
import sun.misc.Signal;

/**
 * {@code semp-gateway run [--config FILE]}: protects the process's memory ({@link MemoryProtection}),
 * runs the gateway in the foreground until SIGTERM or SIGINT, then shuts it down in order and exits 0.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the gateway in the foreground until stopped (SIGTERM, Ctrl-C).")
final class RunCommand implements Callable<Integer> {
    @Mixin
    ConfigFileOption configFile;

    @Override
    public Integer call() throws Exception {
        GatewayConfig config = configFile.load();
        StartupChecks.writable(config);
        MemoryProtection.apply(config.lockMemory());
        Gateway gateway = Gateway.start(config, Clock.systemUTC());
        Thread hook = new Thread(gateway::close, "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        // A requested stop is no failure: SIGTERM and SIGINT close the gateway and run returns 0, where
        // the JVM's own handling would exit 143 or 130, which systemd reports as a failed stop.
        // sun.misc.Signal is one of the critical internal APIs JEP 260 keeps in jdk.unsupported. The stop
        // runs on a thread of its own, so the JVM's signal thread stays free (a SIGQUIT thread dump).
        for (String name : List.of("TERM", "INT")) {
            try {
                Signal.handle(new Signal(name), _ -> Thread.ofPlatform().name("stop").start(gateway::close));
            } catch (IllegalArgumentException e) {
                // The JVM keeps the signal to itself (-Xrs): the shutdown hook stops the gateway, exit 128+signal.
            }
        }
        gateway.awaitClosed();
        return ExitCodes.OK;
    }
}
