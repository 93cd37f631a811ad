package sempgw.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether this machine's wall clock can be trusted to validate timestamps (CONFORMANCE.md §9.3.5:
 * a server that "cannot determine its own clock state with confidence", for example because "the
 * hardware clock is detected as stopped or faulty", MUST NOT accept handshakes or envelopes nor
 * issue acknowledgments). Pure: two readings of the wall and the monotonic clock in, a verdict out.
 *
 * <p>The clock state is unknown when either holds:
 * <ul>
 *   <li>the wall clock reads before {@link #EARLIEST_PLAUSIBLE}, a date this software did not yet
 *       exist at: a clock reset to its epoch by a flat RTC battery or a VM restored without time;</li>
 *   <li>over at least {@link #MIN_SPAN} of monotonic time the wall clock advanced less than half
 *       as much: it has stopped, or is being slewed far beyond what time synchronisation does
 *       (NTP slews at most 500 ppm, RFC 5905 §11.3).</li>
 * </ul>
 * A step of the wall clock is not a fault: it is how time synchronisation corrects a clock, and the
 * clock is right after it. The kernel's own synchronisation status is not consulted: virtual
 * machines that take their time from the hypervisor report themselves unsynchronised while their
 * clocks are right, and such a gateway would then refuse all SEMP mail.
 */
public final class ClockState {
    /** No correct clock reads earlier: this code was written after it. */
    public static final Instant EARLIEST_PLAUSIBLE = Instant.parse("2026-01-01T00:00:00Z");
    /** The shortest monotonic span over which a stopped wall clock is judged. */
    public static final Duration MIN_SPAN = Duration.ofSeconds(10);

    private ClockState() {
    }

    /**
     * One look at both clocks, taken together.
     *
     * @param wall           the wall clock ({@link java.time.Clock#instant()})
     * @param monotonicNanos the monotonic clock ({@link System#nanoTime()}), meaningful only as a difference
     */
    public record Reading(Instant wall, long monotonicNanos) {
        public Reading {
            Objects.requireNonNull(wall, "wall");
        }
    }

    /**
     * Why the clock state is unknown at {@code now}, judged against {@code earlier} (the reading
     * before it, or empty at start); empty when the clock can be trusted.
     */
    public static Optional<String> unknownBecause(Optional<Reading> earlier, Reading now) {
        Objects.requireNonNull(earlier, "earlier");
        Objects.requireNonNull(now, "now");
        if (now.wall().isBefore(EARLIEST_PLAUSIBLE)) {
            return Optional.of("the wall clock reads " + now.wall() + ", before " + EARLIEST_PLAUSIBLE
                    + ": the hardware clock is unset or faulty");
        }
        return earlier.flatMap(e -> stopped(e, now));
    }

    private static Optional<String> stopped(Reading earlier, Reading now) {
        long monotonic = now.monotonicNanos() - earlier.monotonicNanos();
        if (monotonic < MIN_SPAN.toNanos()) {
            return Optional.empty();
        }
        long wall = Duration.between(earlier.wall(), now.wall()).toNanos();
        if (wall < 0 || wall >= monotonic / 2) {
            return Optional.empty();
        }
        return Optional.of("the wall clock advanced " + Duration.ofNanos(wall).toMillis() + " ms in "
                + Duration.ofNanos(monotonic).toMillis() + " ms of monotonic time: it has stopped or is faulty");
    }
}
