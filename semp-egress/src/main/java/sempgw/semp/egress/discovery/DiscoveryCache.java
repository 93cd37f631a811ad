package sempgw.semp.egress.discovery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Discovery results by domain, each until its TTL runs out (DISCOVERY.md §6.1): an expired entry
 * is never served. At most {@code maxEntries} domains are kept; the least recently used goes
 * first. {@link DiscoveryResult.Temporary} results are refused, so a failure is always re-asked.
 * Time comes from the injected clock. Thread-safe.
 */
final class DiscoveryCache {

    private record Cached(DiscoveryResult result, Instant expires) {
    }

    private final Clock clock;
    private final Map<String, Cached> entries;
    private long generation;

    DiscoveryCache(Clock clock, int maxEntries) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** The live entry for {@code domain}; an expired one is dropped (DISCOVERY.md §6.1: never stale). */
    synchronized Optional<DiscoveryResult> get(String domain) {
        Cached e = entries.get(domain);
        if (e == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(e.expires())) {
            entries.remove(domain);
            return Optional.empty();
        }
        return Optional.of(e.result());
    }

    /**
     * Stores {@code result} for {@code ttl}, unless an invalidation happened since
     * {@code generation} was read (a discovery that raced an invalidation is not cached).
     */
    synchronized void put(String domain, DiscoveryResult result, Duration ttl, long generation) {
        if (result instanceof DiscoveryResult.Temporary || ttl.isNegative() || ttl.isZero() || generation != this.generation) {
            return;
        }
        entries.put(domain, new Cached(result, clock.instant().plus(ttl)));
    }

    /** The invalidation counter, read before a discovery starts. */
    synchronized long generation() {
        return generation;
    }

    /** Forgets {@code domain}; the next discovery runs the full flow (DISCOVERY.md §6.1, §3.5.3). */
    synchronized void invalidate(String domain) {
        generation++;
        entries.remove(domain);
    }

    synchronized int size() {
        return entries.size();
    }
}
