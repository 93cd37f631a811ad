package sempgw.core.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.openjdk.jmh.annotations.Setup;

/**
 * CPU time per operation of one benchmark method, for A/B comparisons on a shared, loaded machine
 * where JMH's throughput mostly measures the neighbours: the benchmark thread's CPU time
 * ({@link ThreadMXBean#getCurrentThreadCpuTime}) does not count time spent waiting for a core.
 * It leaves out the garbage collector's threads (the process CPU clock is too coarse here), so
 * pair it with JMH's {@code -prof gc} bytes per operation. Cache effects of the load remain:
 * compare builds run back to back.
 *
 * <pre>{@code java -cp ... sempgw.core.bench.CpuPerOp EnvelopeBenchmark composeAndSeal suite=pq-kyber768-x25519 recipients=1}</pre>
 *
 * Prints the median (min-max) over {@value #ROUNDS} rounds of µs per operation and the
 * equivalent single-core ops/s.
 */
public final class CpuPerOp {
    private static final int ROUNDS = 7;
    private static final long ROUND_CPU_NANOS = 1_000_000_000L;

    private CpuPerOp() {
    }

    public static void main(String[] args) throws Exception {
        Class<?> type = Class.forName("sempgw.core.bench." + args[0]);
        Object bench = type.getConstructor().newInstance();
        for (int i = 2; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            var field = type.getField(kv[0]);
            field.set(bench, field.getType() == int.class ? (Object) Integer.parseInt(kv[1]) : kv[1]);
        }
        for (Method m : type.getMethods()) {
            if (m.isAnnotationPresent(Setup.class)) {
                m.invoke(bench);
            }
        }
        Method op = type.getMethod(args[1]);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        round(op, bench, cpu);
        round(op, bench, cpu);
        double[] micros = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            micros[r] = round(op, bench, cpu);
        }
        Arrays.sort(micros);
        double median = micros[ROUNDS / 2];
        System.out.printf("%s.%s %s: %.1f us/op CPU (%.1f-%.1f), %.0f ops/s per core%n", args[0], args[1],
                String.join(" ", Arrays.copyOfRange(args, 2, args.length)), median, micros[0], micros[ROUNDS - 1],
                1e6 / median);
    }

    /** Runs {@code op} for about one CPU second; returns CPU microseconds per call. */
    private static double round(Method op, Object bench, ThreadMXBean cpu) throws Exception {
        long start = cpu.getCurrentThreadCpuTime();
        long calls = 0;
        Object sink = null;
        while (cpu.getCurrentThreadCpuTime() - start < ROUND_CPU_NANOS) {
            for (int i = 0; i < 20; i++) {
                sink = op.invoke(bench);
            }
            calls += 20;
        }
        if (sink == null && op.getReturnType() != void.class) {
            throw new IllegalStateException("benchmark returned null");
        }
        return (cpu.getCurrentThreadCpuTime() - start) / 1e3 / calls;
    }
}
