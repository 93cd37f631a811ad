package sempgw.core.handshake;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded set of keys, each remembered until its own expiry: the store behind
 * {@link SeenNonces} and {@link UsedChallenges}. Expired keys are pruned on insert; when the set
 * is full of live keys the oldest is dropped, so memory stays bounded under a flood (a replay of
 * that oldest key would then pass; size the capacity for the expected rate times the window).
 * Synchronized; no threads, no clock.
 */
final class TimedSet {
    private final int capacity;
    private final LinkedHashMap<String, Instant> entries = new LinkedHashMap<>();

    TimedSet(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    /** Adds {@code key} until {@code until}; false when it is already present and live. */
    synchronized boolean add(String key, Instant until, Instant now) {
        prune(now);
        Instant seen = entries.get(key);
        if (seen != null && now.isBefore(seen)) {
            return false;
        }
        entries.remove(key);
        if (entries.size() >= capacity) {
            Iterator<Map.Entry<String, Instant>> it = entries.entrySet().iterator();
            it.next();
            it.remove();
        }
        entries.put(key, until);
        return true;
    }

    synchronized int size() {
        return entries.size();
    }

    private void prune(Instant now) {
        Iterator<Map.Entry<String, Instant>> it = entries.entrySet().iterator();
        int scanned = 0;
        while (it.hasNext() && scanned++ < 64) {
            if (now.isBefore(it.next().getValue())) {
                return;
            }
            it.remove();
        }
    }
}
