package sempgw.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Owner-only files: created mode 0600 from the moment they exist (missing directories 0700),
 * published without ever clobbering another writer's file (or replaced atomically, for files
 * that change), and checked for group or other access before reading. The gateway's keys, its
 * mailboxes and the state files beside the queues (pins, the duplicate-delivery and
 * known-correspondent sets, delivery receipts) are such files.
 */
public final class PrivateFiles {
    /**
     * A temporary file older than this was left by a writer that died (a write takes
     * milliseconds): it is removed the next time its file is written, so no older copy of a key
     * or mailbox outlives the replacement that should have retired it.
     */
    static final Duration ABANDONED = Duration.ofMinutes(15);
    private static final FileAttribute<?> OWNER_ONLY = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final FileAttribute<?> OWNER_ONLY_DIR = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

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

    private static final Set<PosixFilePermission> TOO_OPEN = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);


    /**
     * Writes {@code data} to a private temporary file, fsyncs it, links it into place and fsyncs
     * the directory. Returns false, leaving the existing file alone, if {@code file} already exists.
     */
    public static boolean createOnce(Path file, byte[] data) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = writeTemp(dir, file, data);
        try {
            return link(file, temp);
        } finally {
            Files.deleteIfExists(temp);
            fsyncDirectory(dir);
        }
    }

    /**
     * Writes {@code data} to a private temporary file, fsyncs it, renames it over {@code file}
     * (atomically: a reader sees the old content or the new, never a mix) and fsyncs the directory.
     */
    public static void replace(Path file, byte[] data) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = writeTemp(dir, file, data);
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
            fsyncDirectory(dir);
        }
    }

    /**
     * Creates {@code dir} and any missing parents mode 0700 (where the file system has POSIX
     * permissions); an existing directory is left as it is.
     *
     * @return {@code dir}
     */
    public static Path createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return dir;
        }
        try {
            return Files.createDirectories(dir, OWNER_ONLY_DIR);
        } catch (UnsupportedOperationException e) {
            return Files.createDirectories(dir);
        }
    }

    /** Deletes {@code file} if it exists and fsyncs its directory, so the deletion survives a crash. */
    public static void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
        fsyncDirectory(file.toAbsolutePath().getParent());
    }

    private static Path writeTemp(Path dir, Path file, byte[] data) throws IOException {
        createDirectories(dir);
        removeAbandoned(dir, file);
        Path temp = dir.resolve(tempPrefix(file) + HexFormat.of().toHexDigits(new SecureRandom().nextLong()) + ".tmp");
        try (FileChannel out = createNew(temp)) {
            ByteBuffer buffer = ByteBuffer.wrap(data);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    private static String tempPrefix(Path file) {
        return "." + file.getFileName() + ".";
    }

    /**
     * Deletes the temporary files of {@code file} older than {@link #ABANDONED}; a younger one may
     * belong to a writer in another process and is left alone.
     */
    private static void removeAbandoned(Path dir, Path file) throws IOException {
        String prefix = tempPrefix(file);
        FileTime cutoff = FileTime.from(Instant.now().minus(ABANDONED));
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, p -> isTemp(p, prefix))) {
            for (Path temp : temps) {
                if (Files.getLastModifiedTime(temp).compareTo(cutoff) < 0) {
                    Files.deleteIfExists(temp);
                }
            }
        }
    }

    private static boolean isTemp(Path p, String prefix) {
        String name = p.getFileName().toString();
        return name.startsWith(prefix) && name.endsWith(".tmp")
                && name.length() == prefix.length() + 16 + 4
                && name.substring(prefix.length(), prefix.length() + 16).chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    /** Links {@code temp} as {@code file}; false if another writer created {@code file} first. */
    private static boolean link(Path file, Path temp) throws IOException {
        try {
            Files.createLink(file, temp);
            return true;
        } catch (FileAlreadyExistsException raced) {
            return false;
        }
    }

    /** Reads a regular file that only its owner may access; {@code what} names it in errors. */
    public static byte[] readPrivate(Path file, String what) throws IOException {
        PosixFileAttributes attrs = Files.readAttributes(file, PosixFileAttributes.class);
        if (!attrs.isRegularFile()) {
            throw new IOException(what + " " + file + " is not a regular file");
        }
        if (tooOpen(attrs.permissions())) {
            throw new IOException(what + " " + file + " is accessible by group or others (mode "
                    + PosixFilePermissions.toString(attrs.permissions()) + "); refusing to use it. Run: chmod 600 " + file);
        }
        return Files.readAllBytes(file);
    }

    /**
     * The mode of {@code path} ({@code rwxr-xr-x}) when group or others may access it; empty when
     * only its owner may, or the file system has no POSIX permissions.
     */
    public static Optional<String> openToOthers(Path path) throws IOException {
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
            return tooOpen(mode) ? Optional.of(PosixFilePermissions.toString(mode)) : Optional.empty();
        } catch (UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    private static boolean tooOpen(Set<PosixFilePermission> mode) {
        return mode.stream().anyMatch(TOO_OPEN::contains);
    }

    private static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
