package sempgw.store.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Twenty sessions commit 500 messages each at once: all are recovered, and they shared directory fsyncs. */
final class FsQueueConcurrencyTest {
    private static final int THREADS = 20;
    private static final int PER_THREAD = 500;

    @TempDir
    Path dir;

    @Test
    void twentyThreadsCommitting_allRecoveredWithGroupCommit() throws Exception {
        Map<QueueId, Long> committed = new ConcurrentHashMap<>();
        long directorySyncs;
        try (FsQueue queue = FsQueue.open(dir, QueueFixtures.key(), Clock.systemUTC());
                ExecutorService sessions = Executors.newFixedThreadPool(THREADS)) {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long base = t * 1_000_000L;
                running.add(sessions.submit(() -> {
                    for (long seed = base; seed < base + PER_THREAD; seed++) {
                        QueueId id = QueueFixtures.commit(queue, Sender.of("s" + seed + "@example.org"),
                                List.of(Recipient.of("r@example.net")), QueueFixtures.content(seed, size(seed)));
                        committed.put(id, seed);
                    }
                    return null;
                }));
            }
            for (Future<?> session : running) {
                session.get();
            }
            directorySyncs = queue.directorySyncs();
        }
        assertThat(committed).hasSize(THREADS * PER_THREAD);
        assertThat(directorySyncs).as("directory fsyncs shared by commits").isLessThan(THREADS * PER_THREAD);

        try (FsQueue queue = FsQueue.open(dir, QueueFixtures.key(), Clock.systemUTC())) {
            assertThat(queue.entries()).hasSize(THREADS * PER_THREAD);
            for (Map.Entry<QueueId, Long> c : committed.entrySet()) {
                assertThat(queue.find(c.getKey()).orElseThrow().sender().reversePath()).isEqualTo("s" + c.getValue() + "@example.org");
                assertThat(QueueFixtures.readContent(queue, c.getKey())).isEqualTo(QueueFixtures.content(c.getValue(), size(c.getValue())));
            }
        }
    }

    private static int size(long seed) {
        return 500 + (int) (seed % 1500);
    }
}
