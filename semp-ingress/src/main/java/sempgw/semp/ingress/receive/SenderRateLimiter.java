package sempgw.semp.ingress.receive;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The per-sender-domain counter of DELIVERY.md §6.5: envelopes to non-known-correspondent
 * recipients (existing and nonexistent alike, §6.5.1) in fixed one-hour windows. The submission
 * that takes a domain above {@link RateLimitPolicy#perHour()} starts its throttle window. Holds at
 * most {@code maxDomains} domains; idle, unthrottled ones are dropped first. Thread-safe.
 */
final class SenderRateLimiter {
    private static final Duration WINDOW = Duration.ofHours(1);

    private final RateLimitPolicy policy;
    private final int maxDomains;
    private final Map<String, Counter> counters = new HashMap<>();

    SenderRateLimiter(RateLimitPolicy policy, int maxDomains) {
        this.policy = policy;
        this.maxDomains = maxDomains;
    }

    /**
     * Counts one submission from {@code domain} when {@code counted} (non-known-correspondent
     * traffic) and tells whether the domain is throttled at {@code now}.
     */
    synchronized boolean throttled(String domain, boolean counted, Instant now) {
        Counter c = counters.get(domain);
        if (c == null) {
            if (!counted) {
                return false;
            }
            if (counters.size() >= maxDomains) {
                prune(now);
            }
            c = new Counter(now);
            counters.put(domain, c);
        }
        if (!now.isBefore(c.windowStart.plus(WINDOW))) {
            c.windowStart = now;
            c.count = 0;
        }
        if (counted && ++c.count > policy.perHour() && !c.throttledAt(now)) {
            c.throttledUntil = now.plus(policy.throttle());
        }
        return c.throttledAt(now);
    }

    private void prune(Instant now) {
        counters.values().removeIf(c -> !c.throttledAt(now) && !now.isBefore(c.windowStart.plus(WINDOW)));
        if (counters.size() >= maxDomains) {
            counters.values().removeIf(c -> !c.throttledAt(now));
        }
    }

    private static final class Counter {
        Instant windowStart;
        int count;
        Instant throttledUntil = Instant.MIN;

        Counter(Instant windowStart) {
            this.windowStart = windowStart;
        }

        boolean throttledAt(Instant now) {
            return now.isBefore(throttledUntil);
        }
    }
}
