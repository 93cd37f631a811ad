package sempgw.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import sempgw.app.config.GatewayConfig;
import sempgw.app.control.ControlClient;
import sempgw.app.control.ControlReply;
import sempgw.app.control.ControlRequest;
import sempgw.app.keys.DomainKeys;
import sempgw.app.mailbox.MailboxAdmin;
import sempgw.app.mailbox.MailboxControlHandler;
import sempgw.app.mailbox.MailboxLock;
import sempgw.app.mailbox.MailboxStore;
import sempgw.app.mailbox.MailboxVerb;
import sempgw.app.semp.SempDocuments;
import sempgw.app.semp.SempKeys;
import sempgw.app.semp.SempUserKeys;

/**
 * {@code semp-gateway mailbox add|remove|list|rotate|import|advertise}: provisions the SEMP
 * mailboxes whose keys the gateway's mailbox agent holds. Sends the command to the running
 * gateway through its control socket, so it takes effect at once; when no gateway answers (or it
 * runs without SEMP), carries it out on the data directory itself, with the same
 * {@link MailboxControlHandler}, under the mailbox store's lock.
 */
@Command(name = "mailbox", mixinStandardHelpOptions = true,
        description = "Provision SEMP mailboxes (identity and encryption keys held by the gateway's mailbox agent), "
                + "through the running gateway, or on the data directory when none runs.")
final class MailboxCommand {
    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "the gateway's configuration file (data_dir, semp.domain, control.socket; default: none, every key at its default)")
    Path configFile;

    @Command(name = "add", description = "Provision ADDRESS (at semp.domain): generate its keys and publish them.")
    int add(@Parameters(paramLabel = "ADDRESS") String address) throws IOException {
        return run(request(MailboxVerb.ADD, address));
    }

    @Command(name = "remove", description = "Remove ADDRESS: revoke its keys (the revocations stay published) and delete its private keys.")
    int remove(@Parameters(paramLabel = "ADDRESS") String address) throws IOException {
        return run(request(MailboxVerb.REMOVE, address));
    }

    @Command(name = "list", description = "List every mailbox with its key ids, creation and expiry times, states and advertise flag.")
    int list() throws IOException {
        return run(request(MailboxVerb.LIST, ""));
    }

    @Command(name = "rotate", description = "New keys for ADDRESS; its old encryption keys keep decrypting for 14 days.")
    int rotate(@Parameters(paramLabel = "ADDRESS") String address) throws IOException {
        return run(request(MailboxVerb.ROTATE, address));
    }

    @Command(name = "import", description = "Provision every address of FILE (one per line, # comments) not yet provisioned; "
            + "the whole file is checked first.")
    int importFile(@Parameters(paramLabel = "FILE") Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute) || !Files.isReadable(absolute)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot read " + file);
        }
        return run(request(MailboxVerb.IMPORT, absolute.toString()));
    }

    @Command(name = "advertise", description = "Turn the upgrade-signal headers (SEMP-Capability...) of ADDRESS's SMTP mail on or off.")
    int advertise(@Parameters(paramLabel = "ADDRESS") String address, @Parameters(paramLabel = "on|off") String flag) throws IOException {
        if (!flag.equals("on") && !flag.equals("off")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "advertise takes on or off, not " + flag);
        }
        return run(request(MailboxVerb.ADVERTISE, address + " " + flag));
    }

    private ControlRequest.Mailbox request(MailboxVerb verb, String argument) {
        try {
            return verb.request(argument);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private int run(ControlRequest.Mailbox request) throws IOException {
        GatewayConfig config = ConfigFileOption.load(configFile);
        Path socket = config.control().socket();
        if (Files.exists(socket)) {
            try {
                ControlReply reply = ControlClient.send(socket, request);
                if (reply.code() != ControlReply.NOT_HANDLED) {
                    return print(reply);
                }
            } catch (IOException noAnswer) {
                // A stale socket: the store's lock tells below whether a gateway still holds it.
            }
        }
        return offline(config, request);
    }

    /** The same handler as the running gateway's, over the data directory, under the store's lock. */
    private int offline(GatewayConfig config, ControlRequest.Mailbox request) throws IOException {
        config.semp().requireDomain("mailbox commands");
        Clock clock = Clock.systemUTC();
        MailboxLock lock;
        try {
            lock = MailboxLock.acquire(config.dataDir());
        } catch (MailboxLock.Busy e) {
            spec.commandLine().getErr().println("semp-gateway: " + e.getMessage() + ", but no gateway answers on " + config.control().socket());
            return ExitCodes.UNAVAILABLE;
        }
        try (lock; DomainKeys keys = SempKeys.open(config, clock);
             SempUserKeys userKeys = SempUserKeys.open(SempDocuments.stateDir(config.dataDir()), keys);
             MailboxStore store = MailboxStore.open(lock, userKeys.directory(), keys.domain(), clock)) {
            return print(new MailboxControlHandler(new MailboxAdmin(store, clock)).handle(request));
        }
    }

    private int print(ControlReply reply) {
        PrintWriter out = reply.ok() ? spec.commandLine().getOut() : spec.commandLine().getErr();
        reply.lines().forEach(out::println);
        out.flush();
        return reply.ok() ? ExitCodes.OK : reply.code() == ControlReply.LOCAL_ERROR ? ExitCodes.SOFTWARE : ExitCodes.FAILED;
    }
}
