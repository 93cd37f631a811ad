package sempgw.e2e.postfix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import sempgw.e2e.support.Commands;
import sempgw.e2e.support.Directories;
import sempgw.e2e.support.SmtpProbe;

/**
 * A private Postfix relay run from the unpacked Debian package ({@link PostfixPackage}) with
 * its own configuration, queue and log ({@link PostfixConfig}): started with
 * {@code postfix -c <dir> start}, ready once its SMTP port greets, stopped with
 * {@code postfix -c <dir> stop} in {@link #close()}, which then kills any of the master's
 * processes still alive. Needs root, like any Postfix start.
 */
public final class PostfixInstance implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private final PostfixPackage pkg;
    private final PostfixConfig config;
    private final List<ProcessHandle> processes = new ArrayList<>();

    private PostfixInstance(PostfixPackage pkg, PostfixConfig config) {
        this.pkg = pkg;
        this.config = config;
    }

    /** Writes the configuration into an empty {@code config.directory()} and starts Postfix. */
    public static PostfixInstance start(PostfixPackage pkg, PostfixConfig config) {
        String user = ProcessHandle.current().info().user().orElse("?");
        if (!"root".equals(user)) {
            throw new IllegalStateException("a private Postfix needs root to start (postfix start); running as " + user);
        }
        PostfixAccounts accounts = PostfixAccounts.resolve();
        PostfixInstance instance = new PostfixInstance(pkg, config);
        try {
            Directories.deleteRecursively(config.directory());
            Path etc = Files.createDirectories(config.configDirectory());
            Files.createDirectories(config.queueDirectory());
            Files.createDirectories(etc.resolve("dynamicmaps.cf.d"));
            Files.createDirectories(etc.resolve("postfix-files.d"));
            Files.copy(pkg.root().resolve("etc/postfix/postfix-files"), etc.resolve("postfix-files"));
            Files.copy(pkg.root().resolve("usr/share/postfix/dynamicmaps.cf"), etc.resolve("dynamicmaps.cf"));
            Files.writeString(etc.resolve("main.cf"), config.mainCf(pkg, accounts));
            Files.writeString(etc.resolve("master.cf"), config.masterCf());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Postfix configuration under " + config.directory(), e);
        }
        Commands.Result started = instance.postfix("start");
        instance.rememberProcesses();
        if (!started.succeeded() || !SmtpProbe.greets(config.smtpPort(), START_TIMEOUT)) {
            String log = instance.logTail(40);
            instance.close();
            throw new IllegalStateException("Postfix did not start (" + started.exitCode() + "):\n"
                    + started.output() + "\nmaillog:\n" + log);
        }
        return instance;
    }

    public int smtpPort() {
        return config.smtpPort();
    }

    public PostfixConfig config() {
        return config;
    }

    /** Messages still in Postfix's queue (incoming, active, deferred, hold, maildrop). */
    public long queuedMessages() {
        long n = 0;
        for (String dir : List.of("incoming", "active", "deferred", "hold", "maildrop")) {
            Path d = config.queueDirectory().resolve(dir);
            if (Files.isDirectory(d)) {
                try (Stream<Path> files = Files.walk(d)) {
                    n += files.filter(Files::isRegularFile).count();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + d, e);
                }
            }
        }
        return n;
    }

    /** The maillog lines that contain {@code needle}. */
    public List<String> logLines(String needle) {
        return readLog().stream().filter(l -> l.contains(needle)).toList();
    }

    public String logTail(int lines) {
        List<String> all = readLog();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private List<String> readLog() {
        try {
            if (!Files.exists(config.maillog())) {
                return List.of();
            }
            return new String(Files.readAllBytes(config.maillog()), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + config.maillog(), e);
        }
    }

    private Commands.Result postfix(String action) {
        return Commands.run(pkg.commandLine("postfix", "-c", config.configDirectory().toString(), action),
                config.directory(), pkg.environment(), Duration.ofSeconds(60));
    }

    private void rememberProcesses() {
        masterPid().flatMap(ProcessHandle::of).ifPresent(master -> {
            processes.add(master);
            master.descendants().forEach(processes::add);
        });
    }

    private Optional<Long> masterPid() {
        Path pidFile = config.queueDirectory().resolve("pid/master.pid");
        try {
            return Files.exists(pidFile) ? Optional.of(Long.parseLong(Files.readString(pidFile).strip())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Stops Postfix; whatever of it survives {@code postfix stop} is killed. */
    @Override
    public void close() {
        rememberProcesses();
        postfix("stop");
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        for (ProcessHandle p : processes) {
            while (p.isAlive() && System.nanoTime() < deadline) {
                sleep(Duration.ofMillis(50));
            }
        }
        processes.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
