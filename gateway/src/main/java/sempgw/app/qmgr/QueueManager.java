package sempgw.app.qmgr;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.store.queue.DeliveryAgent;
import sempgw.store.queue.DeliveryResult;
import sempgw.store.queue.MessageQueue;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.QueueId;
import sempgw.store.queue.RecipientState;
import sempgw.store.queue.RecipientStatus;

/**
 * Schedules delivery (Postfix's qmgr role). Newly committed entries are due at once, and
 * at start every entry recovered from the queue resumes at its recorded time. One scheduler
 * thread takes due entries, groups their due recipients by destination into {@link Batch}es
 * and runs each batch on its own virtual thread, which waits for a slot of its destination
 * ({@link DestinationLimiter}), calls the {@link DeliveryAgent} and hands the results to the
 * {@link ResultRecorder}.
 *
 * <p>States of a recipient as seen here: QUEUED or DEFERRED and due -> in flight (in memory
 * only) -> DELIVERED, BOUNCED, DEFERRED (with a backoff) or HELD (the operator held it
 * meanwhile). HELD recipients are never picked. At most {@code activeLimit} batches run or
 * wait at once; due entries beyond that stay scheduled. A crash while in flight leaves the
 * recipient QUEUED or DEFERRED on disk, so it is tried again (a duplicate, never a loss).
 * Time comes only from the injected {@link Clock}.
 */
