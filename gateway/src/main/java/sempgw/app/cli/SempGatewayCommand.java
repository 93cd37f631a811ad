package sempgw.app.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import sempgw.app.config.ConfigException;
import sempgw.app.config.FileErrors;

/** The {@code semp-gateway} command line: {@code run}, {@code check-config}, {@code config}, {@code dns-records}, {@code queue}, {@code mailbox}, {@code receipt}, {@code demo}. */
// scope INHERIT: every command and subcommand (queue list, mailbox add, ...) takes --help and
// --version, and prints this version.
@Command(name = "semp-gateway",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        version = "semp-gateway 0.1.0",
        description = "SMTP/SEMP mail gateway.",
        subcommands = {RunCommand.class, CheckConfigCommand.class, ConfigCommand.class, DnsRecordsCommand.class, QueueCommand.class,
                MailboxCommand.class, ReceiptCommand.class, DemoCommand.class, CommandLine.HelpCommand.class})
public final class SempGatewayCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        List<String> commands = spec.subcommands().keySet().stream().filter(name -> !name.equals("help")).toList();
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: "
                + String.join(", ", commands.subList(0, commands.size() - 1)) + " or " + commands.getLast());
    }

    /** A command line wired with our exit codes and error messages; {@code out}/{@code err} replaceable for tests. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new SempGatewayCommand());
        cli.setOut(out).setErr(err);
        cli.setExitCodeExceptionMapper(e -> e instanceof ConfigException ? ExitCodes.CONFIG : ExitCodes.SOFTWARE);
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof ConfigException) {
                command.getErr().println("semp-gateway: configuration error: " + e.getMessage());
                return ExitCodes.CONFIG;
            }
            command.getErr().println("semp-gateway: " + FileErrors.describe(e));
            return ExitCodes.SOFTWARE;
        });
        cli.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("semp-gateway: " + e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return ExitCodes.USAGE;
        });
        return cli;
    }
}
