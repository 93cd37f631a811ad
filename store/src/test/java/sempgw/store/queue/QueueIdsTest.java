package sempgw.store.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class QueueIdsTest {
    @Test
    void next_sameInstant_strictlyIncreasingAndFileSafe() {
        QueueIds ids = new QueueIds(QueueFixtures.fixedClock(), 0);
        List<QueueId> made = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            made.add(ids.next());
        }
        assertThat(made).isSorted().doesNotHaveDuplicates();
        assertThat(made).allSatisfy(id -> assertThat(id.value()).matches("[0-9A-Za-z]{14}"));
    }

    @Test
    void next_laterClock_sortsAfterAndEncodesTheTime() {
        Instant early = Instant.parse("2026-01-01T00:00:00Z");
        QueueId a = new QueueIds(Clock.fixed(early, ZoneOffset.UTC), 0).next();
        QueueId b = new QueueIds(Clock.fixed(early.plusNanos(1_000), ZoneOffset.UTC), 0).next();
        assertThat(a).isLessThan(b);
        assertThat(QueueIds.micros(a)).isEqualTo(early.toEpochMilli() * 1000);
    }

    @Test
    void next_clockBehindRecoveredIds_staysAboveThem() {
        QueueId recovered = new QueueIds(Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC), 0).next();
        QueueIds ids = new QueueIds(QueueFixtures.fixedClock(), QueueIds.micros(recovered));
        assertThat(ids.next()).isGreaterThan(recovered);
    }

    @Test
    void next_manyThreads_unique() {
        QueueIds ids = new QueueIds(Clock.systemUTC(), 0);
        Set<QueueId> seen = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 20_000).parallel().forEach(i -> seen.add(ids.next()));
        assertThat(seen).hasSize(20_000);
    }
}
