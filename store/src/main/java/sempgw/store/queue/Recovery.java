package sempgw.store.queue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up scan of {@code queue/}, applying the crash-recovery rules of the package
 * documentation: a file whose header was never written is a submission that did not reach
 * commit and is removed; every committed file is loaded with its recipients' states; a file that
 * cannot be read back goes to {@code corrupt/}; a torn tail of status records is cut off; an
 * entry whose recipients are all final (its removal was lost in the crash) is removed now. A
 * file that cannot even be read (an I/O error, not bad content) is logged and left in place for
 * the next start, so one bad disk block does not keep the gateway down. Large queues are read
 * by a few threads at once (the work is file opens and small decryptions).
 */
final class Recovery {
    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    private Recovery() {
    }

    /** What the scan found; {@code idFloorMicros} is the newest time part among all entry names, readable or not. */
    record Result(List<EntrySlot> entries, int incomplete, int quarantined, int finished, int unreadable, long idFloorMicros) {
    }

    static Result run(QueueLayout layout, FileKeys keys) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(layout.entries)) {
            listing.forEach(files::add);
        }
        Tally tally = new Tally();
        int workers = Math.clamp(files.size() / 1_000, 1, Math.max(2, Runtime.getRuntime().availableProcessors()));
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(workers, Thread.ofPlatform().name("sempgw-queue-recovery-", 0).factory())) {
            for (int w = 0; w < workers; w++) {
                pool.execute(() -> {
                    for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
                        recoverOne(files.get(i), layout, keys, tally);
                    }
                });
            }
        }
        if (tally.incomplete.get() + tally.quarantined.get() + tally.finished.get() > 0) {
            FileIo.fsyncDirectory(layout.entries);
            FileIo.fsyncDirectory(layout.corrupt);
        }
        return new Result(List.copyOf(tally.entries), tally.incomplete.get(), tally.quarantined.get(), tally.finished.get(),
                tally.unreadable.get(), tally.floor.get());
    }

    /** Counters shared by the recovery workers. */
    private static final class Tally {
        final Queue<EntrySlot> entries = new ConcurrentLinkedQueue<>();
        final AtomicInteger incomplete = new AtomicInteger();
        final AtomicInteger quarantined = new AtomicInteger();
        final AtomicInteger finished = new AtomicInteger();
        final AtomicInteger unreadable = new AtomicInteger();
        final AtomicLong floor = new AtomicLong();
    }

    private static void recoverOne(Path file, QueueLayout layout, FileKeys keys, Tally tally) {
        Optional<QueueId> named = entryId(file);
        if (named.isEmpty()) {
            LOG.warn("queue recovery: left unexpected file {} alone", file);
            return;
        }
        QueueId id = named.get();
        tally.floor.accumulateAndGet(QueueIds.micros(id), Math::max);
        try {
            switch (recover(file, id, keys, tally.entries)) {
                case UNFINISHED -> tally.incomplete.incrementAndGet();
                case FINISHED -> tally.finished.incrementAndGet();
                case QUEUED -> { }
            }
        } catch (CorruptEntryException e) {
            quarantine(file, id, e.getMessage(), layout, tally);
        } catch (IOException | RuntimeException e) {
            LOG.error("{}: cannot read its queue file, left in place until the next start: {}", id, e.toString());
            tally.unreadable.incrementAndGet();
        }
    }

    private static void quarantine(Path file, QueueId id, String reason, QueueLayout layout, Tally tally) {
        try {
            Path kept = layout.moveToCorrupt(file, id);
            LOG.warn("{}: moved to {}: {}", id, layout.root.relativize(kept), reason);
            tally.quarantined.incrementAndGet();
        } catch (IOException e) {
            LOG.error("{}: unreadable ({}) and could not be moved to corrupt/: {}", id, reason, e.toString());
            tally.unreadable.incrementAndGet();
        }
    }

    private enum Outcome { UNFINISHED, FINISHED, QUEUED }

    private static Outcome recover(Path file, QueueId id, FileKeys keys, Queue<EntrySlot> entries) throws IOException {
        Optional<QueueFileReader.Loaded> loaded = QueueFileReader.load(file, id, keys);
        if (loaded.isEmpty()) {
            Files.delete(file);
            LOG.info("{}: removed an unfinished submission", id);
            return Outcome.UNFINISHED;
        }
        EntrySlot slot = loaded.get().slot();
        if (loaded.get().tornOctets() > 0) {
            truncate(file, slot.end);
            LOG.warn("{}: dropped {} octets of unfinished status records", id, loaded.get().tornOctets());
        }
        if (slot.entry().isDone()) {
            Files.delete(file);
            LOG.info("{}: removed (all recipients final)", id);
            return Outcome.FINISHED;
        }
        entries.add(slot);
        return Outcome.QUEUED;
    }

    private static Optional<QueueId> entryId(Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new QueueId(file.getFileName().toString()));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private static void truncate(Path file, long length) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(length);
            channel.force(false);
        }
    }
}
