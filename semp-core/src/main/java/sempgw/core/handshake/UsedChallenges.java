package sempgw.core.handshake;

import java.time.Duration;
import java.time.Instant;
import sempgw.core.ClockTolerance;

/**
 * An in-memory {@link ChallengeLedger}: keeps each used challenge id until its {@code expires}
 * plus the 15 minutes of clock skew beyond which any timestamp is refused
 * ({@link ClockTolerance#FUTURE_LIMIT}; HANDSHAKE.md §2.2b.2; CONFORMANCE.md §9.3.1), at most
 * {@code capacity} ids. Share one instance across all handshakes of a server. Thread-safe.
 */
public final class UsedChallenges implements ChallengeLedger {
    /** Skew tolerance added to {@code expires} before an id may be forgotten. */
    public static final Duration SKEW = ClockTolerance.FUTURE_LIMIT;

    private final TimedSet used;

    public UsedChallenges(int capacity) {
        this.used = new TimedSet(capacity);
    }

    @Override
    public boolean consume(String challengeId, Instant expires, Instant now) {
        return used.add(challengeId, expires.plus(SKEW), now);
    }
}
