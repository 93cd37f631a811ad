package sempgw.store.queue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import sempgw.store.PrivateFiles;

/**
 * The 256-bit key that encrypts the queue at rest, read from a key file of exactly 32 random
 * octets. The file is created on first start, owner-only ({@code 0600}) from the moment it
 * exists, and published atomically; a key file that group or others may read is refused.
 *
 * <p>The key bytes live in one array, zeroed by {@link #close()}. {@link #toString()} never
 * shows them. {@link FsQueue} keeps no copy of the bytes, so close the key right after
 * {@link FsQueue#open}.
 */
public final class QueueKey implements AutoCloseable {
    static final int LENGTH = 32;
    private static final Set<PosixFilePermission> TOO_OPEN = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final byte[] bytes;
    private volatile boolean closed;

    private QueueKey(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Reads the key file, creating it with a fresh random key if it does not exist. */
    public static QueueKey loadOrCreate(Path file) throws IOException {
        try {
            return load(file);
        } catch (NoSuchFileException absent) {
            create(file);
            return load(file);
        }
    }

    /** Reads an existing key file; refuses one that group or others may access. */
    public static QueueKey load(Path file) throws IOException {
        PosixFileAttributes attrs = Files.readAttributes(file, PosixFileAttributes.class);
        if (!attrs.isRegularFile()) {
            throw new IOException("queue key file " + file + " is not a regular file");
        }
        Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
        open.addAll(attrs.permissions());
        open.retainAll(TOO_OPEN);
        if (!open.isEmpty()) {
            throw new IOException("queue key file " + file + " is accessible by group or others (mode "
                    + PosixFilePermissions.toString(attrs.permissions()) + "); refusing to start. Run: chmod 600 " + file);
        }
        byte[] read = Files.readAllBytes(file);
        if (read.length != LENGTH) {
            Arrays.fill(read, (byte) 0);
            throw new IOException("queue key file " + file + " is not a queue key (expected " + LENGTH
                    + " octets, found " + read.length + ")");
        }
        return new QueueKey(read);
    }

    /** A key from raw bytes (copied); for tests and key rotation tooling. */
    static QueueKey of(byte[] raw) {
        if (raw.length != LENGTH) {
            throw new IllegalArgumentException("a queue key is " + LENGTH + " octets");
        }
        return new QueueKey(raw.clone());
    }

    /** A fresh random key, not stored anywhere. */
    static QueueKey generate() {
        byte[] raw = new byte[LENGTH];
        new SecureRandom().nextBytes(raw);
        return new QueueKey(raw);
    }

    /** The key bytes themselves (not a copy): callers must not keep or log them. */
    byte[] bytes() {
        if (closed) {
            throw new IllegalStateException("queue key closed");
        }
        return bytes;
    }

    /** Zeroes the key bytes. */
    @Override
    public void close() {
        closed = true;
        Arrays.fill(bytes, (byte) 0);
    }

    @Override
    public String toString() {
        return "QueueKey[redacted]";
    }

    /** Writes a fresh key to a private temporary file, then links it into place: never clobbers a concurrent creator's key. */
    private static void create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        PrivateFiles.createDirectories(dir);
        byte[] raw = new byte[LENGTH];
        new SecureRandom().nextBytes(raw);
        Path temp = dir.resolve("." + file.getFileName() + "." + HexFormat.of().toHexDigits(System.nanoTime()) + ".tmp");
        try (FileChannel out = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)))) {
            ByteBuffer buffer = ByteBuffer.wrap(raw);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
        try {
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException raced) {
            // Another process created the key first; load() reads theirs.
        } finally {
            Files.deleteIfExists(temp);
        }
        FileIo.fsyncDirectory(dir);
    }
}
