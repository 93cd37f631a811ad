package sempgw.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
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
import sempgw.store.queue.QueueId;

/**
 * {@code semp-gateway queue list|show ID|hold ID|release ID|flush|delete ID}: talks to the
 * running gateway over its control socket (Postfix's {@code mailq}, {@code postqueue -f},
 * {@code postsuper -h/-H/-d}).
 */
@Command(name = "queue", mixinStandardHelpOptions = true,
        description = "Inspect and manage the queue of a running gateway through its control socket.")
final class QueueCommand {
    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "the running gateway's configuration file, to find its control socket")
    Path configFile;

    @Option(names = "--socket", paramLabel = "PATH", scope = ScopeType.INHERIT,
            description = "the control socket (default: control.socket from the configuration)")
    Path socket;

    @Command(name = "list", description = "List every message in the queue with its pending recipients.")
    int list() {
        return send(new ControlRequest.ListEntries());
    }

    @Command(name = "show", description = "Show one message's envelope and each recipient's state.")
    int show(@Parameters(paramLabel = "ID") String id) {
        return send(new ControlRequest.Show(queueId(id)));
    }

    @Command(name = "hold", description = "Keep a message's pending recipients from delivery until released.")
    int hold(@Parameters(paramLabel = "ID") String id) {
        return send(new ControlRequest.Hold(queueId(id)));
    }

    @Command(name = "release", description = "Release a held message; it is tried at once.")
    int release(@Parameters(paramLabel = "ID") String id) {
        return send(new ControlRequest.Release(queueId(id)));
    }

    @Command(name = "flush", description = "Retry every deferred recipient now.")
    int flush() {
        return send(new ControlRequest.Flush());
    }

    @Command(name = "delete", description = "Remove a message from the queue without notifying its sender.")
    int delete(@Parameters(paramLabel = "ID") String id) {
        return send(new ControlRequest.Delete(queueId(id)));
    }

    private QueueId queueId(String text) {
        try {
            return new QueueId(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "not a queue id: " + text);
        }
    }

    private int send(ControlRequest request) {
        Path target = socket != null ? socket : config().control().socket();
        ControlReply reply;
        try {
            reply = ControlClient.send(target, request);
        } catch (IOException e) {
            spec.commandLine().getErr().println("semp-gateway: " + e.getMessage());
            return ExitCodes.UNAVAILABLE;
        }
        PrintWriter out = reply.ok() ? spec.commandLine().getOut() : spec.commandLine().getErr();
        reply.lines().forEach(out::println);
        out.flush();
        return reply.ok() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private GatewayConfig config() {
        return ConfigFileOption.load(configFile);
    }
}
