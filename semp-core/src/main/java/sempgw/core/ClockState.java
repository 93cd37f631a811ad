package sempgw.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether this machine's wall clock can be trusted to validate timestamps (CONFORMANCE.md §9.3.5:
 * a server that "cannot determine its own clock state with confidence", for example because "the
 * hardware clock is detected as stopped or faulty", MUST NOT accept handshakes or envelopes nor
 * issue acknowledgments). Pure: readings of the wall and the monotonic clock in, findings out.
 *
 * <ul>
 *   <li>{@link #implausible}: the wall clock reads before {@link #EARLIEST_PLAUSIBLE}, a date this
 *       software did not yet exist at: a clock reset to its epoch by a flat RTC battery or a VM
 *       restored without time.</li>
 *   <li>{@link #stopped}: over at least {@link #MIN_SPAN} of monotonic time the wall clock
 *       advanced less than half as much: it has stopped, or is being slewed far beyond what time
 *       synchronisation does (NTP slews at most 500 ppm, RFC 5905 §11.3). One such span may also
 *       be a step of the clock backwards, which is how time synchronisation corrects a clock, so
 *       the caller decides on {@link #STOPPED_SPANS} spans in a row.</li>
 * </ul>
 * The kernel's own synchronisation status is not consulted: virtual machines that take their time
 * from the hypervisor report themselves unsynchronised while their clocks are right, and such a
 * gateway would then refuse all SEMP mail.
 */
public final class ClockState {
    /** No correct clock reads earlier: this code was written after it. */
    public static final Instant EARLIEST_PLAUSIBLE = Instant.parse("2026-01-01T00:00:00Z");
    /** The shortest monotonic span over which a stopped wall clock is judged. */
    public static final Duration MIN_SPAN = Duration.ofSeconds(10);
    /** Spans in a row a stopped clock must show before its state is unknown. */
    public static final int STOPPED_SPANS = 2;

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

        /** Whether {@code later} is at least {@link #MIN_SPAN} of monotonic time after this one. */
        public boolean spanTo(Reading later) {
            return later.monotonicNanos() - monotonicNanos >= MIN_SPAN.toNanos();
        }
    }

    /** Why {@code wall} cannot be a correct time; empty when it can. */
    public static Optional<String> implausible(Instant wall) {
        return wall.isBefore(EARLIEST_PLAUSIBLE)
                ? Optional.of("the wall clock reads " + wall + ", before " + EARLIEST_PLAUSIBLE + ": the hardware clock is unset or faulty")
                : Optional.empty();
    }

    /**
     * Why the wall clock looks stopped between {@code earlier} and {@code later}; empty when it
     * ran, when it stepped forward or back past {@code earlier}, or when the readings are less
     * than {@link #MIN_SPAN} apart (too close to tell).
     */
    public static Optional<String> stopped(Reading earlier, Reading later) {
        Objects.requireNonNull(earlier, "earlier");
        if (!earlier.spanTo(later)) {
            return Optional.empty();
        }
        long monotonic = later.monotonicNanos() - earlier.monotonicNanos();
        long wall = Duration.between(earlier.wall(), later.wall()).toNanos();
        if (wall < 0 || wall >= monotonic / 2) {
            return Optional.empty();
        }
        return Optional.of("the wall clock advanced " + Duration.ofNanos(wall).toMillis() + " ms in "
                + Duration.ofNanos(monotonic).toMillis() + " ms of monotonic time: it has stopped or is faulty");
    }
}
