package sempgw.app.bridge;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import sempgw.app.qmgr.Notice;
import sempgw.app.qmgr.Notifier;
import sempgw.store.queue.DeliveryResult;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.QueueId;

/**
 * The first delivery attempt of messages whose SMTP client is still waiting for the reply to
 * DATA (GATEWAY.md §5). The queue manager delivers a new entry at once, as for any other mail;
 * the routing agent marks each recipient here as it is routed and tried, the {@link TransactionGate}
 * waits for every recipient to be marked, and the sender's notices for such an entry wait for
 * the gate's verdict ({@link #notifier}): when every recipient was refused, the client hears a
 * {@code 5xx} and no DSN is sent; otherwise the notices go out as usual.
 *
 * <p>An entry is watched from its commit ({@link #watch}, called by the queue's commit
 * listener before the queue manager's) until its notices have had time to see the gate's
 * verdict ({@link #settle}); later watches sweep out what is older than that. Thread-safe.
 */
public final class FirstAttempts {
    private static final long SWEEP_INTERVAL = 1_000_000_000L;

    private final Map<QueueId, Attempt> watched = new ConcurrentHashMap<>();
    private final Duration bound;
    /** How long a decided entry is kept: longer than any notice waits for its verdict. */
    private final long keepDecided;
    private final AtomicLong lastSweep = new AtomicLong(System.nanoTime());

    /** @param bound how long the gate waits; a notice never waits longer than twice this */
    public FirstAttempts(Duration bound) {
        this.bound = bound;
        this.keepDecided = bound.multipliedBy(2).toNanos() + SWEEP_INTERVAL;
    }

    /** Starts watching an entry just committed by the SMTP listener; at most once a second, sweeps out what is done. */
    public void watch(QueueId id, int recipients) {
        long now = System.nanoTime();
        long last = lastSweep.get();
        if (now - last > SWEEP_INTERVAL && lastSweep.compareAndSet(last, now)) {
            watched.values().removeIf(a -> a.stale(now, keepDecided));
        }
        attempt(id).expect(recipients);
    }

    /** Records what happened to one recipient in the entry's first attempt; ignored for entries not watched. */
    public void mark(QueueId id, String recipient, Mark mark) {
        Attempt a = watched.get(id);
        if (a != null) {
            a.mark(recipient.toLowerCase(Locale.ROOT), mark);
        }
    }

    /** Waits at most {@code wait} for every recipient of {@code id} to be marked; the marks so far. */
    List<Mark> await(QueueId id, Duration wait) throws InterruptedException {
        return attempt(id).await(wait);
    }

    /** The gate's verdict: {@code refused} drops the entry's notices, otherwise they are sent. */
    void settle(QueueId id, boolean refused) {
        Attempt a = watched.get(id);
        if (a != null) {
            a.decide(refused);
        }
    }

    /**
     * The queue manager's notifier: notices for a watched entry wait for the verdict (at most
     * twice the gate's bound), then go to {@code delegate} unless the client was told {@code 5xx}.
     */
    public Notifier notifier(Notifier delegate) {
        return (entry, notices) -> {
            Attempt a = watched.get(entry.id());
            if (a == null || !a.refusedWithin(bound.multipliedBy(2))) {
                delegate.send(entry, notices);
            }
        };
    }

    private Attempt attempt(QueueId id) {
        return watched.computeIfAbsent(id, k -> new Attempt());
    }

    /** What the first attempt did with one recipient. */
    public sealed interface Mark {
        /** Routed to SMTP: its result is not waited for. */
        record Smtp() implements Mark {
        }

        /** Tried (SEMP, or refused by policy) with this result. */
        record Tried(DeliveryResult result) implements Mark {
        }
    }

    /**
     * One watched entry: the marks by recipient and the gate's verdict. Guarded by a
     * {@link ReentrantLock}, not a monitor: in a JFR profile of the bridge benchmark, the
     * {@code notifyAll} that woke the waiting SMTP session's virtual thread from
     * {@code Object.wait} took 6% of the sending gateway's samples; a {@link Condition} unparks
     * it in Java, and the hot spot is gone.
     */
    private static final class Attempt {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private final Map<String, Mark> marks = new java.util.LinkedHashMap<>();
        private final long created = System.nanoTime();
        private int expected = -1;
        private Boolean refused;
        private long decided;

        void expect(int recipients) {
            change(() -> expected = recipients);
        }

        void mark(String recipient, Mark mark) {
            change(() -> marks.putIfAbsent(recipient, mark));
        }

        void decide(boolean refusedAll) {
            change(() -> {
                refused = refusedAll;
                decided = System.nanoTime();
            });
        }

        /** Applies {@code update} under the lock and wakes every waiter. */
        private void change(Runnable update) {
            lock.lock();
            try {
                update.run();
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        List<Mark> await(Duration wait) throws InterruptedException {
            lock.lock();
            try {
                long left = wait.toNanos();
                while ((expected < 0 || marks.size() < expected) && left > 0) {
                    left = changed.awaitNanos(left);
                }
                return List.copyOf(marks.values());
            } finally {
                lock.unlock();
            }
        }

        /** Decided more than {@code keep} ago, or never decided within twice that. */
        boolean stale(long now, long keep) {
            lock.lock();
            try {
                return refused != null ? now - decided > keep : now - created > 2 * keep;
            } finally {
                lock.unlock();
            }
        }

        /** Blocks until the verdict (or {@code wait}); true when the client was refused. */
        boolean refusedWithin(Duration wait) throws IOException {
            lock.lock();
            try {
                long left = wait.toNanos();
                while (refused == null && left > 0) {
                    left = changed.awaitNanos(left);
                }
                return Boolean.TRUE.equals(refused);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while waiting for the SMTP client's verdict");
            } finally {
                lock.unlock();
            }
        }
    }

    static Optional<DeliveryResult> result(Mark m) {
        return m instanceof Mark.Tried t ? Optional.of(t.result()) : Optional.empty();
    }

    static boolean isSmtpIngress(QueueEntry entry) {
        String p = entry.origin().protocol();
        return p.startsWith("SMTP") || p.startsWith("ESMTP");
    }
}
