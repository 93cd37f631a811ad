package sempgw.app.qmgr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

final class BackoffTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final RandomGenerator NO_JITTER = new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public double nextDouble() {
            return 0;
        }
    };

    @Test
    void nextAttempt_repeatedFailures_waitDoublesFromMinToMax() {
        Backoff backoff = new Backoff(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(5), NO_JITTER);
        Instant now = T0.plusSeconds(1);
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Instant next = backoff.nextAttempt(T0, now);
            waits.add(Duration.between(now, next).toMinutes());
            now = next;
        }
        assertThat(waits).containsExactly(5L, 5L, 10L, 20L, 40L, 60L, 60L, 60L);
    }

    @Test
    void nextAttempt_withJitter_staysWithinTenPercentAbove() {
        Backoff backoff = new Backoff(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(5), RandomGenerator.of("L64X128MixRandom"));
        for (int i = 0; i < 1000; i++) {
            Duration wait = Duration.between(T0, backoff.nextAttempt(T0, T0));
            assertThat(wait).isBetween(Duration.ofMinutes(5), Duration.ofMinutes(5).plusSeconds(30));
        }
    }

    @Test
    void nextAttempt_nearExpiry_neverLaterThanExpiry() {
        Backoff backoff = new Backoff(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(5), NO_JITTER);
        Instant now = T0.plus(Duration.ofDays(5)).minus(Duration.ofMinutes(10));
        assertThat(backoff.nextAttempt(T0, now)).isEqualTo(T0.plus(Duration.ofDays(5)));
    }
}
