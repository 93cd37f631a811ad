package sempgw.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class ClockToleranceTest {
    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    @ParameterizedTest
    @ValueSource(longs = {-86_400, -1, 0, 1, 120, 121, 299, 300})
    void acceptsClaimed_upToFiveMinutesAhead_accepted(long aheadSeconds) {
        assertThat(ClockTolerance.acceptsClaimed(NOW.plusSeconds(aheadSeconds), NOW)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(longs = {301, 900, 901, 86_400})
    void acceptsClaimed_moreThanFiveMinutesAhead_refused(long aheadSeconds) {
        assertThat(ClockTolerance.acceptsClaimed(NOW.plusSeconds(aheadSeconds), NOW)).isFalse();
    }

    @Test
    void acceptsClaimed_refusesWellBeforeTheMustLimit() {
        assertThat(ClockTolerance.FUTURE_ACCEPTED).isEqualTo(Duration.ofMinutes(5)).isLessThan(ClockTolerance.FUTURE_LIMIT);
        assertThat(ClockTolerance.acceptsClaimed(NOW.plus(ClockTolerance.FUTURE_LIMIT), NOW)).isFalse();
    }

    @Test
    void expired_noGrace_validAtTheInstantEndedAfterIt() {
        assertThat(ClockTolerance.expired(NOW, NOW.minusSeconds(1), Duration.ZERO)).isFalse();
        assertThat(ClockTolerance.expired(NOW, NOW, Duration.ZERO)).isFalse();
        assertThat(ClockTolerance.expired(NOW, NOW.plusNanos(1), Duration.ZERO)).isTrue();
    }

    @Test
    void expired_withGrace_endsAfterTheGrace() {
        Duration grace = Duration.ofMinutes(5);
        assertThat(ClockTolerance.expired(NOW, NOW.plus(grace), grace)).isFalse();
        assertThat(ClockTolerance.expired(NOW, NOW.plus(grace).plusSeconds(1), grace)).isTrue();
    }

    @Test
    void expired_graceOutsideZeroToFiveMinutes_refused() {
        assertThatThrownBy(() -> ClockTolerance.expired(NOW, NOW, Duration.ofMinutes(5).plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("§9.3.1");
        assertThatThrownBy(() -> ClockTolerance.checkGrace(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(ClockTolerance.checkGrace(ClockTolerance.MAX_EXPIRY_GRACE)).isEqualTo(Duration.ofMinutes(5));
    }
}
