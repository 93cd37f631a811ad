package sempgw.semp.ingress.http;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.semp.ingress.Conversation;

/**
 * Runs one {@link Conversation} off the event loop, in arrival order (the turn-based transport,
 * TRANSPORT.md §2.3): opening it, each message, and finally {@link Conversation#close()}. Calls
 * may block (fsync, DNS); they run on virtual threads.
 *
 * <p>With {@code maxConcurrent} above 1 (h2 tunnels), a message the conversation lets run
 * {@link Conversation#concurrently} (an envelope of an established session, TRANSPORT.md
 * §4.3.2) starts as soon as its turn comes and one of the {@code maxConcurrent} lanes is free,
 * and the next message's turn comes at once. Every other message, and the close, waits until all
 * running handlings are done and runs alone: a handshake or rekey never overlaps an envelope
 * (SESSION.md §3.4). With 1 (WebSocket, whose replies are matched by order) every message runs
 * alone.
 *
 * <p>At most {@code maxPending} messages wait for their turn, plus {@code maxConcurrent - 1} when
 * messages may overlap (the lanes' worth); {@link #submit} refuses more. The outcome callback
 * runs on a virtual thread: callers hop back to their event loop themselves.
 */
final class ConversationTurns {
    private static final Logger LOG = LoggerFactory.getLogger(ConversationTurns.class);

    private final Executor threads;
    private final Supplier<Conversation> opener;
    private final Clock clock;
    private final int maxUnanswered;
    private final int maxConcurrent;
    private final Semaphore lanes;
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private int unanswered;
    private boolean running;
    private boolean closed;
    /** Written on the turn thread, read by {@link #finishedAndIdle} from the transport's. */
    private volatile Conversation conversation;

    /** Strictly one call at a time (WebSocket). */
    ConversationTurns(Executor threads, Supplier<Conversation> opener, Clock clock, int maxPending) {
        this(threads, opener, clock, maxPending, 1);
    }

    ConversationTurns(Executor threads, Supplier<Conversation> opener, Clock clock, int maxPending, int maxConcurrent) {
        if (maxPending < 1 || maxConcurrent < 1) {
            throw new IllegalArgumentException("maxPending and maxConcurrent must be positive");
        }
        this.threads = threads;
        this.opener = opener;
        this.clock = clock;
        this.maxConcurrent = maxConcurrent;
        this.maxUnanswered = maxPending + maxConcurrent - 1;
        this.lanes = new Semaphore(maxConcurrent);
    }

    /** Queues one message; false (and nothing queued) when closed or when too many wait already. */
    boolean submit(byte[] message, Consumer<TurnOutcome> onOutcome) {
        synchronized (this) {
            if (closed || unanswered >= maxUnanswered) {
                return false;
            }
            unanswered++;
        }
        enqueue(() -> turn(message, onOutcome));
        return true;
    }

    /**
     * Whether the conversation has ended on its own, between messages: its handshake ran out of
     * time without a session (HANDSHAKE.md §6.6), so the transport should close. False while a
     * message waits or runs, and before the first message.
     */
    boolean finishedAndIdle() {
        Conversation c = conversation;
        synchronized (this) {
            if (running || unanswered > 0 || closed) {
                return false;
            }
        }
        return c != null && c.finished();
    }

    /** Whether no message has come yet: nothing opened, nothing waiting or running. */
    boolean silentSoFar() {
        synchronized (this) {
            return conversation == null && !running && unanswered == 0;
        }
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
            awaitLanes();
            if (conversation != null) {
                conversation.close();
            }
        });
    }

    /** Runs on the turn thread: starts the message beside others, or waits for them and runs it alone. */
    private void turn(byte[] message, Consumer<TurnOutcome> onOutcome) {
        Optional<Function<Instant, Conversation.Answer>> beside;
        try {
            beside = maxConcurrent > 1 && conversation != null ? conversation.concurrently(message, clock.instant()) : Optional.empty();
        } catch (RuntimeException e) {
            answer(onOutcome, new TurnOutcome.Failed(e));
            return;
        }
        if (beside.isEmpty()) {
            awaitLanes();
            answer(onOutcome, alone(message));
            return;
        }
        lanes.acquireUninterruptibly();
        try {
            threads.execute(() -> {
                try {
                    answer(onOutcome, answered(beside.get()));
                } finally {
                    lanes.release();
                }
            });
        } catch (RejectedExecutionException e) {
            lanes.release();
            answer(onOutcome, new TurnOutcome.Failed(e));
        }
    }

    private TurnOutcome answered(Function<Instant, Conversation.Answer> handling) {
        try {
            Conversation.Answer a = handling.apply(clock.instant());
            if (a.malformed()) {
                return new TurnOutcome.Malformed(false);
            }
            return a.reply().<TurnOutcome>map(body -> new TurnOutcome.Reply(body, false)).orElseGet(() -> new TurnOutcome.Silent(false));
        } catch (RuntimeException e) {
            return new TurnOutcome.Failed(e);
        }
    }

    private TurnOutcome alone(byte[] message) {
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
        }
    }

    private void answer(Consumer<TurnOutcome> onOutcome, TurnOutcome outcome) {
        synchronized (this) {
            unanswered--;
        }
        onOutcome.accept(outcome);
    }

    /** Waits until no handling runs beside the turn thread. */
    private void awaitLanes() {
        lanes.acquireUninterruptibly(maxConcurrent);
        lanes.release(maxConcurrent);
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
