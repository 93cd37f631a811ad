package sempgw.semp.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import sempgw.core.ClockState;
import sempgw.semp.egress.testing.MutableClock;

final class ClockWatchTest {
    private static final long SPAN = ClockState.MIN_SPAN.toNanos();
    private final MutableClock wall = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
    private final AtomicLong monotonic = new AtomicLong();
    private final ClockWatch watch = new ClockWatch(wall, monotonic::get);

    private void standFor(long nanos) {
        monotonic.addAndGet(nanos);
        watch.sample();
    }

    private void runFor(long nanos) {
        monotonic.addAndGet(nanos);
        wall.advance(Duration.ofNanos(nanos));
        watch.sample();
    }

    @Test
    void refusal_aClockStoppedForTwoSpansInARow_untilItRunsForOneAgain() {
        assertThat(watch.refusal()).isEmpty();

        standFor(SPAN);
        assertThat(watch.refusal()).as("one span may be a step back").isEmpty();
        standFor(SPAN);
        assertThat(watch.refusal()).hasValueSatisfying(why -> assertThat(why).contains("stopped"));

        runFor(SPAN);
        assertThat(watch.refusal()).isEmpty();
    }

    @Test
    void refusal_readingsCloserThanTheSpan_keepTheVerdict() {
        standFor(SPAN);
        standFor(SPAN);
        for (int i = 0; i < 5; i++) {
            standFor(SPAN - 1);
            assertThat(watch.refusal()).as("sample %d, %d ns after the last", i, SPAN - 1).isPresent();
        }
    }

    @Test
    void refusal_oneSpanLikeAStepBack_thenRunning_neverRefuses() {
        monotonic.addAndGet(SPAN);
        wall.advance(Duration.ofSeconds(4));
        watch.sample();
        runFor(SPAN);

        assertThat(watch.refusal()).isEmpty();
    }

    @Test
    void log_oneErrorWhenTheStateBecomesUnknown_oneInfoWhenItIsKnownAgain() {
        Logger logger = (Logger) LoggerFactory.getLogger(ClockWatch.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        Level previous = logger.getLevel();
        logger.setLevel(Level.INFO);
        appender.start();
        logger.addAppender(appender);
        try {
            standFor(SPAN);
            standFor(SPAN);
            standFor(SPAN);
            runFor(SPAN);
            runFor(SPAN);
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(previous);
        }

        List<String> lines = appender.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith(Level.ERROR + " clock state unknown: the wall clock advanced 0 ms").contains("CONFORMANCE.md §9.3.5");
        assertThat(lines.get(1)).startsWith(Level.INFO + " clock state known again");
    }

    @Test
    void refusal_aClockUnsetAtStart_isUnknownFromTheFirstReading() {
        ClockWatch unset = new ClockWatch(new MutableClock(Instant.EPOCH), monotonic::get);

        assertThat(unset.refusal()).hasValueSatisfying(why -> assertThat(why).contains("unset or faulty"));
    }
}
