package sempgw.semp.egress.keys;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verified user keys by canonical address, each until its {@link UserKeys#expiresAt()} (the peer
 * configuration's {@code ttl_seconds}, DISCOVERY.md §3.5.2; CLIENT.md §5.4.6 "MUST NOT cache keys
 * beyond the TTL"). At most {@code maxEntries} addresses: when full, stale entries go first, then
 * an arbitrary one. Thread-safe.
 */
final class UserKeysCache {
    private final ConcurrentHashMap<String, UserKeys> entries = new ConcurrentHashMap<>();
    private final int maxEntries;

    UserKeysCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
    }

    /** The keys of {@code address} while fresh at {@code now}. */
    Optional<UserKeys> get(String address, Instant now) {
        UserKeys k = entries.get(address);
        return k != null && now.isBefore(k.expiresAt()) ? Optional.of(k) : Optional.empty();
    }

    void put(UserKeys keys, Instant now) {
        if (entries.size() >= maxEntries && !entries.containsKey(keys.address())) {
            entries.values().removeIf(k -> !now.isBefore(k.expiresAt()));
            while (entries.size() >= maxEntries) {
                entries.keySet().stream().findAny().ifPresent(entries::remove);
            }
        }
        entries.put(keys.address(), keys);
    }

    void invalidate(String address) {
        entries.remove(address);
    }

    int size() {
        return entries.size();
    }
}
