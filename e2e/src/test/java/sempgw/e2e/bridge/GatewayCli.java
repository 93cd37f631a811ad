package sempgw.e2e.bridge;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import sempgw.e2e.gateway.GatewayCommand;

/**
 * The gateway's one-shot commands, run as an operator would, each in its own JVM from the
 * gateway's class path: {@code dns-records}, {@code mailbox add}, {@code queue list|flush}.
 */
public final class GatewayCli {

    private GatewayCli() {
    }

    /** A finished command: exit status, standard output, standard error. */
    public record Result(List<String> command, int exitCode, String out, String err) {
        public Result orThrow() {
            if (exitCode != 0) {
                throw new IllegalStateException(String.join(" ", command.subList(Math.max(0, command.size() - 6), command.size()))
                        + " exited with " + exitCode + ":\n" + out + err);
            }
            return this;
        }
    }

    /** {@code dns-records --config FILE}: creates the domain keys and certificate if missing; returns the zone text it prints. */
    public static String dnsRecords(Path config) {
        return run("dns-records", "--config", config.toString()).orThrow().out();
    }

    /** {@code mailbox add ADDRESS --config FILE}, for each address. */
    public static void addMailboxes(Path config, List<String> addresses) {
        for (String address : addresses) {
            run("mailbox", "add", address, "--config", config.toString()).orThrow();
        }
    }

    /** {@code queue <arguments> --config FILE}, against the running gateway. */
    public static Result queue(Path config, String... arguments) {
        List<String> args = new ArrayList<>(List.of("queue"));
        args.addAll(List.of(arguments));
        args.addAll(List.of("--config", config.toString()));
        return run(args.toArray(String[]::new));
    }

    public static Result run(String... arguments) {
        List<String> command = GatewayCommand.command(List.of(), arguments);
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("gateway-cli", ".out");
            err = Files.createTempFile("gateway-cli", ".err");
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", arguments) + " did not finish within 2 minutes");
            }
            return new Result(command, p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the gateway's " + arguments[0] + " command", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            delete(out);
            delete(err);
        }
    }

    private static void delete(Path p) {
        if (p != null) {
            p.toFile().delete();
        }
    }
}
