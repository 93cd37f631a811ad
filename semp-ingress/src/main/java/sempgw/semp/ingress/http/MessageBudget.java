package sempgw.semp.ingress.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The server-wide budget of request body bytes held at once (h2 federation bodies being received
 * or waiting for their turn), so that many streams of large messages cannot exhaust memory.
 */
final class MessageBudget {
    private final AtomicLong available;

    MessageBudget(long bytes) {
        available = new AtomicLong(bytes);
    }

    /** Takes {@code bytes} from the budget, or nothing and false when not enough is left. */
    boolean tryReserve(long bytes) {
        while (true) {
            long now = available.get();
            if (now < bytes) {
                return false;
            }
            if (available.compareAndSet(now, now - bytes)) {
                return true;
            }
        }
    }

    void release(long bytes) {
        available.addAndGet(bytes);
    }

    long available() {
        return available.get();
    }
}
