package sempgw.app.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import sempgw.core.crypto.SuiteId;

/**
 * The report: machine, load average before and after (marked "under load" above 1 per CPU), and
 * one markdown row per configuration with two ratios. "JIT s" is compiler time inside the
 * measured window (non-zero: the JVM was still warming up, and its CPU is in "CPU ms/op"). "vs in-memory" divides by the same suite's
 * in-memory row of this run (what the network, TLS and HTTP layers cost); "vs semp-go" divides
 * handshakes by semp-go's federation handshake, both sides in memory on one core
 * (PERF-ANCHORS.md: 824/s baseline, 725/s PQ); semp-go has no end-to-end envelope anchor.
 */
final class ReportTable {
    private static final Map<SuiteId, Double> SEMP_GO_FEDERATION_HANDSHAKE = Map.of(
            SuiteId.X25519_CHACHA20_POLY1305, 824.0, SuiteId.PQ_KYBER768_X25519, 725.0);

    private ReportTable() {
    }

    static String render(List<Result> results, Instant started, String loadBefore, String loadAfter, Duration warmup, Duration duration) {
        StringBuilder out = new StringBuilder();
        int cpus = Runtime.getRuntime().availableProcessors();
        boolean loaded = busy(loadBefore, cpus) || busy(loadAfter, cpus);
        out.append("### Federation benchmark, ").append(started.truncatedTo(ChronoUnit.MINUTES)).append(loaded ? " (UNDER LOAD)" : "")
                .append("\n\n");
        out.append("Machine: ").append(Machine.describe()).append(".\n");
        out.append("Load average (1/5/15 min) before: ").append(loadBefore).append("; after: ").append(loadAfter)
                .append(loaded ? " -- **under load**: other processes shared the CPUs, figures are low and noisy." : ".").append('\n');
        out.append("Each row: ").append(warmup.toSeconds()).append(" s warm-up, then up to ").append(duration.toSeconds())
                .append(" s measured; sender and receiver in one JVM on loopback; CPU = this process's CPU time per operation, both sides.\n\n");
        out.append("| what | suite | transport | sessions | per second | measured s | CPU ms/op | JIT s | vs in-memory | vs semp-go | errors | inbox |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            LoadRun.Window w = r.window();
            out.append("| ").append(r.label()).append(" | ").append(Result.suiteName(r.suite())).append(" | ").append(r.transport().label)
                    .append(" | ").append(r.sessions()).append(" | ").append(number(w.perSecond())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f", w.wall().toMillis() / 1000.0)).append(w.ranOut() ? " (pool used up)" : "")
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f", w.cpuMillisPerOperation())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f", w.jit().toMillis() / 1000.0)).append(" | ")
                    .append(inMemory(results, r).map(m -> ratio(w.perSecond() / m)).orElse("-")).append(" | ")
                    .append(r.what().equals("handshakes") ? ratio(w.perSecond() / SEMP_GO_FEDERATION_HANDSHAKE.get(r.suite())) : "-")
                    .append(" | ").append(w.errors() == 0 ? "0" : w.errors() + " (" + w.firstError().replace('|', '/') + ")")
                    .append(" | ").append(r.durability()).append(" |\n");
        }
        return out.toString();
    }

    private static Optional<Double> inMemory(List<Result> results, Result r) {
        if (r.transport() == Transport.MEMORY) {
            return Optional.empty();
        }
        return results.stream().filter(m -> m.transport() == Transport.MEMORY && m.what().equals(r.what()) && m.suite() == r.suite())
                .findFirst().map(m -> m.window().perSecond());
    }

    private static boolean busy(String load, int cpus) {
        try {
            return Double.parseDouble(load.split(" ")[0]) > cpus;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String number(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String ratio(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
