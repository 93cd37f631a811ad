package sempgw.semp.egress.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

final class SempRetryScheduleTest {
    private static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");

    private static RandomGenerator lowest() {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble(double origin, double bound) {
                return origin;
            }
        };
    }

    private static RandomGenerator highest() {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return -1;
            }

            @Override
            public double nextDouble(double origin, double bound) {
                return Math.nextDown(bound);
            }
        };
    }

    @Test
    void baseInterval_attempts_followTheRecommendedScheduleThenEveryFourHours() {
        assertThat(SempRetrySchedule.baseInterval(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(SempRetrySchedule.baseInterval(2)).isEqualTo(Duration.ofMinutes(5));
        assertThat(SempRetrySchedule.baseInterval(3)).isEqualTo(Duration.ofMinutes(15));
        assertThat(SempRetrySchedule.baseInterval(4)).isEqualTo(Duration.ofHours(1));
        assertThat(SempRetrySchedule.baseInterval(5)).isEqualTo(Duration.ofHours(4));
        assertThat(SempRetrySchedule.baseInterval(6)).isEqualTo(Duration.ofHours(4));
        assertThat(SempRetrySchedule.baseInterval(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void baseInterval_firstFive_growAtLeastTwofoldFromSixtySeconds() {
        assertThat(SempRetrySchedule.baseInterval(1)).isGreaterThanOrEqualTo(Duration.ofSeconds(60));
        for (int n = 2; n <= 5; n++) {
            assertThat(SempRetrySchedule.baseInterval(n)).isGreaterThanOrEqualTo(SempRetrySchedule.baseInterval(n - 1).multipliedBy(2));
        }
    }

    @Test
    void baseInterval_attemptZeroOrNegative_isRefused() {
        assertThatThrownBy(() -> SempRetrySchedule.baseInterval(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SempRetrySchedule.delay(-1, new SplittableRandom(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void delay_extremeJitter_staysWithinPlusMinusTwentyFivePercent() {
        for (int n = 2; n <= 8; n++) {
            long base = SempRetrySchedule.baseInterval(n).toMillis();
            assertThat(SempRetrySchedule.delay(n, lowest()).toMillis()).isEqualTo(Math.round(base * 0.75));
            assertThat(SempRetrySchedule.delay(n, highest()).toMillis()).isEqualTo(Math.round(base * 1.25));
        }
    }

    @Test
    void delay_manyDraws_coverTheJitterRangeAndStayInside() {
        SplittableRandom random = new SplittableRandom(42);
        long base = SempRetrySchedule.baseInterval(3).toMillis();
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < 20_000; i++) {
            long d = SempRetrySchedule.delay(3, random).toMillis();
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        assertThat(min).isBetween(Math.round(base * 0.75), Math.round(base * 0.76));
        assertThat(max).isBetween(Math.round(base * 1.24), Math.round(base * 1.25));
    }

    @Test
    void delay_firstAttemptLowestJitter_isFloorOrAbove() {
        Duration d = SempRetrySchedule.delay(1, lowest());

        assertThat(d).isEqualTo(Duration.ofSeconds(45)).isGreaterThanOrEqualTo(SempRetrySchedule.FLOOR);
    }

    @Test
    void delay_anyAttemptAnyDraw_neverExceedsTheSixHourCapNorGoesBelowTheFloor() {
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 1; n <= 50; n++) {
            for (int i = 0; i < 200; i++) {
                assertThat(SempRetrySchedule.delay(n, random)).isBetween(SempRetrySchedule.FLOOR, SempRetrySchedule.CAP);
            }
        }
        assertThat(SempRetrySchedule.delay(1000, highest())).isEqualTo(Duration.ofHours(5)).isLessThanOrEqualTo(SempRetrySchedule.CAP);
    }

    @Test
    void nextAttempt_fiveRetriesWithLongestJitter_fitInsideTheDefaultHorizon() {
        Instant deadline = NOW.plus(SempDeliverySettings.DEFAULT_RETRY_HORIZON);
        Instant at = NOW;
        for (int n = 1; n <= 5; n++) {
            at = SempRetrySchedule.nextAttempt(n, at, deadline, highest());
        }
        assertThat(at).isBefore(NOW.plus(Duration.ofHours(7)));
        int retries = 0;
        at = NOW;
        for (int n = 1; at.isBefore(deadline); n++) {
            at = SempRetrySchedule.nextAttempt(n, at, deadline, highest());
            retries++;
        }
        assertThat(retries).isGreaterThanOrEqualTo(5);
        assertThat(at).isEqualTo(deadline);
    }

    @Test
    void nextAttempt_beyondTheDeadline_isClampedToIt() {
        Instant deadline = NOW.plus(Duration.ofMinutes(2));

        assertThat(SempRetrySchedule.nextAttempt(5, NOW, deadline, highest())).isEqualTo(deadline);
        assertThat(SempRetrySchedule.nextAttempt(1, NOW, deadline, lowest())).isEqualTo(NOW.plusSeconds(45));
    }

    @Test
    void nextAttempt_deadlineAlreadyPassed_isNowPlusTheDelay() {
        Instant deadline = NOW.minusSeconds(1);

        assertThat(SempRetrySchedule.nextAttempt(2, NOW, deadline, lowest())).isEqualTo(NOW.plus(Duration.ofSeconds(225)));
    }
}
