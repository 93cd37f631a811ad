package sempgw.store.queue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file-system {@link MessageQueue}: one encrypted file per message, written by the
 * submitting session's thread, with directory fsyncs shared by all concurrent commits. The
 * on-disk layout, the durability argument and the recovery rules are in the package
 * documentation. Thread-safe.
 *
 * <p>Every committed entry is also held in memory (its envelope and recipient states, not its
 * content) so that {@link #entries()} and {@link #find} are snapshots that cost no I/O.
 */
public final class FsQueue implements MessageQueue {
    private static final Logger LOG = LoggerFactory.getLogger(FsQueue.class);

    private final QueueLayout layout;
    private final FileKeys keys;
    private final Clock clock;
    private final QueueIds ids;
    private final DirectorySync directorySync;
    private final CommitNotifier notifier;
    private final ConcurrentSkipListMap<QueueId, EntrySlot> index = new ConcurrentSkipListMap<>();
    private volatile boolean closed;

    private FsQueue(QueueLayout layout, FileKeys keys, Clock clock, Recovery.Result recovered) throws IOException {
        this.layout = layout;
        this.keys = keys;
        this.clock = clock;
        recovered.entries().forEach(slot -> index.put(slot.id, slot));
        this.ids = new QueueIds(clock, recovered.idFloorMicros());
        this.directorySync = new DirectorySync(layout.entries);
        this.notifier = new CommitNotifier();
    }

    /**
     * Opens (creating if needed) the queue in {@code dir} and recovers every committed entry.
     * Refuses a directory another queue holds open, or one written with a different key.
     *
     * @param key the queue key; the queue keeps no copy of its bytes (it keys an HMAC at open and
     *     derives a key per file), so the caller should close it right after this call
     */
    public static FsQueue open(Path dir, QueueKey key, Clock clock) throws IOException {
        Objects.requireNonNull(clock, "clock");
        long started = System.nanoTime();
        QueueLayout layout = QueueLayout.open(dir);
        try {
            FileKeys keys = new FileKeys(key);
            layout.checkKey(keys.keyId());
            Recovery.Result result = Recovery.run(layout, keys);
            FsQueue queue = new FsQueue(layout, keys, clock, result);
            LOG.info("queue {} opened: {} entries recovered, {} unfinished submissions removed, {} moved to corrupt/,"
                    + " {} finished entries removed, {} unreadable left in place, in {} ms", dir, result.entries().size(),
                    result.incomplete(), result.quarantined(), result.finished(), result.unreadable(),
                    (System.nanoTime() - started) / 1_000_000);
            return queue;
        } catch (IOException | RuntimeException e) {
            layout.close();
            throw e;
        }
    }

    @Override
    public Submission begin(Sender sender, Origin origin) {
        if (closed) {
            throw new IllegalStateException("queue closed");
        }
        return new FsSubmission(this, sender, origin, clock.instant());
    }

    @Override
    public List<QueueEntry> entries() {
        return index.values().stream().map(EntrySlot::entry).toList();
    }

    @Override
    public Optional<QueueEntry> find(QueueId id) {
        return Optional.ofNullable(index.get(id)).map(EntrySlot::entry);
    }

    @Override
    public InputStream openContent(QueueId id) throws IOException {
        requireOpen();
        EntrySlot slot = slot(id);
        try {
            return QueueFileReader.openContent(slot, keys, reason -> quarantine(slot, reason));
        } catch (CorruptEntryException e) {
            quarantine(slot, e.getMessage());
            throw e;
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>The recipient's attempt count goes up by one when the new state is a delivery outcome
     * ({@code DEFERRED}, {@code DELIVERED}, {@code BOUNCED}), unless the update only marks a
     * delay notification as sent or releases a {@code HELD} recipient to {@code DEFERRED}. Non-final states are fsync'd (a lost {@code HELD} or backoff
     * would be acted on); final states are not. Throws {@link NoSuchFileException} when the
     * entry is no longer queued.
     */
    @Override
    public QueueEntry update(QueueId id, int recipientIndex, RecipientState state, Instant nextAttempt,
            Optional<String> reply, boolean delayNotified) throws IOException {
        return update(id, recipientIndex, state, nextAttempt, reply, Optional.empty(), delayNotified);
    }

    /** {@inheritDoc} Kept in the same encrypted status record as the reply. */
    @Override
    public QueueEntry update(QueueId id, int recipientIndex, RecipientState state, Instant nextAttempt,
            Optional<String> reply, Optional<DeliveryResult.Reason> reason, boolean delayNotified) throws IOException {
        requireOpen();
        EntrySlot slot = slot(id);
        slot.lock.lock();
        try {
            if (slot.removed) {
                throw new NoSuchFileException(id.value(), null, "no longer queued");
            }
            QueueEntry entry = slot.entry();
            RecipientStatus previous = entry.recipients().get(Objects.checkIndex(recipientIndex, entry.recipients().size()));
            RecipientStatus next = new RecipientStatus(previous.recipient(), state,
                    previous.attempts() + (isAttempt(previous, state, reply, delayNotified) ? 1 : 0),
                    nextAttempt, reply, delayNotified, reason);
            slot.end = StatusLog.append(slot.file, slot.end, slot.nextSequence, keys.cipherFor(id, slot.header),
                    StatusRecord.of(recipientIndex, next), !state.isFinal());
            slot.nextSequence++;
            List<RecipientStatus> statuses = new java.util.ArrayList<>(entry.recipients());
            statuses.set(recipientIndex, next);
            QueueEntry updated = new QueueEntry(id, entry.sender(), entry.origin(), statuses, entry.arrivedAt(), entry.size());
            slot.entry(updated);
            if (updated.isDone()) {
                remove(slot);
                Files.deleteIfExists(slot.file);
                LOG.info("{}: removed", id);
            }
            return updated;
        } finally {
            slot.lock.unlock();
        }
    }

    @Override
    public boolean delete(QueueId id) throws IOException {
        requireOpen();
        EntrySlot slot = index.get(id);
        if (slot == null) {
            return false;
        }
        slot.lock.lock();
        try {
            if (slot.removed) {
                return false;
            }
            remove(slot);
            Files.deleteIfExists(slot.file);
        } finally {
            slot.lock.unlock();
        }
        DirectorySync.await(directorySync.request());
        LOG.info("{}: deleted", id);
        return true;
    }

    @Override
    public void onCommit(Consumer<QueueEntry> listener) {
        notifier.add(listener);
    }

    /** Stops accepting work, finishes the pending directory fsync and listener calls, releases the directory. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            directorySync.close();
            notifier.close();
        } finally {
            layout.close();
        }
    }

    /** Directory fsyncs performed since open (for benchmarks and tests of group commit). */
    long directorySyncs() {
        return directorySync.syncs();
    }

    QueueLayout layout() {
        return layout;
    }

    QueueId newId() {
        return ids.next();
    }

    QueueFileHeader newHeader() {
        return QueueFileHeader.fresh(keys.keyId());
    }

    SegmentCipher cipherFor(QueueId id, QueueFileHeader header) {
        return keys.cipherFor(id, header);
    }

    java.util.concurrent.CompletableFuture<Void> requestDirectorySync() throws IOException {
        return directorySync.request();
    }

    void requireOpen() throws IOException {
        if (closed) {
            throw new IOException("queue closed");
        }
    }

    /** Publishes a durable entry: visible to readers, then announced to listeners. */
    void committed(EntrySlot slot) {
        index.put(slot.id, slot);
        QueueEntry entry = slot.entry();
        LOG.debug("{}: queued, size={}, nrcpt={}, protocol={}", entry.id(), entry.size(), entry.recipients().size(),
                entry.origin().protocol());
        notifier.publish(entry);
    }

    void discardFailed(QueueId id, IOException e) {
        LOG.warn("{}: could not remove an unfinished submission: {}", id, e.toString());
    }

    private EntrySlot slot(QueueId id) throws NoSuchFileException {
        EntrySlot slot = index.get(Objects.requireNonNull(id, "id"));
        if (slot == null) {
            throw new NoSuchFileException(id.value(), null, "no such queue entry");
        }
        return slot;
    }

    private void remove(EntrySlot slot) {
        slot.removed = true;
        index.remove(slot.id, slot);
    }

    private void quarantine(EntrySlot slot, String reason) {
        slot.lock.lock();
        try {
            if (slot.removed) {
                return;
            }
            remove(slot);
            Path kept = layout.moveToCorrupt(slot.file, slot.id);
            LOG.warn("{}: moved to {}: {}", slot.id, layout.root.relativize(kept), reason);
        } catch (IOException e) {
            LOG.error("{}: unreadable ({}) and could not be moved to corrupt/: {}", slot.id, reason, e.toString());
        } finally {
            slot.lock.unlock();
        }
    }

    private static boolean isAttempt(RecipientStatus previous, RecipientState state, Optional<String> reply,
            boolean delayNotified) {
        boolean outcome = state == RecipientState.DEFERRED || state == RecipientState.DELIVERED
                || state == RecipientState.BOUNCED;
        boolean onlyDelayNotice = state == previous.state() && reply.equals(previous.lastReply())
                && delayNotified && !previous.delayNotified();
        // An operator's release: a held recipient's deferral ends in HELD, so HELD to DEFERRED is no attempt.
        boolean release = previous.state() == RecipientState.HELD && state == RecipientState.DEFERRED;
        return outcome && !onlyDelayNotice && !release;
    }
}
