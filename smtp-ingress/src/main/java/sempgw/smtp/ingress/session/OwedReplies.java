package sempgw.smtp.ingress.session;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The DATA replies owed for messages already committed, while the after-commit hook decides
 * them. Stopping must not cut such a connection with {@code 421}: the message is queued, and the
 * client would send it again (RFC 5321 §6.1). So the ingress {@link #settle settles} them first:
 * it interrupts every hook still deciding (the hook ends promptly, and the ingress then replies)
 * and waits until each owed reply is queued on its connection, where the shutdown notice follows
 * it.
 *
 * <p>A session thread calls {@link #committed()}, {@link #decided()} once the hook returned or
 * threw, and {@link #replied()} once its reply is queued, the last in a {@code finally}. An
 * interrupt meant for a hook never outlives {@link #decided()}, so it cannot break the
 * connection's I/O afterwards.
 */
public final class OwedReplies {
    private final Set<Thread> deciding = new HashSet<>();
    private int owed;
    private boolean stopping;

    /** The current thread committed a message and owes its reply; its hook may now be interrupted. */
    public synchronized void committed() {
        owed++;
        deciding.add(Thread.currentThread());
        if (stopping) {
            Thread.currentThread().interrupt();
        }
    }

    /** The current thread's hook returned or threw; clears an interrupt sent to it. */
    public synchronized void decided() {
        deciding.remove(Thread.currentThread());
        Thread.interrupted();
    }

    /** The current thread's reply is queued on its connection, or the connection is gone. */
    public synchronized void replied() {
        if (deciding.remove(Thread.currentThread())) {
            Thread.interrupted();
        }
        owed--;
        notifyAll();
    }

    /**
     * Interrupts every hook now deciding, and any that starts later, then waits until no reply
     * is owed, at most {@code timeout}.
     *
     * @return true if every owed reply was queued in time
     */
    public synchronized boolean settle(Duration timeout) throws InterruptedException {
        stopping = true;
        deciding.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (owed > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Replies owed right now. */
    public synchronized int owed() {
        return owed;
    }
}
