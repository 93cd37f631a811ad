package sempgw.semp.ingress.http;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.semp.ingress.Conversation;

/**
 * Runs one {@link Conversation} off the event loop, strictly one call at a time and in arrival
 * order (the turn-based transport, TRANSPORT.md §2.3): opening it, each message, and finally
 * {@link Conversation#close()}. Calls may block (fsync, DNS); they run on virtual threads.
 *
 * <p>At most {@code maxPending} messages wait; {@link #submit} refuses more. The outcome callback
 * runs on the virtual thread: callers hop back to their event loop themselves.
 */
final class ConversationTurns {
    private static final Logger LOG = LoggerFactory.getLogger(ConversationTurns.class);

    private final Executor threads;
    private final Supplier<Conversation> opener;
    private final Clock clock;
    private final int maxPending;
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private int pendingMessages;
    private boolean running;
    private boolean closed;
    private Conversation conversation;

    ConversationTurns(Executor threads, Supplier<Conversation> opener, Clock clock, int maxPending) {
        this.threads = threads;
        this.opener = opener;
        this.clock = clock;
        this.maxPending = maxPending;
    }

    /** Queues one message; false (and nothing queued) when closed or when too many wait already. */
    boolean submit(byte[] message, Consumer<TurnOutcome> onOutcome) {
        synchronized (this) {
            if (closed || pendingMessages >= maxPending) {
                return false;
            }
            pendingMessages++;
        }
        enqueue(() -> onOutcome.accept(turn(message)));
        return true;
    }

    /** Queues {@link Conversation#close()} behind the waiting messages; later calls do nothing. */
    void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        enqueue(() -> {
            if (conversation != null) {
                conversation.close();
            }
        });
    }

    private TurnOutcome turn(byte[] message) {
        try {
            if (conversation == null) {
                conversation = opener.get();
            }
            Optional<byte[]> reply = conversation.onMessage(message, clock.instant());
            boolean finished = conversation.finished();
            if (conversation.lastMessageMalformed()) {
                return new TurnOutcome.Malformed(finished);
            }
            return reply.<TurnOutcome>map(body -> new TurnOutcome.Reply(body, finished))
                    .orElseGet(() -> new TurnOutcome.Silent(finished));
        } catch (RuntimeException e) {
            return new TurnOutcome.Failed(e);
        } finally {
            synchronized (this) {
                pendingMessages--;
            }
        }
    }

    private void enqueue(Runnable task) {
        synchronized (this) {
            queue.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        try {
            threads.execute(this::drain);
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                queue.clear();
                running = false;
            }
            LOG.warn("conversation task refused: the server is stopping");
        }
    }

    private void drain() {
        while (true) {
            Runnable task;
            synchronized (this) {
                task = queue.poll();
                if (task == null) {
                    running = false;
                    return;
                }
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("conversation task failed: {}", Failures.describe(e));
            }
        }
    }
}
