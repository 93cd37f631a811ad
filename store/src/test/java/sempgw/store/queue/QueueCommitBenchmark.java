package sempgw.store.queue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Commits per second of {@link FsQueue} with full durability: {@code threads} sessions each
 * committing {@code perThread} messages of {@code size} octets. Each round runs the anchors of
 * PERF-ANCHORS.md beside it on the same disk (append 4 KiB + fsync with 1 and with 8 writers),
 * because the absolute figures of a shared machine drift; compare the ratios. Finally it
 * reopens the queue left by the last round and reports the recovery time. Not a test; run:
 * {@code java -cp <test classpath> sempgw.store.queue.QueueCommitBenchmark [threads] [perThread] [size] [rounds] [dir] [virtual]}.
 */
public final class QueueCommitBenchmark {
    private QueueCommitBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int perThread = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int size = args.length > 2 ? Integer.parseInt(args[2]) : 5 * 1024;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Path dir = Path.of(args.length > 4 ? args[4] : "target/queue-benchmark").toAbsolutePath();
        boolean virtual = args.length > 5 && Boolean.parseBoolean(args[5]);
        deleteTree(dir);
        Files.createDirectories(dir);
        Path queueDir = dir.resolve("warm-up");
        try (QueueKey key = QueueKey.generate()) {
            commitRound(queueDir, key, threads, Math.min(perThread, 200), size, virtual);
            System.out.printf("%d %s threads x %d messages of %d octets%n", threads, virtual ? "virtual" : "platform",
                    perThread, size);
            for (int round = 1; round <= rounds; round++) {
                double one = fsyncRate(dir, 1, 2_000);
                double eight = fsyncRate(dir, 8, 500);
                queueDir = dir.resolve("round-" + round);
                Result r = commitRound(queueDir, key, threads, perThread, size, virtual);
                System.out.printf("round %d: %,6.0f commits/s (p50 %.2f ms, p99 %.2f ms, %.1f commits per directory fsync,"
                        + " %.0f us CPU per commit); anchors %,6.0f fsync/s (1 writer), %,6.0f fsync/s (8 writers);"
                        + " commits/anchor(8) = %.2f%n", round, r.rate, r.p50Millis, r.p99Millis, r.commitsPerDirectorySync,
                        r.cpuMicrosPerCommit, one, eight, r.rate / eight);
            }
            com.sun.management.OperatingSystemMXBean cpu = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            for (int open = 1; open <= 3; open++) {
                long start = System.nanoTime();
                long cpuStart = cpu.getProcessCpuTime();
                try (FsQueue queue = FsQueue.open(queueDir, key, Clock.systemUTC())) {
                    System.out.printf("recovery %d: %,d entries in %,d ms (%,d ms process CPU)%n", open,
                            queue.entries().size(), (System.nanoTime() - start) / 1_000_000,
                            (cpu.getProcessCpuTime() - cpuStart) / 1_000_000);
                }
            }
        }
        deleteTree(dir);
    }

    private record Result(double rate, double p50Millis, double p99Millis, double commitsPerDirectorySync,
            double cpuMicrosPerCommit) {
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Result commitRound(Path queueDir, QueueKey key, int threads, int perThread, int size, boolean virtual)
            throws Exception {
        byte[] content = QueueFixtures.content(1, size);
        long[] latencies = new long[threads * perThread];
        try (FsQueue queue = FsQueue.open(queueDir, key, Clock.systemUTC());
                ExecutorService pool = virtual ? Executors.newVirtualThreadPerTaskExecutor() : Executors.newFixedThreadPool(threads)) {
            long syncsBefore = queue.directorySyncs();
            long cpuBefore = processCpuNanos();
            long start = System.nanoTime();
            List<Future<?>> sessions = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                sessions.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        long begin = System.nanoTime();
                        try (Submission submission = queue.begin(Sender.of("bench@example.org"), QueueFixtures.origin())) {
                            submission.addRecipient(Recipient.of("rcpt" + i + "@example.net"));
                            try (OutputStream out = submission.content()) {
                                out.write(content);
                            }
                            submission.commit();
                        }
                        latencies[thread * perThread + i] = System.nanoTime() - begin;
                    }
                    return null;
                }));
            }
            for (Future<?> session : sessions) {
                session.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMicros = (processCpuNanos() - cpuBefore) / 1e3;
            int total = latencies.length;
            Arrays.sort(latencies);
            return new Result(total / seconds, latencies[total / 2] / 1e6, latencies[total * 99 / 100] / 1e6,
                    (double) total / (queue.directorySyncs() - syncsBefore), cpuMicros / total);
        }
    }

    /** The anchor: {@code writers} threads, each appending 4 KiB blocks to its own file with an fsync after each. */
    private static double fsyncRate(Path dir, int writers, int perWriter) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            List<Future<?>> all = new ArrayList<>();
            long start = System.nanoTime();
            for (int w = 0; w < writers; w++) {
                Path file = dir.resolve("anchor-" + w);
                all.add(pool.submit(() -> {
                    ByteBuffer block = ByteBuffer.allocate(4096);
                    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            StandardOpenOption.APPEND)) {
                        for (int i = 0; i < perWriter; i++) {
                            block.clear();
                            channel.write(block);
                            channel.force(false);
                        }
                    } finally {
                        Files.deleteIfExists(file);
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
            return writers * perWriter / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
