package sempgw.app.keys;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * Owner-only files: created mode 0600 from the moment they exist (missing directories 0700),
 * published without ever clobbering another writer's file, and checked for group or other
 * access before reading.
 */
final class PrivateFiles {
    private static final Set<PosixFilePermission> TOO_OPEN = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PrivateFiles() {
    }

    /**
     * Writes {@code data} to a private temporary file, fsyncs it, links it into place and fsyncs
     * the directory. Returns false, leaving the existing file alone, if {@code file} already exists.
     */
    static boolean createOnce(Path file, byte[] data) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path temp = dir.resolve("." + file.getFileName() + "." + HexFormat.of().toHexDigits(new SecureRandom().nextLong()) + ".tmp");
        try {
            try (FileChannel out = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)))) {
                ByteBuffer buffer = ByteBuffer.wrap(data);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            return link(file, temp);
        } finally {
            Files.deleteIfExists(temp);
            fsyncDirectory(dir);
        }
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
    static byte[] readPrivate(Path file, String what) throws IOException {
        PosixFileAttributes attrs = Files.readAttributes(file, PosixFileAttributes.class);
        if (!attrs.isRegularFile()) {
            throw new IOException(what + " " + file + " is not a regular file");
        }
        Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
        open.addAll(attrs.permissions());
        open.retainAll(TOO_OPEN);
        if (!open.isEmpty()) {
            throw new IOException(what + " " + file + " is accessible by group or others (mode "
                    + PosixFilePermissions.toString(attrs.permissions()) + "); refusing to use it. Run: chmod 600 " + file);
        }
        return Files.readAllBytes(file);
    }

    private static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
