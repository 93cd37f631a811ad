package sempgw.semp.ingress.http;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts federation messages between arrival and their reply's write, so that a stop can wait
 * for them. Once {@link #stop()} is called no new message is admitted.
 */
final class InFlight {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private int count;
    private boolean stopping;

    /** Admits one message; false when the server is stopping. */
    boolean tryBegin() {
        lock.lock();
        try {
            if (stopping) {
                return false;
            }
            count++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    void end() {
        lock.lock();
        try {
            count--;
            if (count == 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    int count() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    /** Admits nothing more, then waits until nothing is in flight or the bound passes; true when idle. */
    boolean stopAndAwait(Duration bound) throws InterruptedException {
        long nanos = bound.toNanos();
        lock.lock();
        try {
            stopping = true;
            while (count > 0) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = idle.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
