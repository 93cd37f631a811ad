package sempgw.app.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import sempgw.app.demo.Demo;

/**
 * {@code semp-gateway demo [--keep] [--verbose] [--timeout SECONDS]}: two gateways on loopback
 * ({@code alpha.test}, {@code beta.test}) with their own DNS and a mailbox host; one message from
 * {@code alice@alpha.test} to {@code bob@beta.test}, each hop printed as it happens, the message
 * as the mailbox got it, and {@code delivered} last. Exit 0 when it arrived intact over SEMP,
 * 1 when it did not (the reason on the error stream), 70 when the demo could not start.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run two gateways (alpha.test, beta.test) on loopback and send one message between them over SEMP, printing each hop.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--keep", description = "Keep the temporary directory (configurations, gateway state, the received message).")
    boolean keep;

    @Option(names = {"-v", "--verbose"}, description = "Also print the gateways' log on the error stream.")
    boolean verbose;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long the message may take from SMTP to the mailbox (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
            throw new ParameterException(spec.commandLine(), "--timeout must be 1 to 3600 seconds, not " + timeoutSeconds);
        }
        Demo.Outcome outcome = new Demo(new Demo.Options(keep, verbose, Duration.ofSeconds(timeoutSeconds)), spec.commandLine().getOut()).run();
        return switch (outcome.status()) {
            case DELIVERED -> ExitCodes.OK;
            case NOT_DELIVERED -> {
                spec.commandLine().getErr().println("semp-gateway demo: " + outcome.message());
                yield ExitCodes.FAILED;
            }
            case FAILED_TO_START -> {
                spec.commandLine().getErr().println("semp-gateway demo: " + outcome.message());
                yield ExitCodes.SOFTWARE;
            }
        };
    }
}
