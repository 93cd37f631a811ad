package sempgw.store.queue;

import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The in-memory record of one committed queue file: its current snapshot, where the next status
 * record goes, and the lock that orders updates, deletion and quarantine of this entry.
 * Fields other than {@link #entry()} are guarded by {@link #lock}.
 */
final class EntrySlot {
    final QueueId id;
    final Path file;
    final QueueFileHeader header;
    final ReentrantLock lock = new ReentrantLock();
    private volatile QueueEntry entry;
    long end;
    long nextSequence;
    boolean removed;

    EntrySlot(Path file, QueueFileHeader header, QueueEntry entry, long end, long nextSequence) {
        this.id = entry.id();
        this.file = file;
        this.header = header;
        this.entry = entry;
        this.end = end;
        this.nextSequence = nextSequence;
    }

    QueueEntry entry() {
        return entry;
    }

    void entry(QueueEntry updated) {
        this.entry = updated;
    }
}
