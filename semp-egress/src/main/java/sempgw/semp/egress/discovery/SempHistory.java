package sempgw.semp.egress.discovery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the gateway remembers about domains it has seen speaking SEMP, beyond any cache TTL:
 *
 * <ul>
 *   <li>a pin: for {@code pinDuration} after the last SEMP discovery, losing the SEMP records is
 *       a temporary failure, not a reason to send in clear (GATEWAY.md §4, like MTA-STS
 *       {@code max_age}, RFC 8461 §5);</li>
 *   <li>the highest configuration revision accepted, for {@code revisionMemory}, so a lower one
 *       is refused as a rollback (DISCOVERY.md §3.5.1).</li>
 * </ul>
 * Only an explicit opt-out (an SRV record with target ".") clears a pin early. In memory, bounded
 * to {@code maxEntries} domains (least recently seen dropped first). Thread-safe.
 */
final class SempHistory {

    private record Seen(Instant lastSemp, long highestRevision) {
    }

    private final Clock clock;
    private final Duration pinDuration;
    private final Duration revisionMemory;
    private final Map<String, Seen> seen;

    SempHistory(Clock clock, Duration pinDuration, Duration revisionMemory, int maxEntries) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pinDuration = Objects.requireNonNull(pinDuration, "pinDuration");
        this.revisionMemory = Objects.requireNonNull(revisionMemory, "revisionMemory");
        this.seen = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** Records a successful SEMP discovery with configuration {@code revision}. */
    synchronized void sawSemp(String domain, long revision) {
        Seen before = seen.get(domain);
        long highest = before == null ? revision : Math.max(revision, current(before).orElse(revision));
        seen.put(domain, new Seen(clock.instant(), highest));
    }

    /** The end of the pin, when {@code domain} is pinned now. */
    synchronized Optional<Instant> pinnedUntil(String domain) {
        Seen s = seen.get(domain);
        if (s == null) {
            return Optional.empty();
        }
        Instant until = s.lastSemp().plus(pinDuration);
        return clock.instant().isBefore(until) ? Optional.of(until) : Optional.empty();
    }

    /** The highest revision accepted within {@code revisionMemory}. */
    synchronized OptionalLong highestRevision(String domain) {
        Seen s = seen.get(domain);
        return s == null ? OptionalLong.empty() : current(s);
    }

    /** Forgets the domain: it declared that it does not offer SEMP (RFC 2782 target "."). */
    synchronized void optOut(String domain) {
        seen.remove(domain);
    }

    private OptionalLong current(Seen s) {
        return clock.instant().isBefore(s.lastSemp().plus(revisionMemory)) ? OptionalLong.of(s.highestRevision()) : OptionalLong.empty();
    }
}
