package sempgw.core.handshake;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded set of keys, each remembered until its own expiry: the store behind
 * {@link SeenNonces} and {@link UsedChallenges}. Expired keys are pruned on insert. When the set
 * is full of live keys the oldest is dropped, so memory stays bounded under a flood and a new key
 * is never refused (a replay of that oldest key would then pass; size the capacity for the
 * expected rate times the window). Synchronized; no threads, no clock.
 */
final class TimedSet {
    private final int capacity;
    private final LinkedHashMap<String, Instant> entries = new LinkedHashMap<>();

    /** What {@link #put} did. */
    enum Added {
        /** The key is remembered until its expiry. */
        ADDED,
        /**
         * The key is remembered until its expiry; every remembered key was live and the one added
         * longest ago was forgotten early to make room.
         */
        ADDED_EVICTING_LIVE,
        /** The key was present and live already; nothing changed. */
        PRESENT
    }

    TimedSet(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    /** Adds {@code key} until {@code until}; false when it is already present and live. */
    synchronized boolean add(String key, Instant until, Instant now) {
        return put(key, until, now) != Added.PRESENT;
    }

    /**
     * Adds {@code key} until {@code until} unless it is present and live; when the set is full, the
     * key added longest ago is forgotten, live or not. Whether it was live is exact when expiries
     * follow insertion order, as they do for one fixed window ({@link SeenNonces}).
     */
    synchronized Added put(String key, Instant until, Instant now) {
        prune(now);
        if (contains(key, now)) {
            return Added.PRESENT;
        }
        entries.remove(key);
        Added added = Added.ADDED;
        if (entries.size() >= capacity) {
            Map.Entry<String, Instant> oldest = entries.entrySet().iterator().next();
            if (now.isBefore(oldest.getValue())) {
                added = Added.ADDED_EVICTING_LIVE;
            }
            entries.remove(oldest.getKey());
        }
        entries.put(key, until);
        return added;
    }

    /** Whether {@code key} is present and live at {@code now}; changes nothing. */
    synchronized boolean contains(String key, Instant now) {
        Instant seen = entries.get(key);
        return seen != null && now.isBefore(seen);
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