public final class QueueManager implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueueManager.class);
    private static final Duration MAX_IDLE = Duration.ofMinutes(1);

    private record InFlight(QueueId id, int index) {
    }

    private final MessageQueue queue;
    private final DeliveryAgent agent;
    private final DestinationResolver destinations;
    private final QmgrSettings settings;
    private final Clock clock;
    private final ResultRecorder recorder;
    private final Passes passes = new Passes();
    private final Schedule schedule = new Schedule();
    private final DestinationLimiter limiter;
    private final Semaphore active;
    private final Set<InFlight> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<QueueId> forced = ConcurrentHashMap.newKeySet();
    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeup = lock.newCondition();
    private boolean signalled;
    private volatile boolean running;
    private Thread scheduler;

    /** A queue manager with Postfix's backoff ({@link RetryPolicy#exponential}) from the settings: the SMTP queue. */
    public QueueManager(MessageQueue queue, DeliveryAgent agent, DestinationResolver destinations, Notifier notifier,
            QmgrSettings settings, Clock clock, RandomGenerator random) {
        this(queue, agent, destinations, notifier, settings, clock,
                RetryPolicy.exponential(settings.minBackoff(), settings.maxBackoff(), settings.maxLifetime(), random));
    }

    /** A queue manager with its own retry schedule (the SEMP sender queue: DELIVERY.md §2.3). */
    public QueueManager(MessageQueue queue, DeliveryAgent agent, DestinationResolver destinations, Notifier notifier,
            QmgrSettings settings, Clock clock, RetryPolicy retries) {
        this.queue = queue;
        this.agent = agent;
        this.destinations = destinations;
        this.settings = settings;
        this.clock = clock;
        this.limiter = new DestinationLimiter(settings.concurrencyPerDestination());
        this.active = new Semaphore(settings.activeLimit());
        this.recorder = new ResultRecorder(queue, notifier, retries, settings, clock, destinations);
    }

    /** Takes over every entry in the queue and every entry committed from now on. */
    public synchronized void start() {
        if (running) {
            throw new IllegalStateException("already started");
        }
        queue.onCommit(entry -> retryNow(entry.id()));
        List<QueueEntry> recovered = queue.entries();
        recovered.forEach(this::scheduleNext);
        running = true;
        scheduler = Thread.ofVirtual().name("qmgr").start(this::loop);
        LOG.info("queue manager started: {} entries in the queue, {} with recipients pending", recovered.size(), schedule.size());
    }

    /** Makes an entry due now (new mail, {@code queue release}, {@code queue flush}). */
    public void retryNow(QueueId id) {
        schedule.add(id, clock.instant());
        wake();
    }

    /**
     * Makes an entry's deferred recipients due now, whatever their backoff ({@code queue flush}).
     * Nothing is written to the queue: if the attempt fails, the new backoff is recorded as usual.
     */
    public void forceRetry(QueueId id) {
        forced.add(id);
        retryNow(id);
    }

    /** Wakes the scheduler to look at the schedule again (for instance after the clock moved). */
    public void wake() {
        lock.lock();
        try {
            signalled = true;
            wakeup.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Whether a recipient is being delivered right now. */
    public boolean inFlight(QueueId id, int index) {
        return inFlight.contains(new InFlight(id, index));
    }

    private void loop() {
        while (running) {
            int room = active.availablePermits();
            if (room > 0) {
                for (QueueId id : schedule.takeDue(clock.instant(), room)) {
                    if (!dispatch(id)) {
                        break;
                    }
                }
            }
            awaitWork();
        }
    }

    private void awaitWork() {
        lock.lock();
        try {
            if (!signalled) {
                Duration wait = MAX_IDLE;
                Optional<Instant> next = schedule.next();
                if (active.availablePermits() > 0 && next.isPresent()) {
                    Duration until = Duration.between(clock.instant(), next.get());
                    wait = until.isNegative() ? Duration.ZERO : until.compareTo(MAX_IDLE) > 0 ? MAX_IDLE : until;
                }
                if (!wait.isZero()) {
                    wakeup.awaitNanos(wait.toNanos());
                }
            }
            signalled = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Starts a batch per destination for the entry's due recipients; false if the active window is full.
     *
     * <p>Which recipients are in flight is read before their states: a worker records its results
     * and only then leaves the in-flight set, and only this thread enters it, so a recipient not in
     * flight at the first read has its latest state in the entry read after it. Read the other way
     * round, a delivery finishing in between would leave a stale pending state and no in-flight
     * mark, and the recipient would be delivered twice.
     */
    private boolean dispatch(QueueId id) {
        Optional<QueueEntry> found = queue.find(id);
        if (found.isPresent()) {
            boolean[] busy = busy(id, found.get().recipients().size());
            found = queue.find(id);
            if (found.isPresent()) {
                return dispatch(found.get(), busy);
            }
        }
        forced.remove(id);
        return true;
    }

    private boolean[] busy(QueueId id, int recipients) {
        boolean[] busy = new boolean[recipients];
        for (int i = 0; i < recipients; i++) {
            busy[i] = inFlight(id, i);
        }
        return busy;
    }

    private boolean dispatch(QueueEntry entry, boolean[] busy) {
        QueueId id = entry.id();
        Instant now = clock.instant();
        boolean force = forced.remove(id);
        boolean expired = !now.isBefore(entry.arrivedAt().plus(settings.maxLifetime()));
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < entry.recipients().size(); i++) {
            RecipientStatus r = entry.recipients().get(i);
            if (pending(r) && (force || !r.nextAttempt().isAfter(now)) && !busy[i]) {
                String destination = expired ? "none" : destinations.destinationOf(r.recipient());
                groups.computeIfAbsent(destination, d -> new ArrayList<>()).add(i);
            }
        }
        List<Batch> batches = new ArrayList<>();
        boolean full = false;
        for (var group : groups.entrySet()) {
            if (!active.tryAcquire()) {
                schedule.add(id, now);
                full = true;
                break;
            }
            Batch batch = new Batch(entry, group.getKey(), group.getValue(), expired);
            batch.indices().forEach(i -> inFlight.add(new InFlight(id, i)));
            passes.started(id);
            batches.add(batch);
        }
        // Every batch is counted in the entry's pass before the first starts, so a quick one cannot end the pass early.
        batches.forEach(this::startWorker);
        if (full) {
            return false;
        }
        scheduleNext(entry);
        return true;
    }

    /** Runs {@code batch} on a virtual thread of its own. */
    private void startWorker(Batch batch) {
        Thread worker = Thread.ofVirtual().name("delivery-" + batch.entry().id()).unstarted(() -> run(batch));
        workers.add(worker);
        worker.start();
    }

    /**
     * Delivers a batch and records its results. Recipients whose results call for a notice stay
     * in flight until the last batch of the entry's pass sends the notices of all of them
     * ({@link Passes}); a crash meanwhile leaves them pending on disk, to be tried again.
     */
    private void run(Batch batch) {
        QueueId id = batch.entry().id();
        List<ResultRecorder.Pending> notices = List.of();
        try {
            notices = recorder.record(batch, batch.expired() ? expiredResults(batch) : deliver(batch));
        } catch (InterruptedException e) {
            LOG.info("{}: delivery to {} interrupted by shutdown; it will be tried again", id, batch.destination());
        } catch (IOException | RuntimeException e) {
            LOG.error("{}: cannot record delivery results for {}: {}", id, batch.destination(), e.toString());
        } finally {
            List<ResultRecorder.Pending> due = passes.ended(id, notices);
            settle(id, due);
            Set<Integer> waiting = new HashSet<>();
            if (due.isEmpty()) {
                notices.forEach(p -> waiting.add(p.notice().index()));
            }
            batch.indices().stream().filter(i -> !waiting.contains(i)).forEach(i -> inFlight.remove(new InFlight(id, i)));
            due.forEach(p -> inFlight.remove(new InFlight(id, p.notice().index())));
            active.release();
            workers.remove(Thread.currentThread());
            if (running) {
                rescheduleAfter(batch);
            }
        }
    }

    private void settle(QueueId id, List<ResultRecorder.Pending> due) {
        try {
            recorder.settle(id, due);
        } catch (IOException | RuntimeException e) {
            LOG.error("{}: cannot record {} notices; their recipients will be tried again: {}", id, due.size(), e.toString());
        }
    }

    private List<DeliveryResult> deliver(Batch batch) throws InterruptedException {
        try (DestinationLimiter.Permit _ = limiter.acquire(batch.destination())) {
            QueueId id = batch.entry().id();
            List<DeliveryResult> results;
            try {
                results = agent.deliver(batch.entry(), batch.recipients(), () -> queue.openContent(id));
            } catch (RuntimeException e) {
                LOG.error("{}: delivery agent failed for {}: {}", id, batch.destination(), e.toString());
                return allDeferred(batch, "451 4.3.0 internal error in the delivery agent");
            }
            if (results == null || results.size() != batch.indices().size()) {
                LOG.error("{}: delivery agent returned {} results for {} recipients", id,
                        results == null ? 0 : results.size(), batch.indices().size());
                return allDeferred(batch, "451 4.3.0 internal error in the delivery agent");
            }
            return results;
        }
    }

    /** An expired message is not tried again: each recipient is reported with its last reply and that reply's reason code. */
    private static List<DeliveryResult> expiredResults(Batch batch) {
        return batch.indices().stream()
                .map(i -> batch.entry().recipients().get(i))
                .map(r -> (DeliveryResult) new DeliveryResult.Deferred(
                        r.lastReply().orElse("4.4.7 message expired before any delivery attempt"), r.lastReason()))
                .toList();
    }

    private static List<DeliveryResult> allDeferred(Batch batch, String reply) {
        return Collections.nCopies(batch.indices().size(), new DeliveryResult.Deferred(reply));
    }

    private void rescheduleAfter(Batch batch) {
        try {
            queue.find(batch.entry().id()).ifPresent(this::scheduleNext);
        } catch (RuntimeException e) {
            LOG.error("{}: cannot re-read the entry after delivery: {}", batch.entry().id(), e.toString());
            schedule.add(batch.entry().id(), clock.instant().plus(settings.minBackoff()));
        }
        wake();
    }

    /** Schedules the entry at its earliest pending recipient that is not in flight. */
    private void scheduleNext(QueueEntry entry) {
        Instant earliest = null;
        for (int i = 0; i < entry.recipients().size(); i++) {
            RecipientStatus r = entry.recipients().get(i);
            if (pending(r) && !inFlight(entry.id(), i) && (earliest == null || r.nextAttempt().isBefore(earliest))) {
                earliest = r.nextAttempt();
            }
        }
        if (earliest != null) {
            schedule.add(entry.id(), earliest);
        }
    }

    private static boolean pending(RecipientStatus r) {
        return r.state() == RecipientState.QUEUED || r.state() == RecipientState.DEFERRED;
    }

    /**
     * Stops scheduling and lets running deliveries finish for up to the shutdown grace; the
     * rest are interrupted and their recipients stay pending on disk.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
        }
        wake();
        try {
            scheduler.join(MAX_IDLE);
            long deadline = System.nanoTime() + settings.shutdownGrace().toNanos();
            for (Thread w : List.copyOf(workers)) {
                w.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            }
            for (Thread w : List.copyOf(workers)) {
                w.interrupt();
            }
            for (Thread w : List.copyOf(workers)) {
                w.join(Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("queue manager stopped; {} deliveries were still running", workers.size());
    }

    /** Batches running or waiting for a destination slot (for tests and status output). */
    int activeBatches() {
        return settings.activeLimit() - active.availablePermits();
    }
}
