package sempgw.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Each case runs in a JVM of its own ({@link Probe}): locking memory and turning off core dumps
 * are for the life of a process, and the test JVM keeps running other tests.
 */
@EnabledOnOs(OS.LINUX)
final class MemoryProtectionTest {

    @Test
    void excludeFromCoreDumps_onLinux_appliedAndTheProcessIsNoLongerDumpable() throws Exception {
        Map<String, String> probe = probe("dumps");

        assertThat(probe).containsEntry("before", "1").containsEntry("outcome", "Applied[]").containsEntry("after", "0");
    }

    @Test
    void lockAll_lockedPagesWhenApplied_elseAFailureThatSaysWhatToChange() throws Exception {
        Map<String, String> probe = probe("lock");

        if (probe.get("outcome").equals("Applied[]")) {
            assertThat(Long.parseLong(probe.get("VmLck"))).as("kB locked").isPositive();
        } else {
            assertThat(probe.get("outcome")).startsWith("Failed[why=mlockall: ").containsAnyOf("RLIMIT_MEMLOCK", "CAP_IPC_LOCK");
            assertThat(probe.get("VmLck")).isEqualTo("0");
        }
    }

    @Test
    void apply_lockMemoryFalse_nothingLocked_aWarningNamesTheSettingAndTheKeys() throws Exception {
        Map<String, String> probe = probe("off");

        assertThat(probe).containsEntry("VmLck", "0");
        assertThat(probe.get("log")).contains("process memory not locked into RAM (lock_memory = false)", "session keys");
    }

    /** Runs {@link Probe} with {@code step} in a new JVM and returns what it printed, as key=value lines, and its whole output as {@code log}. */
    private static Map<String, String> probe(String step) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED", "-Xmx64m", "-cp",
                System.getProperty("java.class.path"), Probe.class.getName(), step).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        Map<String, String> printed = new HashMap<>(out.lines().filter(l -> l.matches("(before|outcome|after|VmLck)=.*"))
                .map(l -> l.split("=", 2)).collect(Collectors.toMap(kv -> kv[0], kv -> kv[1], (a, b) -> b)));
        printed.put("log", out);
        return printed;
    }

    /** The child: takes one step and prints its outcome and the process's state around it. */
    static final class Probe {
        public static void main(String[] args) throws IOException {
            if (args[0].equals("dumps")) {
                System.out.println("before=" + MemoryProtection.dumpable());
                System.out.println("outcome=" + MemoryProtection.excludeFromCoreDumps());
                System.out.println("after=" + MemoryProtection.dumpable());
            } else if (args[0].equals("off")) {
                MemoryProtection.apply(false);
                System.out.println("VmLck=" + vmLck());
            } else {
                System.out.println("outcome=" + MemoryProtection.lockAll());
                System.out.println("VmLck=" + vmLck());
            }
        }

        private static String vmLck() throws IOException {
            List<String> status = Files.readAllLines(Path.of("/proc/self/status"));
            return status.stream().filter(l -> l.startsWith("VmLck:")).findFirst().orElseThrow().replaceAll("\\D", "");
        }
    }
}
