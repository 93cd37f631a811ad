package sempgw.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code semp-gateway run} as its own process, as a service manager runs it: SIGTERM (systemctl
 * stop, docker stop) or SIGINT (Ctrl-C) stops it cleanly with exit code 0, where the JVM's own
 * handling exits 143 or 130, which systemd counts as a failed stop.
 */
final class RunCommandTest {
    @TempDir
    Path dir;

    @Test
    void run_sigterm_stopsCleanlyWithExitCode0() throws Exception {
        assertStopsCleanly("TERM");
    }

    @Test
    void run_sigint_stopsCleanlyWithExitCode0() throws Exception {
        assertStopsCleanly("INT");
    }

    private void assertStopsCleanly(String signal) throws Exception {
        Path config = Files.writeString(dir.resolve("gw.toml"), """
                data_dir = "%s"
                lock_memory = false
                [smtp]
                listen = "127.0.0.1:0"
                hostname = "gw.test"
                """.formatted(dir.resolve("data")));
        Path log = dir.resolve("run.log");
        String java = ProcessHandle.current().info().command().orElseThrow();
        ProcessBuilder command = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "sempgw.app.Main", "run", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        command.environment().put("SEMPGW_LOG_LEVEL", "INFO");
        Process gateway = command.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!read(log).contains("gateway started")) {
                assertThat(gateway.isAlive()).as("the gateway runs; its log:\n%s", read(log)).isTrue();
                assertThat(System.nanoTime()).as("the gateway starts within 60 s; its log:\n%s", read(log)).isLessThan(deadline);
                Thread.sleep(100);
            }
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(gateway.pid())).inheritIO().start();
            assertThat(kill.waitFor()).isZero();
            assertThat(gateway.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s of SIG%s", signal).isTrue();
            assertThat(gateway.exitValue()).as("exit code after SIG%s; log:\n%s", signal, read(log)).isZero();
            assertThat(read(log)).contains("gateway stopping", "gateway stopped");
            assertThat(dir.resolve("data/control.sock")).doesNotExist();
        } finally {
            gateway.destroyForcibly();
        }
    }

    private static String read(Path log) throws java.io.IOException {
        return Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8) : "";
    }
}
