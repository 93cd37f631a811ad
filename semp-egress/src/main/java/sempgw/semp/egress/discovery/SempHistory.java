package sempgw.semp.egress.discovery;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the gateway remembers about domains it has seen speaking SEMP, beyond any cache TTL:
 *
 * <ul>
 *   <li>a pin: for {@code pinDuration} after the last SEMP discovery, losing the SEMP records is
 *       a temporary failure, not a reason to send in clear (GATEWAY.md §4, like MTA-STS
 *       {@code max_age}, RFC 8461 §5);</li>
 *   <li>the highest configuration revision accepted, for {@code revisionMemory}, so a lower one
 *       is refused as a rollback (DISCOVERY.md §3.5.1).</li>
 * </ul>
 * Only an explicit opt-out (an SRV record with target ".") clears a pin early. Bounded to
 * {@code maxEntries} domains (least recently seen dropped first). Thread-safe.
 *
 * <p>With a {@link PinJournal} the memory survives restarts: it is loaded at construction and
 * rewritten after a change that matters (a new domain, a higher revision, an opt-out, a pin moved
 * forward by {@link #REFRESH} or more), at most once per {@link #WRITE_INTERVAL}; a change inside
 * the interval is written by the next operation after it, or by {@link #flush()}. The write runs on
 * the calling thread, outside the lock that guards the memory; a failed write is logged and retried
 * with the next change.
 */
final class SempHistory {
    /** The least time between two journal writes. */
    static final Duration WRITE_INTERVAL = Duration.ofSeconds(10);
    /** How far a pin must move forward before the move alone is written. */
    static final Duration REFRESH = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(SempHistory.class);

    private record Seen(Instant lastSemp, long highestRevision) {
    }

    private final Clock clock;
    private final Duration pinDuration;
    private final Duration revisionMemory;
    private final Map<String, Seen> seen;
    private final Optional<PinJournal> journal;
    private final ReentrantLock writing = new ReentrantLock();
    private boolean dirty;
    private Instant lastWrite = Instant.MIN;

    SempHistory(Clock clock, Duration pinDuration, Duration revisionMemory, int maxEntries) {
        this(clock, pinDuration, revisionMemory, maxEntries, Optional.empty());
    }

    SempHistory(Clock clock, Duration pinDuration, Duration revisionMemory, int maxEntries, Optional<PinJournal> journal) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pinDuration = Objects.requireNonNull(pinDuration, "pinDuration");
        this.revisionMemory = Objects.requireNonNull(revisionMemory, "revisionMemory");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.seen = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
                return size() > maxEntries;
            }
        };
        journal.ifPresent(j -> load(j, maxEntries));
    }

    private void load(PinJournal j, int maxEntries) {
        Instant now = clock.instant();
        Duration keep = pinDuration.compareTo(revisionMemory) > 0 ? pinDuration : revisionMemory;
        j.load(maxEntries, now).forEach((domain, e) -> {
            if (now.isBefore(e.lastSemp().plus(keep))) {
                seen.put(domain, new Seen(e.lastSemp(), e.highestRevision()));
            }
        });
        LOG.info("discovery pins {}: {} domains remembered", j.file(), seen.size());
    }

    /** Records a successful SEMP discovery with configuration {@code revision}. */
    void sawSemp(String domain, long revision) {
        synchronized (this) {
            Instant now = clock.instant();
            Seen before = seen.get(domain);
            long highest = before == null ? revision : Math.max(revision, current(before).orElse(revision));
            seen.put(domain, new Seen(now, highest));
            dirty |= before == null || highest != before.highestRevision() || !now.isBefore(before.lastSemp().plus(REFRESH));
        }
        writeIfDue(false);
    }

    /** The end of the pin, when {@code domain} is pinned now. */
    Optional<Instant> pinnedUntil(String domain) {
        writeIfDue(false);
        synchronized (this) {
            Seen s = seen.get(domain);
            if (s == null) {
                return Optional.empty();
            }
            Instant until = s.lastSemp().plus(pinDuration);
            return clock.instant().isBefore(until) ? Optional.of(until) : Optional.empty();
        }
    }

    /** The highest revision accepted within {@code revisionMemory}. */
    synchronized OptionalLong highestRevision(String domain) {
        Seen s = seen.get(domain);
        return s == null ? OptionalLong.empty() : current(s);
    }

    /** Forgets the domain: it declared that it does not offer SEMP (RFC 2782 target "."). */
    void optOut(String domain) {
        synchronized (this) {
            dirty |= seen.remove(domain) != null;
        }
        writeIfDue(false);
    }

    /** Writes pending changes now (at shutdown). */
    void flush() {
        writeIfDue(true);
    }

    private OptionalLong current(Seen s) {
        return clock.instant().isBefore(s.lastSemp().plus(revisionMemory)) ? OptionalLong.of(s.highestRevision()) : OptionalLong.empty();
    }

    /** One writer at a time; a busy writer is not waited for unless {@code force}: the change stays pending. */
    private void writeIfDue(boolean force) {
        if (journal.isEmpty() || !(force ? lockNow() : writing.tryLock())) {
            return;
        }
        try {
            Map<String, PinJournal.Entry> snapshot = new LinkedHashMap<>();
            synchronized (this) {
                Instant now = clock.instant();
                if (!dirty || (!force && now.isBefore(lastWrite.plus(WRITE_INTERVAL)))) {
                    return;
                }
                seen.forEach((d, s) -> snapshot.put(d, new PinJournal.Entry(s.lastSemp(), s.highestRevision())));
                dirty = false;
                lastWrite = now;
            }
            try {
                journal.get().write(snapshot);
            } catch (IOException | RuntimeException e) {
                synchronized (this) {
                    dirty = true;
                }
                LOG.warn("discovery pins {}: not written ({}); kept in memory, retried later", journal.get().file(), e.toString());
            }
        } finally {
            writing.unlock();
        }
    }

    private boolean lockNow() {
        writing.lock();
        return true;
    }
}
