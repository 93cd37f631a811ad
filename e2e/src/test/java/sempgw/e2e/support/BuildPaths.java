package sempgw.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the end-to-end tests keep their files: everything under the module's build directory. */
public final class BuildPaths {

    private BuildPaths() {
    }

    /** The module's build directory ({@code e2e/target}), as passed by the failsafe configuration. */
    public static Path buildDirectory() {
        String configured = System.getProperty("e2e.buildDirectory");
        Path dir = configured != null ? Path.of(configured) : Path.of("target");
        return dir.toAbsolutePath().normalize();
    }

    /** The repository root: the nearest directory above the module holding the Maven wrapper. */
    public static Path repositoryRoot() {
        for (Path p = buildDirectory(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("mvnw")) && Files.isDirectory(p.resolve("gateway"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root (a directory with mvnw and gateway/) above " + buildDirectory());
    }

    /**
     * A fresh, empty directory for a daemon that drops root privileges (Postfix opens its lock
     * file and queue as {@code mail_owner}): {@code target/e2e-runs/<name>} when every directory
     * above it is searchable by others, else {@code <java.io.tmpdir>/sempgw-e2e/<name>} (for a
     * checkout under a private home directory such as {@code /root}).
     */
    public static Path freshDaemonDirectory(String name) {
        Path preferred = buildDirectory().resolve("e2e-runs").resolve(name);
        Path dir = searchableByOthers(buildDirectory()) ? preferred
                : Path.of(System.getProperty("java.io.tmpdir"), "sempgw-e2e", name).toAbsolutePath();
        try {
            Directories.deleteRecursively(dir);
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
    }

    private static boolean searchableByOthers(Path dir) {
        try {
            for (Path p = dir.toRealPath(); p != null; p = p.getParent()) {
                if (!Files.getPosixFilePermissions(p).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A fresh, empty directory for one run: {@code target/e2e-runs/<name>}. */
    public static Path freshRunDirectory(String name) {
        Path dir = buildDirectory().resolve("e2e-runs").resolve(name);
        try {
            Directories.deleteRecursively(dir);
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
    }
}
