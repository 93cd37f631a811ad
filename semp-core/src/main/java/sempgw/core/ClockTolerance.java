package sempgw.core;

import java.time.Duration;
import java.time.Instant;

/**
 * The clock tolerance every timestamp check applies (CONFORMANCE.md §9.3.1, which §9.3.6 extends
 * to key records' {@code created}/{@code expires}, delivery receipts and every other timestamp):
 *
 * <ul>
 *   <li>A producer-claimed time {@code T} ahead of our clock ({@code T > now}) is accepted up to
 *   {@link #FUTURE_ACCEPTED} ahead (the range that MUST be accepted) and refused beyond it (the
 *   SHOULD; {@link #FUTURE_LIMIT} is the MUST). {@link #acceptsClaimed}.</li>
 *   <li>A validity that ends at {@code T} has ended once {@code now > T + grace}, the grace 0 (the
 *   SHOULD) up to {@link #MAX_EXPIRY_GRACE} (the MAY); senders MUST NOT rely on it. {@link #expired}.</li>
 * </ul>
 * Pure: {@code now} is passed in.
 *
 * <pre>{@code
 * if (!ClockTolerance.acceptsClaimed(created, now)) { ... future-dated: refuse the record ... }
 * if (ClockTolerance.expired(expires, now, Duration.ZERO)) { ... no longer valid ... }
 * }</pre>
 */
public final class ClockTolerance {
    /** How far ahead of our clock a claimed time MUST still be accepted (CONFORMANCE.md §9.3.1). */
    public static final Duration FUTURE_ACCEPTED = Duration.ofMinutes(5);
    /** Beyond this ahead of our clock a claimed time MUST be refused (CONFORMANCE.md §9.3.1). */
    public static final Duration FUTURE_LIMIT = Duration.ofMinutes(15);
    /** The largest grace after an expiry CONFORMANCE.md §9.3.1 allows (its MAY). */
    public static final Duration MAX_EXPIRY_GRACE = Duration.ofMinutes(5);

    private ClockTolerance() {
    }

    /**
     * Whether a time the record's producer claims ({@code created}, {@code accepted_at}, ...) is
     * acceptable against our clock: not more than {@link #FUTURE_ACCEPTED} after {@code now}. Any
     * earlier time is acceptable here; whether it is too old is the caller's rule.
     */
    public static boolean acceptsClaimed(Instant claimed, Instant now) {
        return !claimed.isAfter(now.plus(FUTURE_ACCEPTED));
    }

    /**
     * Whether a validity that ends at {@code end} has ended at {@code now}: {@code now > end + grace}.
     *
     * @param grace 0 (CONFORMANCE.md §9.3.1 SHOULD) to {@link #MAX_EXPIRY_GRACE}
     * @throws IllegalArgumentException for a grace outside that range
     */
    public static boolean expired(Instant end, Instant now, Duration grace) {
        checkGrace(grace);
        return now.isAfter(end.plus(grace));
    }

    /**
     * Checks an expiry grace a setting asks for.
     *
     * @return {@code grace}
     * @throws IllegalArgumentException unless it is between 0 and {@link #MAX_EXPIRY_GRACE}
     */
    public static Duration checkGrace(Duration grace) {
        if (grace.isNegative() || grace.compareTo(MAX_EXPIRY_GRACE) > 0) {
            throw new IllegalArgumentException("expiry grace must be between 0 and 5 minutes (CONFORMANCE.md §9.3.1)");
        }
        return grace;
    }
}
