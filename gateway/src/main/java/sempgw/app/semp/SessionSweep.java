package sempgw.app.semp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sweeps federation sessions every {@link #INTERVAL} on one virtual thread, passing the clock's
 * time, so an expired session's keys are erased within that of its expiry whether or not any
 * more mail flows (SESSION.md §2.4, CONFORMANCE.md §7.1). The receiving side sweeps its session
 * table through one ({@link SempInbound}), the sender its federation client ({@link SempSender}).
 * A sweep that fails is logged and the next runs on schedule.
 */
final class SessionSweep implements AutoCloseable {
    static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(SessionSweep.class);

    private final ScheduledExecutorService executor;

    private SessionSweep(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /** Runs {@code sweep} every {@link #INTERVAL} on a virtual thread named {@code name}. */
    static SessionSweep start(String name, Consumer<Instant> sweep, Clock clock) {
        return start(name, sweep, clock, INTERVAL);
    }

    static SessionSweep start(String name, Consumer<Instant> sweep, Clock clock, Duration every) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name(name).factory());
        executor.scheduleWithFixedDelay(() -> run(name, sweep, clock, every), every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return new SessionSweep(executor);
    }

    private static void run(String name, Consumer<Instant> sweep, Clock clock, Duration every) {
        try {
            sweep.accept(clock.instant());
        } catch (RuntimeException e) {
            LOG.error("semp: {} failed, trying again in {} ms: {}", name, every.toMillis(), e.toString());
        }
    }

    /** Stops sweeping, waiting up to 5 s for a sweep under way to finish. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
