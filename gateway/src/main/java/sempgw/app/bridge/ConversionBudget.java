package sempgw.app.bridge;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How much heap the SEMP route may hold at once for messages it converts, composes and sends.
 * A message is held several times over on the way (its MIME, the decoded parts, the enclosure
 * JSON, the ciphertext, the wire form), so each delivery reserves {@link #FACTOR} times its size
 * first. When the budget is spent, deliveries wait for a while and are then deferred to the queue,
 * instead of many large messages at once ending in an OutOfMemoryError. A message larger than
 * the whole budget takes all of it, and so runs alone. Fair: a large reservation is not passed
 * over by small ones forever. Thread-safe.
 */
final class ConversionBudget {
    /** Heap bytes reserved per message byte: an estimate of the copies a conversion holds. */
    static final int FACTOR = 8;

    private final Semaphore kibibytes;
    private final int capacity;

    /** @param capacityBytes the heap the route may hold at once; at least 1 KiB */
    ConversionBudget(long capacityBytes) {
        this.capacity = (int) Math.clamp(capacityBytes >> 10, 1, Integer.MAX_VALUE);
        this.kibibytes = new Semaphore(capacity, true);
    }

    /** Half the heap the JVM may grow to. */
    static ConversionBudget ofHeap() {
        return new ConversionBudget(Runtime.getRuntime().maxMemory() / 2);
    }

    /** A reservation for a message of {@code messageBytes}, or empty when none came free within {@code wait}. */
    Optional<Reservation> reserve(long messageBytes, Duration wait) throws InterruptedException {
        int n = (int) Math.clamp((Math.max(0, messageBytes) * FACTOR) >> 10, 1, capacity);
        return kibibytes.tryAcquire(n, wait.toNanos(), TimeUnit.NANOSECONDS) ? Optional.of(new Reservation(n)) : Optional.empty();
    }

    /** The KiB free now. */
    int available() {
        return kibibytes.availablePermits();
    }

    /** A held part of the budget; closing gives it back, once. */
    final class Reservation implements AutoCloseable {
        private final int n;
        private final AtomicBoolean open = new AtomicBoolean(true);

        private Reservation(int n) {
            this.n = n;
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                kibibytes.release(n);
            }
        }
    }
}
