package sempgw.app.semp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import sempgw.semp.egress.testing.MutableClock;

final class SessionSweepTest {
    private static final Duration EVERY = Duration.ofMillis(10);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T01:00:00Z"));

    @Test
    void start_sweepsAgainAndAgainWithTheClocksTimeWithoutAnyOtherCall() {
        List<Instant> swept = new CopyOnWriteArrayList<>();
        try (SessionSweep ignored = SessionSweep.start("test-sweep", swept::add, clock, EVERY)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> swept.size() >= 1);
            clock.advance(Duration.ofHours(1));
            await().atMost(Duration.ofSeconds(5)).until(() -> swept.contains(clock.instant()));
        }
    }

    @Test
    void start_aSweepThatThrows_isLoggedAndTheNextStillRuns() {
        AtomicInteger runs = new AtomicInteger();
        try (LogCapture log = new LogCapture();
                SessionSweep ignored = SessionSweep.start("test-sweep", now -> {
                    if (runs.incrementAndGet() == 1) {
                        throw new IllegalStateException("boom");
                    }
                }, clock, EVERY)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 2);
            assertThat(log.matching("ERROR", "test-sweep failed", "boom")).hasSize(1);
        }
    }

    @Test
    void close_noSweepRunsAfterward() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        SessionSweep sweep = SessionSweep.start("test-sweep", now -> runs.incrementAndGet(), clock, EVERY);
        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 1);

        sweep.close();
        int after = runs.get();
        Thread.sleep(5 * EVERY.toMillis());

        assertThat(runs).hasValue(after);
    }
}
