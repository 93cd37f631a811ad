package sempgw.e2e.postfix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import sempgw.e2e.support.Commands;
import sempgw.e2e.support.Directories;

/**
 * Debian's {@code postfix} package unpacked with {@code dpkg-deb -x} into the build directory:
 * nothing is installed system-wide. Where the {@code .deb} comes from, in order:
 * <ol>
 *   <li>the file named by {@code SEMPGW_POSTFIX_DEB} (CI's {@code .ci/run} downloads it);</li>
 *   <li>a cached download in {@code ~/.cache/sempgw/debs/};</li>
 *   <li>{@code apt-get download postfix} into that cache (after {@code apt-get update} if the
 *       package lists are missing).</li>
 * </ol>
 * The binaries find their shared libraries through {@code LD_LIBRARY_PATH=<root>/usr/lib/postfix}.
 */
public final class PostfixPackage {
    private static final Object UNPACK_LOCK = new Object();
    private final Path root;

    private PostfixPackage(Path root) {
        this.root = root;
    }

    /** Locates the package (downloading it if needed) and unpacks it under {@code buildDirectory/postfix-pkg/}. */
    public static PostfixPackage unpackInto(Path buildDirectory) {
        synchronized (UNPACK_LOCK) {
            Path deb = locateDeb();
            String name = deb.getFileName().toString().replaceFirst("\\.deb$", "");
            Path root = buildDirectory.resolve("postfix-pkg").resolve(name);
            Path marker = root.resolve(".unpacked");
            if (!Files.exists(marker)) {
                try {
                    Directories.deleteRecursively(root);
                    Files.createDirectories(root);
                    Commands.run(List.of("dpkg-deb", "-x", deb.toString(), root.toString()), null, Map.of(), Duration.ofMinutes(2))
                            .orThrow();
                    Files.writeString(marker, deb + "\n");
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot unpack " + deb + " into " + root, e);
                }
            }
            PostfixPackage pkg = new PostfixPackage(root);
            if (!Files.isExecutable(pkg.command("postfix")) || !Files.isExecutable(pkg.daemonDirectory().resolve("master"))) {
                throw new IllegalStateException(deb + " unpacked into " + root + " holds no usr/sbin/postfix or master");
            }
            return pkg;
        }
    }

    private static Path locateDeb() {
        String configured = System.getenv("SEMPGW_POSTFIX_DEB");
        if (configured != null && !configured.isBlank()) {
            Path deb = Path.of(configured);
            if (!Files.isRegularFile(deb)) {
                throw new IllegalStateException("SEMPGW_POSTFIX_DEB names " + deb + ", which is not a file");
            }
            return deb;
        }
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "sempgw", "debs");
        return cachedDeb(cache).orElseGet(() -> download(cache));
    }

    private static java.util.Optional<Path> cachedDeb(Path cache) {
        if (!Files.isDirectory(cache)) {
            return java.util.Optional.empty();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(p -> p.getFileName().toString().matches("postfix_.*\\.deb")).sorted().reduce((a, b) -> b);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + cache, e);
        }
    }

    private static Path download(Path cache) {
        try {
            Files.createDirectories(cache);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + cache, e);
        }
        List<String> get = List.of("apt-get", "download", "postfix");
        Commands.Result first = Commands.run(get, cache, Map.of(), Duration.ofMinutes(5));
        if (!first.succeeded()) {
            Commands.run(List.of("apt-get", "update", "-qq"), null, Map.of("DEBIAN_FRONTEND", "noninteractive"), Duration.ofMinutes(5))
                    .orThrow();
            Commands.run(get, cache, Map.of(), Duration.ofMinutes(5)).orThrow();
        }
        return cachedDeb(cache).orElseThrow(() -> new IllegalStateException("apt-get download postfix left no .deb in " + cache));
    }

    public Path root() {
        return root;
    }

    /** A program from {@code usr/sbin}: postfix, postconf, smtp-source, smtp-sink. */
    public Path command(String name) {
        return root.resolve("usr/sbin").resolve(name);
    }

    public Path commandDirectory() {
        return root.resolve("usr/sbin");
    }

    public Path daemonDirectory() {
        return root.resolve("usr/lib/postfix/sbin");
    }

    public Path libraryDirectory() {
        return root.resolve("usr/lib/postfix");
    }

    /** The environment every Postfix program from this package needs. */
    public Map<String, String> environment() {
        return Map.of("LD_LIBRARY_PATH", libraryDirectory().toString());
    }

    /** The command line for one of the package's programs. */
    public List<String> commandLine(String program, String... args) {
        List<String> line = new ArrayList<>();
        line.add(command(program).toString());
        line.addAll(List.of(args));
        return line;
    }
}
