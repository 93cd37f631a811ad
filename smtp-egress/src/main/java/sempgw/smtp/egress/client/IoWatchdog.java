package sempgw.smtp.egress.client;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Enforces read and write timeouts on client connections: a blocked read or write that
 * outlasts its limit has its connection closed, which unblocks it. {@code Socket} offers a
 * read timeout only, and Unix-domain channels offer none; RFC 5321 §4.5.3.2 wants both (the
 * data block timeout is a write timeout). One daemon thread checks every {@value #TICK_MILLIS} ms.
 */
public final class IoWatchdog implements AutoCloseable {

    static final long TICK_MILLIS = 100;

    private final Set<Guard> guards = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker;

    public IoWatchdog() {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "smtp-egress-io-watchdog");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Watches one connection; {@link Guard#release()} when the connection closes. */
    public Guard guard(Closeable connection) {
        Guard guard = new Guard(connection);
        guards.add(guard);
        return guard;
    }

    private void tick() {
        long now = System.nanoTime();
        for (Guard guard : guards) {
            long deadline = guard.deadline;
            if (deadline != 0 && now - deadline > 0) {
                guard.fire();
            }
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }

    /** The timer of one connection: at most one blocking operation runs at a time. */
    public final class Guard {
        private final Closeable connection;
        private volatile long limitNanos = Duration.ofMinutes(5).toNanos();
        private volatile long deadline;
        private volatile boolean fired;

        private Guard(Closeable connection) {
            this.connection = connection;
        }

        /** Sets the limit for the following operations. */
        public void limit(Duration limit) {
            limitNanos = limit.toNanos();
        }

        void begin() {
            long d = System.nanoTime() + limitNanos;
            deadline = d == 0 ? 1 : d;
        }

        void end() {
            deadline = 0;
        }

        boolean fired() {
            return fired;
        }

        Duration currentLimit() {
            return Duration.ofNanos(limitNanos);
        }

        private void fire() {
            fired = true;
            deadline = 0;
            try {
                connection.close();
            } catch (IOException ignored) {
                // closing is the whole point; a failure to close leaves nothing to do
            }
        }

        public void release() {
            guards.remove(this);
        }

        IoWatchdog owner() {
            return IoWatchdog.this;
        }
    }
}
