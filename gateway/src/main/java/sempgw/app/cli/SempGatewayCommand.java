package sempgw.app.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import sempgw.app.config.ConfigException;

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

    /**
     * The one line an operator reads for a failure: a file system error names its path and what
     * went wrong ({@code /var/lib/semp-gateway: permission denied}), where its message would be the
     * bare path; anything else its message.
     */
    static String describe(Throwable e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof FileSystemException f && f.getFile() != null) {
            String reason = f.getReason() != null ? f.getReason() : switch (f) {
                case AccessDeniedException _ -> "permission denied";
                case NoSuchFileException _ -> "no such file or directory";
                case FileAlreadyExistsException _ -> "already exists";
                case NotDirectoryException _ -> "not a directory";
                case DirectoryNotEmptyException _ -> "directory not empty";
                default -> f.getClass().getSimpleName();
            };
            return f.getFile() + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "") + ": " + reason;
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
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
            command.getErr().println("semp-gateway: " + describe(e));
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
