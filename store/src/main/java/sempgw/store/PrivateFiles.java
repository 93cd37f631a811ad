package sempgw.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Files only the gateway's user may read: the state files beside the queues (pins, the duplicate-delivery set, delivery receipts). */
public final class PrivateFiles {
    private static final FileAttribute<?> OWNER_ONLY = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private PrivateFiles() {
    }

    /**
     * Creates {@code file}, which must not exist, with mode 0600 where the file system has POSIX
     * permissions, and opens it for writing.
     */
    public static FileChannel createNew(Path file) throws IOException {
        return open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    }

    /** Opens {@code file} for appending, creating it with mode 0600 (where the file system has POSIX permissions) if missing. */
    public static FileChannel openAppend(Path file) throws IOException {
        return open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
    }

    private static FileChannel open(Path file, Set<StandardOpenOption> options) throws IOException {
        try {
            return FileChannel.open(file, options, OWNER_ONLY);
        } catch (UnsupportedOperationException e) {
            return FileChannel.open(file, options);
        }
    }
}
