package sempgw.app.qmgr;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * At most {@code limit} delivery transactions per destination at once (Postfix's
 * {@code default_destination_concurrency_limit}). A destination's semaphore exists only while
 * someone holds or waits for it, so the map does not grow with every domain ever seen.
 */
final class DestinationLimiter {
    private final int limit;
    private final Map<String, Slot> slots = new HashMap<>();

    private static final class Slot {
        final Semaphore semaphore;
        int users;

        Slot(int limit) {
            semaphore = new Semaphore(limit, true);
        }
    }

    /** A held slot; closing it lets the next transaction to that destination start. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    DestinationLimiter(int limit) {
        this.limit = limit;
    }

    /** Blocks (a virtual thread parks cheaply) until the destination has a free slot. */
    Permit acquire(String destination) throws InterruptedException {
        Slot slot;
        synchronized (slots) {
            slot = slots.computeIfAbsent(destination, d -> new Slot(limit));
            slot.users++;
        }
        try {
            slot.semaphore.acquire();
        } catch (InterruptedException e) {
            leave(destination, slot);
            throw e;
        }
        return () -> {
            slot.semaphore.release();
            leave(destination, slot);
        };
    }

    private void leave(String destination, Slot slot) {
        synchronized (slots) {
            if (--slot.users == 0) {
                slots.remove(destination);
            }
        }
    }

    /** Destinations with a transaction running or waiting (for tests and {@code queue} output). */
    int trackedDestinations() {
        synchronized (slots) {
            return slots.size();
        }
    }
}
