package sempgw.core.handshake;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded set of keys, each remembered until its own expiry: the store behind
 * {@link SeenNonces} and {@link UsedChallenges}. Expired keys are pruned on insert. When the set
 * is full of live keys, {@link #add} drops the oldest, so memory stays bounded under a flood (a
 * replay of that oldest key would then pass; size the capacity for the expected rate times the
 * window), while {@link #addWithoutEvicting} refuses the new key and forgets nothing live.
 * Synchronized; no threads, no clock.
 */
final class TimedSet {
    private final int capacity;
    private final LinkedHashMap<String, Instant> entries = new LinkedHashMap<>();

    /** What {@link #addWithoutEvicting} did. */
    enum Added {
        /** The key is remembered until its expiry. */
        ADDED,
        /** The key was present and live already; nothing changed. */
        PRESENT,
        /** Every remembered key is live and there is no room; nothing changed. */
        FULL
    }

    TimedSet(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    /** Adds {@code key} until {@code until}; false when it is already present and live. */
    synchronized boolean add(String key, Instant until, Instant now) {
        Added added = addWithoutEvicting(key, until, now);
        if (added == Added.FULL) {
            entries.remove(entries.keySet().iterator().next());
            entries.put(key, until);
        }
        return added != Added.PRESENT;
    }

    /**
     * Adds {@code key} until {@code until} unless it is present and live, or the set is full of live
     * keys. Fullness is judged by the key added longest ago, which is exact when expiries follow
     * insertion order, as they do for one fixed window ({@link SeenNonces}).
     */
    synchronized Added addWithoutEvicting(String key, Instant until, Instant now) {
        prune(now);
        if (contains(key, now)) {
            return Added.PRESENT;
        }
        entries.remove(key);
        if (entries.size() >= capacity) {
            Map.Entry<String, Instant> oldest = entries.entrySet().iterator().next();
            if (now.isBefore(oldest.getValue())) {
                return Added.FULL;
            }
            entries.remove(oldest.getKey());
        }
        entries.put(key, until);
        return Added.ADDED;
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
