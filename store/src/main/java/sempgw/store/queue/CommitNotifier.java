package sempgw.store.queue;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the {@code onCommit} listeners on a thread of its own, in commit order, so a slow
 * listener never delays a commit (and the SMTP reply that waits for it). A listener that
 * throws is logged and keeps receiving later entries.
 */
final class CommitNotifier implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CommitNotifier.class);

    private final List<Consumer<QueueEntry>> listeners = new CopyOnWriteArrayList<>();
    /** Committed entries in order; an empty optional stops the thread. */
    private final LinkedBlockingQueue<Optional<QueueEntry>> pending = new LinkedBlockingQueue<>();
    private final Thread thread;

    CommitNotifier() {
        this.thread = Thread.ofPlatform().daemon().name("sempgw-queue-notify").start(this::run);
    }

    void add(Consumer<QueueEntry> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void publish(QueueEntry entry) {
        if (!listeners.isEmpty()) {
            pending.add(Optional.of(entry));
        }
    }

    private void run() {
        try {
            for (Optional<QueueEntry> next = pending.take(); next.isPresent(); next = pending.take()) {
                deliver(next.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(QueueEntry entry) {
        for (Consumer<QueueEntry> listener : listeners) {
            try {
                listener.accept(entry);
            } catch (RuntimeException e) {
                LOG.warn("{}: commit listener failed: {}", entry.id(), e.toString());
            }
        }
    }

    /** Delivers what is already pending (waiting at most five seconds), then stops. */
    @Override
    public void close() {
        pending.add(Optional.empty());
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
