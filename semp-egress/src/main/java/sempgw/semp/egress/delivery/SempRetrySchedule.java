package sempgw.semp.egress.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The SEMP retry schedule (DELIVERY.md §2.3): base intervals of 1 min, 5 min, 15 min, 1 h and 4 h,
 * then every 4 h, capped at 6 h; each realized interval is the base times a uniform factor in
 * [0.75, 1.25] (jitter ±25 %, the recommended {@code j} for high-volume queues), never below 30 s
 * (half the first base interval) and never above the cap. The jitter applies to the realized
 * interval only; the next base interval does not depend on it.
 *
 * <p>The bounds of §2.3 hold by construction: the first base interval is 60 s; each base is at
 * least twice the previous until the schedule reaches its 4-h plateau, the §2.3 recommended default
 * ("then every 4 hours"), which sits under the 6-h cap; the longest realized interval is 5 h; and the first five retries are due within 6 h 41 min, well inside the default 72 h
 * horizon, so at least five retries happen before an envelope expires by deadline (checked by
 * {@code SempRetryScheduleTest}).
 *
 * <p>For a queue manager: after the {@code n}-th failed attempt of a recipient (its attempt
 * counter, 1 for the first), the next attempt is due at {@link #nextAttempt(int, Instant, Instant,
 * RandomGenerator)}, which is never later than the envelope's effective deadline, so an envelope
 * expires on time rather than up to an interval late. Pure: time and randomness are passed in.
 */
public final class SempRetrySchedule {
    /** DELIVERY.md §2.3 recommended base intervals; the last repeats. */
    public static final List<Duration> BASE_INTERVALS = List.of(
            Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(4));
    /** DELIVERY.md §2.3: individual intervals are capped at 6 hours. */
    public static final Duration CAP = Duration.ofHours(6);
    /** DELIVERY.md §2.3: jitter may not take an interval below 50 % of the first base interval. */
    public static final Duration FLOOR = Duration.ofSeconds(30);
    /** The jitter fraction {@code j} (DELIVERY.md §2.3: at least 0.1; 0.25 recommended). */
    public static final double JITTER = 0.25;

    private SempRetrySchedule() {
    }

    /** The base interval before jitter after failed attempt number {@code attempt} (1 for the first). */
    public static Duration baseInterval(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt numbers start at 1");
        }
        Duration base = BASE_INTERVALS.get(Math.min(attempt, BASE_INTERVALS.size()) - 1);
        return base.compareTo(CAP) > 0 ? CAP : base;
    }

    /** The realized (jittered) interval after failed attempt number {@code attempt} (1 for the first). */
    public static Duration delay(int attempt, RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        long baseMillis = baseInterval(attempt).toMillis();
        double factor = random.nextDouble(1 - JITTER, Math.nextUp(1 + JITTER));
        long millis = Math.round(baseMillis * factor);
        return Duration.ofMillis(Math.clamp(millis, FLOOR.toMillis(), CAP.toMillis()));
    }

    /**
     * When to try again after failed attempt number {@code attempt}: {@code now} plus
     * {@link #delay}, but no later than {@code deadline} while that lies ahead, so the attempt at
     * the deadline finds it passed and ends the envelope as {@code expired} (DELIVERY.md §2.4).
     */
    public static Instant nextAttempt(int attempt, Instant now, Instant deadline, RandomGenerator random) {
        Instant next = now.plus(delay(attempt, random));
        return next.isAfter(deadline) && deadline.isAfter(now) ? deadline : next;
    }
}
