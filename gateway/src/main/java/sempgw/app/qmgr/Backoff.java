package sempgw.app.qmgr;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When a deferred recipient is tried again. As Postfix's qmgr does, the wait is the message's
 * age clamped to [min, max], so it doubles with each retry (5m, 5m, 10m, 20m, 40m, 1h, 1h...)
 * without a stored attempt counter, then up to 10% jitter is added so that a queue recovered
 * after an outage does not retry in lock-step. The result never lies past the message's
 * expiry, so a message bounces on time rather than up to one backoff late.
 */
final class Backoff implements RetryPolicy {
    private final Duration min;
    private final Duration max;
    private final Duration lifetime;
    private final RandomGenerator random;

    Backoff(Duration min, Duration max, Duration lifetime, RandomGenerator random) {
        this.min = min;
        this.max = max;
        this.lifetime = lifetime;
        this.random = random;
    }

    /** The age-based wait needs no attempt counter. */
    @Override
    public Instant nextAttempt(Instant arrivedAt, int attempts, Instant now, String destination) {
        return nextAttempt(arrivedAt, now);
    }

    Instant nextAttempt(Instant arrivedAt, Instant now) {
        Duration age = Duration.between(arrivedAt, now);
        Duration wait = age.compareTo(min) < 0 ? min : age.compareTo(max) > 0 ? max : age;
        long jitterMillis = (long) (wait.toMillis() * 0.1 * random.nextDouble());
        return notAfterExpiry(now.plus(wait).plusMillis(jitterMillis), arrivedAt.plus(lifetime), now);
    }

    /** {@code next}, or the expiry if that comes first and is still ahead. */
    static Instant notAfterExpiry(Instant next, Instant expiry, Instant now) {
        return next.isAfter(expiry) && expiry.isAfter(now) ? expiry : next;
    }
}
