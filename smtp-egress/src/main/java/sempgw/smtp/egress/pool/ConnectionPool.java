package sempgw.smtp.egress.pool;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import sempgw.smtp.egress.client.SmtpClientSession;

/**
 * Idle client sessions kept per destination, so that consecutive messages to the same next hop
 * reuse one connection (Postfix's connection cache, scache(8)). Thread-safe. The pool does not
 * limit how many sessions are in use: the queue manager's per-destination concurrency does.
 *
 * <p>Limits: at most {@code maxIdlePerDestination} idle sessions per destination; a session idle
 * longer than {@code maxIdle} or open longer than {@code maxAge} is closed instead of reused.
 * Sessions are taken newest first, so surplus ones age out. Closing (QUIT) happens outside the lock.
 */
public final class ConnectionPool implements AutoCloseable {

    private final int maxIdlePerDestination;
    private final Duration maxIdle;
    private final Duration maxAge;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Deque<Idle>> idle = new HashMap<>();
    private boolean closed;

    private record Idle(SmtpClientSession session, Instant since) {
    }

    public ConnectionPool(int maxIdlePerDestination, Duration maxIdle, Duration maxAge, Clock clock) {
        if (maxIdlePerDestination < 0) {
            throw new IllegalArgumentException("maxIdlePerDestination must be >= 0");
        }
        this.maxIdlePerDestination = maxIdlePerDestination;
        this.maxIdle = Objects.requireNonNull(maxIdle);
        this.maxAge = Objects.requireNonNull(maxAge);
        this.clock = Objects.requireNonNull(clock);
    }

    /** An idle session for the destination, the most recently used first, if a fresh one is left. */
    public Optional<SmtpClientSession> take(String destination) {
        List<SmtpClientSession> expired = new ArrayList<>();
        Optional<SmtpClientSession> found = Optional.empty();
        Instant now = clock.instant();
        lock.lock();
        try {
            Deque<Idle> sessions = idle.get(destination);
            while (sessions != null && !sessions.isEmpty() && found.isEmpty()) {
                Idle candidate = sessions.pollFirst();
                if (fresh(candidate, now)) {
                    found = Optional.of(candidate.session());
                } else {
                    expired.add(candidate.session());
                }
            }
        } finally {
            lock.unlock();
        }
        expired.forEach(SmtpClientSession::close);
        return found;
    }

    /** Returns a session after a transaction; an unusable, old or surplus session is closed. */
    public void give(String destination, SmtpClientSession session) {
        Instant now = clock.instant();
        boolean keep = session.usable() && Duration.between(session.openedAt(), now).compareTo(maxAge) < 0;
        if (keep) {
            lock.lock();
            try {
                Deque<Idle> sessions = idle.computeIfAbsent(destination, d -> new ArrayDeque<>());
                keep = !closed && sessions.size() < maxIdlePerDestination;
                if (keep) {
                    sessions.addFirst(new Idle(session, now));
                }
            } finally {
                lock.unlock();
            }
        }
        if (!keep) {
            session.close();
        }
    }

    /** Closes sessions idle too long; run periodically so idle connections do not linger. */
    public void evictExpired() {
        List<SmtpClientSession> expired = new ArrayList<>();
        Instant now = clock.instant();
        lock.lock();
        try {
            for (Deque<Idle> sessions : idle.values()) {
                sessions.removeIf(i -> {
                    boolean stale = !fresh(i, now);
                    if (stale) {
                        expired.add(i.session());
                    }
                    return stale;
                });
            }
            idle.values().removeIf(Deque::isEmpty);
        } finally {
            lock.unlock();
        }
        expired.forEach(SmtpClientSession::close);
    }

    /** Idle sessions currently kept, over all destinations. */
    public int idleCount() {
        lock.lock();
        try {
            return idle.values().stream().mapToInt(Deque::size).sum();
        } finally {
            lock.unlock();
        }
    }

    private boolean fresh(Idle i, Instant now) {
        return i.session().usable()
                && Duration.between(i.since(), now).compareTo(maxIdle) < 0
                && Duration.between(i.session().openedAt(), now).compareTo(maxAge) < 0;
    }

    @Override
    public void close() {
        List<SmtpClientSession> all = new ArrayList<>();
        lock.lock();
        try {
            closed = true;
            idle.values().forEach(d -> d.forEach(i -> all.add(i.session())));
            idle.clear();
        } finally {
            lock.unlock();
        }
        all.forEach(SmtpClientSession::close);
    }
}
