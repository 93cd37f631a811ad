package sempgw.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class ClockStateTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final long SPAN = ClockState.MIN_SPAN.toNanos();

    private static ClockState.Reading at(Instant wall, long monotonic) {
        return new ClockState.Reading(wall, monotonic);
    }

    @Test
    void firstReading_ofAPlausibleClock_isKnown() {
        assertThat(ClockState.unknownBecause(Optional.empty(), at(NOW, 0))).isEmpty();
    }

    @Test
    void wallClockBeforeThisSoftwareExisted_isUnknownFromTheFirstReading() {
        assertThat(ClockState.unknownBecause(Optional.empty(), at(Instant.EPOCH, 0)))
                .hasValueSatisfying(why -> assertThat(why).contains("1970-01-01T00:00:00Z", "unset or faulty"));
        assertThat(ClockState.unknownBecause(Optional.empty(), at(ClockState.EARLIEST_PLAUSIBLE.minusSeconds(1), 0))).isPresent();
        assertThat(ClockState.unknownBecause(Optional.empty(), at(ClockState.EARLIEST_PLAUSIBLE, 0))).isEmpty();
    }

    @Test
    void wallClockStandingStillOverTheSpan_isUnknown() {
        assertThat(ClockState.unknownBecause(Optional.of(at(NOW, 0)), at(NOW, SPAN)))
                .hasValueSatisfying(why -> assertThat(why).contains("advanced 0 ms in 10000 ms", "stopped"));
    }

    @Test
    void wallClockAdvancingLessThanHalfTheMonotonicTime_isUnknown_halfOrMoreIsKnown() {
        assertThat(ClockState.unknownBecause(Optional.of(at(NOW, 0)), at(NOW.plusMillis(4_999), SPAN))).isPresent();
        assertThat(ClockState.unknownBecause(Optional.of(at(NOW, 0)), at(NOW.plusSeconds(5), SPAN))).isEmpty();
    }

    @Test
    void readingsCloserThanTheSpan_sayNothingAboutAStoppedClock() {
        assertThat(ClockState.unknownBecause(Optional.of(at(NOW, 0)), at(NOW, SPAN - 1))).isEmpty();
    }

    @Test
    void wallClockSteppedForwardOrBack_isKnown_synchronisationCorrectsClocksThatWay() {
        assertThat(ClockState.unknownBecause(Optional.of(at(NOW, 0)), at(NOW.plus(Duration.ofHours(3)), SPAN))).isEmpty();
        assertThat(ClockState.unknownBecause(Optional.of(at(NOW, 0)), at(NOW.minus(Duration.ofMinutes(20)), SPAN))).isEmpty();
    }
}
