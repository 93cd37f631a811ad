package sempgw.e2e.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import sempgw.e2e.support.SmtpProbe;

/**
 * The gateway running as its own operating-system process, its output appended to a log
 * file. {@link #killHard()} is {@code kill -9}; {@link #close()} asks it to stop (SIGTERM)
 * and kills it if it has not stopped after 30 seconds.
 */
public final class GatewayProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private final List<String> command;
    private final int smtpPort;
    private final Path log;
    private final Process process;

    private GatewayProcess(List<String> command, int smtpPort, Path log, Process process) {
        this.command = command;
        this.smtpPort = smtpPort;
        this.log = log;
        this.process = process;
    }

    /** Starts the gateway and waits until its SMTP port greets. */
    public static GatewayProcess start(List<String> command, int smtpPort, Path log) {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "=== start: " + String.join(" ", command) + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            GatewayProcess gateway = new GatewayProcess(command, smtpPort, log, p);
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (!SmtpProbe.greets(smtpPort, Duration.ofMillis(500))) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    gateway.killHard();
                    throw new IllegalStateException("the gateway did not start (exit " + (p.isAlive() ? "none" : p.exitValue())
                            + "); log tail:\n" + gateway.logTail(40));
                }
            }
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the gateway: " + command, e);
        }
    }

    /** Starts the same command again (same configuration and data directory), after this one has exited. */
    public GatewayProcess restart() {
        if (process.isAlive()) {
            throw new IllegalStateException("the gateway " + process.pid() + " is still running");
        }
        return start(command, smtpPort, log);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL to the gateway and anything it started; returns once it is gone. */
    public void killHard() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the gateway " + process.pid() + " survived SIGKILL for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Peak resident set size so far, in KiB ({@code VmHWM} in {@code /proc/<pid>/status}). */
    public long peakRssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            throw new IllegalStateException("no VmHWM for " + process.pid());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the status of " + process.pid(), e);
        }
    }

    public String logTail(int lines) {
        try {
            List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** The log lines containing {@code needle}. */
    public List<String> logLines(String needle) {
        try {
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().filter(l -> l.contains(needle)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                killHard();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killHard();
        }
    }
}
