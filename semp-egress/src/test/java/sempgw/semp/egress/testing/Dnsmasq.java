package sempgw.semp.egress.testing;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A real dnsmasq (Debian package dnsmasq-base) run as a child process on 127.0.0.1 and a free
 * port, serving only the records given on its command line. The binary is taken from the system,
 * or else unpacked with {@code apt-get download} + {@code dpkg-deb -x} into {@code target/}
 * together with any library packages the machine lacks. If neither works the caller fails with a
 * message asking for dnsmasq-base: this test never skips.
 */
public final class Dnsmasq implements AutoCloseable {

    private static final List<Path> SYSTEM = List.of(Path.of("/usr/sbin/dnsmasq"), Path.of("/usr/bin/dnsmasq"), Path.of("/sbin/dnsmasq"));
    private static final String INSTALL_HINT = "dnsmasq is required by the discovery tests: install the Debian package dnsmasq-base "
            + "(apt-get install dnsmasq-base; .ci/run does this)";

    private final Process process;
    private final int port;
    private final Path log;

    private Dnsmasq(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts dnsmasq with {@code recordOptions} (e.g. {@code --srv-host=...}) and {@code configLines}
     * (config-file syntax, for values that need quoting: on the command line dnsmasq splits a
     * TXT value at every comma into separate character-strings), and waits until it answers.
     */
    public static Dnsmasq start(List<String> recordOptions, List<String> configLines) throws IOException, InterruptedException {
        Binary binary = locate();
        Path dir = Files.createDirectories(targetDir().resolve("dnsmasq-run"));
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            Path log = dir.resolve("dnsmasq-" + port + ".log");
            Path conf = Files.write(dir.resolve("dnsmasq-" + port + ".conf"), configLines);
            List<String> cmd = new ArrayList<>(List.of(binary.path().toString(), "--no-daemon", "--no-resolv", "--no-hosts",
                    "--conf-file=/dev/null", "--port=" + port, "--listen-address=127.0.0.1", "--bind-interfaces",
                    "--pid-file=", "--log-facility=-", "--local-ttl=600", "--conf-file=" + conf));
            if ("root".equals(System.getProperty("user.name"))) {
                cmd.add("--user=root");
            }
            cmd.addAll(recordOptions);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            if (binary.libraryPath() != null) {
                pb.environment().put("LD_LIBRARY_PATH", binary.libraryPath());
            }
            Dnsmasq d = new Dnsmasq(pb.start(), port, log);
            boolean ready = false;
            try {
                ready = d.awaitReady(Duration.ofSeconds(10));
            } finally {
                if (!ready) {
                    d.close();
                }
            }
            if (ready) {
                return d;
            }
            last = new IOException("dnsmasq did not answer on port " + port + ": " + Files.readString(log));
        }
        throw last;
    }

    public SimpleResolver resolver() {
        SimpleResolver r = new SimpleResolver(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        r.setTimeout(Duration.ofSeconds(2));
        return r;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    private boolean awaitReady(Duration max) throws InterruptedException {
        SimpleResolver r = new SimpleResolver(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        r.setTimeout(Duration.ofMillis(200));
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                r.send(Message.newQuery(Record.newRecord(Name.fromConstantString("ready.invalid."), Type.A, DClass.IN)));
                return true;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        return false;
    }

    /** Stops this dnsmasq (SIGTERM, then SIGKILL after 5 s); only the process this instance started. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private record Binary(Path path, String libraryPath) {
    }

    private static Binary locate() throws IOException, InterruptedException {
        for (Path p : SYSTEM) {
            if (Files.isExecutable(p)) {
                return new Binary(p, null);
            }
        }
        Path root = targetDir().resolve("dnsmasq-deb/root");
        Path unpacked = root.resolve("usr/sbin/dnsmasq");
        if (!Files.isExecutable(unpacked)) {
            unpack(root);
        }
        String libs = root.resolve("usr/lib/x86_64-linux-gnu") + ":" + root.resolve("lib/x86_64-linux-gnu")
                + ":" + root.resolve("usr/lib") + ":" + root.resolve("lib");
        if (!Files.isExecutable(unpacked) || run(List.of(unpacked.toString(), "--version"), libs).exit() != 0) {
            throw new AssertionError(INSTALL_HINT + "; unpacking it into " + root + " did not give a runnable binary");
        }
        return new Binary(unpacked, libs);
    }

    /** Downloads dnsmasq-base and the dependency packages this machine does not have, and unpacks them under {@code root}. */
    private static void unpack(Path root) throws IOException, InterruptedException {
        Path debs = Files.createDirectories(root.getParent().resolve("debs"));
        Files.createDirectories(root);
        Set<String> missing = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of("dnsmasq-base"));
        while (!todo.isEmpty()) {
            String pkg = todo.pop();
            if (!missing.add(pkg)) {
                continue;
            }
            Result deps = run(List.of("apt-cache", "depends", "--no-recommends", "--no-suggests", pkg), null);
            for (String line : deps.output().lines().toList()) {
                String t = line.strip();
                if (t.startsWith("Depends:") && !line.contains("|Depends:")) {
                    String dep = t.substring("Depends:".length()).strip();
                    if (!dep.startsWith("<") && run(List.of("dpkg", "-s", dep), null).exit() != 0) {
                        todo.add(dep);
                    }
                }
            }
        }
        List<String> download = new ArrayList<>(List.of("apt-get", "download"));
        download.addAll(missing);
        Result got = run(download, null, debs);
        if (got.exit() != 0) {
            throw new AssertionError(INSTALL_HINT + "; apt-get download " + missing + " failed: " + got.output());
        }
        try (var files = Files.list(debs)) {
            for (Path deb : files.filter(f -> f.toString().endsWith(".deb")).toList()) {
                Result x = run(List.of("dpkg-deb", "-x", deb.toString(), root.toString()), null);
                if (x.exit() != 0) {
                    throw new AssertionError(INSTALL_HINT + "; dpkg-deb -x " + deb + " failed: " + x.output());
                }
            }
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> cmd, String libraryPath) throws InterruptedException {
        return run(cmd, libraryPath, null);
    }

    private static Result run(List<String> cmd, String libraryPath, Path dir) throws InterruptedException {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            if (libraryPath != null) {
                pb.environment().put("LD_LIBRARY_PATH", libraryPath);
            }
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, out + " (timed out)");
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            return new Result(-1, cmd.getFirst() + ": " + e.getMessage());
        }
    }

    private static Path targetDir() {
        String basedir = System.getProperty("basedir");
        return (basedir == null ? Path.of("") : Path.of(basedir)).toAbsolutePath().resolve("target");
    }

    /** A port free for both UDP and TCP on 127.0.0.1 at the time of asking. */
    private static int freePort() throws IOException {
        for (int i = 0; i < 20; i++) {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
                try (ServerSocket tcp = new ServerSocket(udp.getLocalPort(), 1, InetAddress.getLoopbackAddress())) {
                    return tcp.getLocalPort();
                } catch (IOException inUseOverTcp) {
                    continue;
                }
            }
        }
        throw new IOException("no free port on 127.0.0.1");
    }
}
