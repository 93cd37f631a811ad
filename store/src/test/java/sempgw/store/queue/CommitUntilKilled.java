package sempgw.store.queue;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Child process of {@link FsQueueCrashTest}: commits messages from several threads until it is
 * killed, printing {@code C <id> <seed>} after each commit returned and {@code U <id>} after a
 * non-final update returned. Message {@code seed} has sender {@code s<seed>@example.org} and
 * content {@code QueueFixtures.content(seed, size(seed))}.
 */
public final class CommitUntilKilled {
    private CommitUntilKilled() {
    }

    static int size(long seed) {
        return seed % 10 == 0 ? 150_000 : 1_000 + (int) (seed % 4_000);
    }

    static Sender sender(long seed) {
        return Sender.of("s" + seed + "@example.org");
    }

    static List<Recipient> recipients(long seed) {
        return List.of(Recipient.of("r" + seed + "@example.net"), Recipient.of("postmaster@example.com"));
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.US_ASCII);
        FsQueue queue = FsQueue.open(dir, QueueFixtures.key(), Clock.systemUTC());
        AtomicLong seeds = new AtomicLong();
        for (int t = 0; t < threads; t++) {
            Thread.ofPlatform().start(() -> {
                try {
                    while (true) {
                        long seed = seeds.getAndIncrement();
                        QueueId id = QueueFixtures.commit(queue, sender(seed), recipients(seed), QueueFixtures.content(seed, size(seed)));
                        report(out, "C " + id + " " + seed);
                        if (seed % 3 == 0) {
                            queue.update(id, 1, RecipientState.DEFERRED, QueueFixtures.T0.plusSeconds(seed),
                                    Optional.of("451 4.3.0 " + seed), false);
                            report(out, "U " + id);
                        }
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                    System.exit(3);
                }
            });
        }
    }

    private static void report(PrintStream out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
