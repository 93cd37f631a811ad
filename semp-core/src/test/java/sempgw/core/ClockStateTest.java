package sempgw.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

final class ClockStateTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final long SPAN = ClockState.MIN_SPAN.toNanos();

    private static ClockState.Reading at(Instant wall, long monotonic) {
        return new ClockState.Reading(wall, monotonic);
    }

    @Test
    void implausible_aWallClockBeforeThisSoftwareExisted_only() {
        assertThat(ClockState.implausible(Instant.EPOCH))
                .hasValueSatisfying(why -> assertThat(why).contains("1970-01-01T00:00:00Z", "unset or faulty"));
        assertThat(ClockState.implausible(ClockState.EARLIEST_PLAUSIBLE.minusSeconds(1))).isPresent();
        assertThat(ClockState.implausible(ClockState.EARLIEST_PLAUSIBLE)).isEmpty();
        assertThat(ClockState.implausible(NOW)).isEmpty();
    }

    @Test
    void stopped_wallClockStandingStillOverTheSpan() {
        assertThat(ClockState.stopped(at(NOW, 0), at(NOW, SPAN)))
                .hasValueSatisfying(why -> assertThat(why).contains("advanced 0 ms in 10000 ms", "stopped"));
    }

    @Test
    void stopped_lessThanHalfTheMonotonicTimeIs_halfOrMoreIsNot() {
        assertThat(ClockState.stopped(at(NOW, 0), at(NOW.plusMillis(4_999), SPAN))).isPresent();
        assertThat(ClockState.stopped(at(NOW, 0), at(NOW.plusSeconds(5), SPAN))).isEmpty();
    }

    @Test
    void stopped_readingsCloserThanTheSpan_tellNothing() {
        assertThat(ClockState.stopped(at(NOW, 0), at(NOW, SPAN - 1))).isEmpty();
        assertThat(at(NOW, 0).spanTo(at(NOW, SPAN - 1))).isFalse();
        assertThat(at(NOW, 0).spanTo(at(NOW, SPAN))).isTrue();
    }

    @Test
    void stopped_wallClockSteppedForwardOrPastTheEarlierReading_isNot() {
        assertThat(ClockState.stopped(at(NOW, 0), at(NOW.plus(Duration.ofHours(3)), SPAN))).isEmpty();
        assertThat(ClockState.stopped(at(NOW, 0), at(NOW.minus(Duration.ofMinutes(20)), SPAN))).isEmpty();
    }
}
