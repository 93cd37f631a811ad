package sempgw.semp.ingress.receive;

import java.time.Duration;
import java.util.Objects;

/**
 * The per-sender-domain limit on envelopes to non-known-correspondent recipients (DELIVERY.md
 * §6.5): above {@code perHour} in one hour the domain is throttled for {@code throttle}, and
 * every envelope of its non-known traffic and every rejection to it becomes {@code silent}.
 *
 * @param perHour envelopes per hour per sender domain; default 100 (§6.5.1 RECOMMENDED)
 * @param throttle how long a domain stays throttled: 1 to 24 hours (§6.5.1); default 1 hour
 */
public record RateLimitPolicy(int perHour, Duration throttle) {
    public RateLimitPolicy {
        Objects.requireNonNull(throttle, "throttle");
        if (perHour < 1) {
            throw new IllegalArgumentException("perHour must be positive");
        }
        if (throttle.compareTo(Duration.ofHours(1)) < 0 || throttle.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("throttle window must be 1 to 24 hours (DELIVERY.md §6.5.1)");
        }
    }

    /** 100 per hour, throttled for 1 hour. */
    public static RateLimitPolicy defaults() {
        return new RateLimitPolicy(100, Duration.ofHours(1));
    }
}
