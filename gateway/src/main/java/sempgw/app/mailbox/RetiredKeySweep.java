package sempgw.app.mailbox;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erases retired encryption keys once their decryption window has passed (CLIENT.md §5.2), every
 * {@link #INTERVAL} on one virtual thread, so no private key outlives its window by more than that
 * while the gateway runs.
 */
public final class RetiredKeySweep implements AutoCloseable {
    static final Duration INTERVAL = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(RetiredKeySweep.class);

    private final ScheduledExecutorService executor;

    private RetiredKeySweep(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    public static RetiredKeySweep start(MailboxStore store) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("mailbox-sweep").factory());
        executor.scheduleWithFixedDelay(() -> sweep(store), INTERVAL.toMinutes(), INTERVAL.toMinutes(), TimeUnit.MINUTES);
        return new RetiredKeySweep(executor);
    }

    private static void sweep(MailboxStore store) {
        try {
            int erased = store.sweep();
            if (erased > 0) {
                LOG.info("mailbox agent: {} mailbox(es) had retired keys past their decryption window erased", erased);
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("mailbox agent: sweep of retired keys failed, trying again in {}: {}", INTERVAL, e.toString());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
