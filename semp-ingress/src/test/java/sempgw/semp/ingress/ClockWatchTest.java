package sempgw.semp.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import sempgw.core.ClockState;
import sempgw.semp.egress.testing.MutableClock;

final class ClockWatchTest {
    private final MutableClock wall = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
    private final AtomicLong monotonic = new AtomicLong();

    @Test
    void refusal_followsEachReading_andClearsWhenTheClockRunsAgain() {
        ClockWatch watch = new ClockWatch(wall, monotonic::get);
        assertThat(watch.refusal()).isEmpty();

        monotonic.addAndGet(ClockState.MIN_SPAN.toNanos());
        watch.sample();
        assertThat(watch.refusal()).hasValueSatisfying(why -> assertThat(why).contains("stopped"));

        monotonic.addAndGet(ClockState.MIN_SPAN.toNanos());
        wall.advance(ClockState.MIN_SPAN);
        watch.sample();
        assertThat(watch.refusal()).isEmpty();
    }

    @Test
    void refusal_aClockUnsetAtStart_isUnknownFromTheFirstReading() {
        ClockWatch watch = new ClockWatch(new MutableClock(Instant.EPOCH), monotonic::get);

        assertThat(watch.refusal()).hasValueSatisfying(why -> assertThat(why).contains("unset or faulty"));
    }
}
