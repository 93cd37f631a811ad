package sempgw.store.queue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit of directory entries: a session that has created a file in the queue directory
 * calls {@link #request()}; one committer thread fsyncs the directory once for every request
 * made before that fsync began and completes them all. While one fsync runs, the next batch
 * gathers, so under load a single directory fsync covers many files, and since a session asks
 * when it creates its file (at the start of DATA) and waits only at commit, the fsync is
 * normally finished before anyone waits for it.
 *
 * <p>A request is completed only by an fsync that began after it was made, so the name created
 * before the request is covered. If that fsync fails, every request of the batch fails with the
 * {@link IOException}.
 */
final class DirectorySync implements AutoCloseable {
    private final FileChannel directory;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final LongAdder syncs = new LongAdder();
    private final Thread committer;
    private CompletableFuture<Void> batch = new CompletableFuture<>();
    private int waiting;
    private boolean closed;

    DirectorySync(Path dir) throws IOException {
        this.directory = FileChannel.open(dir, StandardOpenOption.READ);
        this.committer = Thread.ofPlatform().daemon().name("sempgw-queue-committer").start(this::run);
    }

    /**
     * Asks for a directory fsync; the future completes once an fsync that began after this call
     * has finished. Ask right after creating a name, wait before acknowledging it: the fsync
     * overlaps with whatever the caller does in between.
     */
    CompletableFuture<Void> request() throws IOException {
        lock.lock();
        try {
            if (closed) {
                throw new IOException("queue closed");
            }
            waiting++;
            work.signal();
            return batch;
        } finally {
            lock.unlock();
        }
    }

    /** Waits for a {@link #request()}; a failed fsync is rethrown as the {@link IOException} it was. */
    static void await(CompletableFuture<Void> requested) throws IOException {
        try {
            requested.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException("directory fsync failed", e.getCause());
        }
    }

    /** Directory fsyncs done so far. */
    long syncs() {
        return syncs.sum();
    }

    private void run() {
        while (true) {
            CompletableFuture<Void> current;
            lock.lock();
            try {
                while (waiting == 0 && !closed) {
                    work.awaitUninterruptibly();
                }
                if (waiting == 0) {
                    return;
                }
                current = batch;
                batch = new CompletableFuture<>();
                waiting = 0;
            } finally {
                lock.unlock();
            }
            try {
                directory.force(true);
                syncs.increment();
                current.complete(null);
            } catch (IOException | RuntimeException e) {
                current.completeExceptionally(e);
            }
        }
    }

    /** Completes the pending batch, stops the committer and closes the directory. */
    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            closed = true;
            work.signal();
        } finally {
            lock.unlock();
        }
        try {
            committer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        directory.close();
    }
}
