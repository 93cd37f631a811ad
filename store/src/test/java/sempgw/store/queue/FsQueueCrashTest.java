package sempgw.store.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM commits from eight threads and is killed with SIGKILL mid-way: every commit (and
 * every non-final update) that returned before the kill is recovered whole, and nothing
 * half-written is left behind. (A process kill leaves the page cache intact; what fsync adds
 * against power loss is argued in the package documentation.)
 */
final class FsQueueCrashTest {
    @TempDir
    Path dir;

    @Test
    void killMinus9DuringCommits_everyReturnedCommitIsRecovered() throws Exception {
        Path stderr = dir.resolve("child.err");
        Path queueDir = dir.resolve("queue-root");
        Process child = ChildJvm.of(CommitUntilKilled.class, List.of("-Xmx64m"), queueDir.toString(), "8")
                .redirectError(stderr.toFile()).start();
        Map<QueueId, Long> committed = new HashMap<>();
        Set<QueueId> updated = new HashSet<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
            while (committed.size() < 400) {
                String line = lines.readLine();
                assertThat(line).as("child ended early: %s", Files.exists(stderr) ? Files.readString(stderr) : "").isNotNull();
                record(line, committed, updated);
            }
            child.toHandle().destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                record(line, committed, updated);
            }
        }
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);

        try (FsQueue queue = FsQueue.open(queueDir, QueueFixtures.key(), Clock.systemUTC())) {
            for (Map.Entry<QueueId, Long> c : committed.entrySet()) {
                long seed = c.getValue();
                QueueEntry entry = queue.find(c.getKey()).orElseThrow(() -> new AssertionError("lost " + c.getKey()));
                assertThat(entry.sender()).isEqualTo(CommitUntilKilled.sender(seed));
                assertThat(entry.recipients()).extracting(RecipientStatus::recipient).isEqualTo(CommitUntilKilled.recipients(seed));
                if (updated.contains(c.getKey())) {
                    assertThat(entry.recipients().get(1).state()).isEqualTo(RecipientState.DEFERRED);
                    assertThat(entry.recipients().get(1).lastReply()).contains("451 4.3.0 " + seed);
                }
            }
            for (QueueEntry entry : queue.entries()) {
                long seed = Long.parseLong(entry.sender().reversePath().substring(1, entry.sender().reversePath().indexOf('@')));
                assertThat(QueueFixtures.readContent(queue, entry.id()))
                        .isEqualTo(QueueFixtures.content(seed, CommitUntilKilled.size(seed)));
            }
            assertThat(queue.entries().size()).isGreaterThanOrEqualTo(committed.size());
            assertThat(FsQueueTest.filesIn(queueDir.resolve("queue"))).hasSize(queue.entries().size());
            assertThat(FsQueueTest.filesIn(queueDir.resolve("corrupt"))).isEmpty();
        }
    }

    private static void record(String line, Map<QueueId, Long> committed, Set<QueueId> updated) {
        String[] parts = line.split(" ");
        switch (parts[0]) {
            case "C" -> committed.put(new QueueId(parts[1]), Long.parseLong(parts[2]));
            case "U" -> updated.add(new QueueId(parts[1]));
            default -> throw new AssertionError("unexpected child output: " + line);
        }
    }

}
