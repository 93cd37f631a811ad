package sempgw.app.qmgr;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * When a deferred recipient is tried again: the one decision a queue manager takes from its
 * queue's protocol. SMTP destinations use {@link #exponential} (RFC 5321 §4.5.4.1), SEMP ones the
 * schedule of DELIVERY.md §2.3 with {@link #byAttempt}; a queue holding both chooses
 * {@link #byDestination}.
 */
@FunctionalInterface
public interface RetryPolicy {

    /**
     * @param arrivedAt when the entry was queued
     * @param attempts the attempts made so far, counting the one that just failed (1 after the first)
     * @param now the time of the failure
     * @param destination where the recipient was being delivered ({@link DestinationResolver})
     * @return when to try again
     */
    Instant nextAttempt(Instant arrivedAt, int attempts, Instant now, String destination);

    /**
     * Postfix's qmgr backoff: the wait is the message's age clamped to [min, max] plus up to 10%
     * jitter, never past {@code arrivedAt + lifetime}.
     */
    static RetryPolicy exponential(Duration min, Duration max, Duration lifetime, RandomGenerator random) {
        return new Backoff(min, max, lifetime, random);
    }

    /**
     * A schedule indexed by attempt ({@code schedule.apply(attempts, random)} is the wait after
     * that many failures), never past {@code arrivedAt + lifetime}, so the entry expires on time.
     */
    static RetryPolicy byAttempt(BiFunction<Integer, RandomGenerator, Duration> schedule, Duration lifetime, RandomGenerator random) {
        return (arrivedAt, attempts, now, destination) ->
                Backoff.notAfterExpiry(now.plus(schedule.apply(attempts, random)), arrivedAt.plus(lifetime), now);
    }

    /** The policy {@code choice} gives for each recipient's destination. */
    static RetryPolicy byDestination(Function<String, RetryPolicy> choice) {
        return (arrivedAt, attempts, now, destination) -> choice.apply(destination).nextAttempt(arrivedAt, attempts, now, destination);
    }
}
