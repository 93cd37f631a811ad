package sempgw.store.queue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Set;

/**
 * The queue directory: {@code queue/} (one file per entry, named by its queue id, including
 * submissions still being written),
 * {@code corrupt/} (unreadable entries kept for inspection), {@code queue.lock} (held while a
 * queue is open: one process per directory) and {@code keycheck} (the id of the key the queue
 * was written with). Directories are created owner-only.
 */
final class QueueLayout implements AutoCloseable {
    private static final FileAttribute<?> PRIVATE_DIR = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    private static final FileAttribute<?> PRIVATE_FILE = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    final Path root;
    final Path entries;
    final Path corrupt;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private QueueLayout(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.entries = root.resolve("queue");
        this.corrupt = root.resolve("corrupt");
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Creates the directories if needed and takes the queue lock. */
    static QueueLayout open(Path root) throws IOException {
        Files.createDirectories(root, PRIVATE_DIR);
        Files.createDirectories(root.resolve("queue"), PRIVATE_DIR);
        Files.createDirectories(root.resolve("corrupt"), PRIVATE_DIR);
        FileChannel channel = FileChannel.open(root.resolve("queue.lock"),
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), PRIVATE_FILE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("queue directory " + root + " is already open (queue.lock is held)");
        }
        return new QueueLayout(root, channel, lock);
    }

    /** Records the key id on first use; afterwards refuses a different key instead of quarantining every entry. */
    void checkKey(byte[] keyId) throws IOException {
        Path check = root.resolve("keycheck");
        try {
            if (!MessageDigest.isEqual(Files.readAllBytes(check), keyId)) {
                throw new IOException("queue directory " + root + " was written with a different queue key;"
                        + " refusing to start (restore the queue's key file)");
            }
        } catch (NoSuchFileException absent) {
            Path temp = root.resolve("keycheck.tmp");
            Files.deleteIfExists(temp);
            Files.write(Files.createFile(temp, PRIVATE_FILE), keyId, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            try {
                Files.createLink(check, temp);
            } catch (FileAlreadyExistsException raced) {
                throw new IOException("queue directory " + root + " is being initialised by another process");
            } finally {
                Files.delete(temp);
            }
            FileIo.fsyncDirectory(root);
        }
    }

    Path entry(QueueId id) {
        return entries.resolve(id.value());
    }

    /** Moves an entry's file into {@code corrupt/}, never overwriting an earlier one; returns where it went. */
    Path moveToCorrupt(Path file, QueueId id) throws IOException {
        Path target = corrupt.resolve(id.value());
        for (int n = 1; Files.exists(target); n++) {
            target = corrupt.resolve(id.value() + "." + n);
        }
        return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    }

    static FileAttribute<?> privateFile() {
        return PRIVATE_FILE;
    }

    /** Releases the queue lock. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            lockChannel.close();
        }
    }
}
