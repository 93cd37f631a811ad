package sempgw.app.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Runs one worker per session on virtual threads (as the gateway's deliveries run), each calling
 * its {@link Step} in a loop, and measures the steady state: a warm-up (not counted), then
 * operations, errors, wall time and this process's CPU time over the measured window. The window
 * ends after {@code duration} or as soon as one worker runs out of work, so every session stays
 * busy while it is measured. JIT compilation time inside the window is reported too: on a busy
 * machine the compiler may still be working long after the warm-up, and its CPU counts here. A failed step counts as an error and the worker goes on; the first
 * failure's text is kept for the report.
 */
final class LoadRun {

    /** One unit of work; false when there is none left. */
    @FunctionalInterface
    interface Step {
        boolean run() throws Exception;
    }

    /** What one window measured. */
    record Window(long operations, long errors, Duration wall, Duration cpu, Duration jit, String firstError, boolean ranOut) {
        double perSecond() {
            return wall.isZero() ? 0 : operations / (wall.toNanos() / 1e9);
        }

        /** Process CPU per operation, both sides together, in milliseconds. */
        double cpuMillisPerOperation() {
            return operations == 0 ? Double.NaN : cpu.toNanos() / 1e6 / operations;
        }
    }

    private LoadRun() {
    }

    static Window run(List<Step> workers, Duration warmup, Duration duration) throws InterruptedException {
        return run(workers, null, warmup, duration);
    }

    /**
     * As {@link #run(List, Duration, Duration)}, but counting {@code progress} (for example
     * envelopes stored by the receiver) instead of completed steps.
     */
    static Window run(List<Step> workers, LongSupplier progress, Duration warmup, Duration duration) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        LongSupplier counter = progress == null ? done::get : progress;
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>("");
        CountDownLatch exhausted = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        for (Step step : workers) {
            threads.add(Thread.ofVirtual().start(() -> {
                while (!stop.get()) {
                    try {
                        if (!step.run()) {
                            exhausted.countDown();
                            return;
                        }
                        done.incrementAndGet();
                    } catch (Exception | AssertionError e) {
                        failed.incrementAndGet();
                        firstError.compareAndSet("", e.toString());
                    }
                }
            }));
        }
        exhausted.await(warmup.toMillis(), TimeUnit.MILLISECONDS);
        long ops0 = counter.getAsLong();
        long err0 = failed.get();
        long cpu0 = processCpuNanos();
        long jit0 = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        long t0 = System.nanoTime();
        exhausted.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        long t1 = System.nanoTime();
        long cpu1 = processCpuNanos();
        long jit1 = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        long ops1 = counter.getAsLong();
        boolean ranOut = exhausted.getCount() == 0;
        long err1 = failed.get();
        stop.set(true);
        for (Thread t : threads) {
            t.join(Duration.ofSeconds(60));
        }
        return new Window(ops1 - ops0, err1 - err0, Duration.ofNanos(t1 - t0), Duration.ofNanos(cpu1 - cpu0),
                Duration.ofMillis(jit1 - jit0), firstError.get(), ranOut);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
