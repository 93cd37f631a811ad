package sempgw.app.demo;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the demo prints, one line at a time from any thread: hops as
 * {@code +1.23s  handshake  federation session with beta.test over h2, suite ...} (seconds since
 * the message was sent), and plain lines. Remembers which kinds of hop it has printed, so the
 * demo can wait for one and judge the run by what it observed.
 */
final class Transcript {
    private final PrintWriter out;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition printed = lock.newCondition();
    private final Set<Hop.Kind> seen = EnumSet.noneOf(Hop.Kind.class);
    private long startNanos = System.nanoTime();

    Transcript(PrintWriter out) {
        this.out = out;
    }

    /** Times the following hops from now. */
    void startClock() {
        lock.lock();
        try {
            startNanos = System.nanoTime();
        } finally {
            lock.unlock();
        }
    }

    void hop(Hop hop) {
        lock.lock();
        try {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            out.printf(Locale.ROOT, "%+7.2fs  %-9s  %s%n", seconds, hop.kind().label(), hop.text());
            out.flush();
            seen.add(hop.kind());
            printed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void line(String text) {
        lock.lock();
        try {
            out.println(text);
            out.flush();
        } finally {
            lock.unlock();
        }
    }

    boolean seen(Hop.Kind kind) {
        lock.lock();
        try {
            return seen.contains(kind);
        } finally {
            lock.unlock();
        }
    }

    /** Waits at most {@code max} until a hop of {@code kind} has been printed; true if it has. */
    boolean await(Hop.Kind kind, Duration max) throws InterruptedException {
        long left = max.toNanos();
        lock.lock();
        try {
            while (!seen.contains(kind) && left > 0) {
                left = printed.awaitNanos(left);
            }
            return seen.contains(kind);
        } finally {
            lock.unlock();
        }
    }
}
