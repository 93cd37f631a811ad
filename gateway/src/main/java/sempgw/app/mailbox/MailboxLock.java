package sempgw.app.mailbox;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import sempgw.store.PrivateFiles;

/**
 * Exclusive use of the mailbox store under a data directory: an advisory lock on
 * {@code <data_dir>/mailboxes/.lock}, held by the running gateway for its lifetime, or by
 * {@code semp-gateway mailbox} while it works on the data directory itself. Take it before
 * opening the user key journal, which the same two writers share. The directory is created
 * mode 0700 if missing. The agent key lives beside it, in {@code <data_dir>/agent.key}.
 */
public final class MailboxLock implements AutoCloseable {
    static final String DIRECTORY = "mailboxes";
    static final String AGENT_KEY = "agent.key";

    private final Path dir;
    private final Path agentKeyFile;
    private final FileChannel channel;
    private final FileLock lock;

    private MailboxLock(Path dir, Path agentKeyFile, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.agentKeyFile = agentKeyFile;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks the mailbox store of {@code dataDir}.
     *
     * @throws Busy if another process (or another store in this one) holds it
     */
    public static MailboxLock acquire(Path dataDir) throws IOException {
        Path dir = dataDir.resolve(DIRECTORY);
        PrivateFiles.createDirectories(dir);
        FileChannel channel = FileChannel.open(dir.resolve(".lock"), Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException | IOException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new Busy(dir);
        }
        return new MailboxLock(dir, dataDir.resolve(AGENT_KEY), channel, lock);
    }

    /** The directory of mailbox files. */
    public Path dir() {
        return dir;
    }

    /** The agent key file: the 256-bit key the mailbox files are sealed under. */
    public Path agentKeyFile() {
        return agentKeyFile;
    }

    /** Releases the lock; idempotent. */
    @Override
    public void close() throws IOException {
        if (channel.isOpen()) {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    /** The store is locked by someone else: a running gateway, or another {@code semp-gateway mailbox} command. */
    public static final class Busy extends IOException {
        Busy(Path dir) {
            super("the mailbox store " + dir + " is in use by another process (a running gateway, or another mailbox command)");
        }
    }
}
