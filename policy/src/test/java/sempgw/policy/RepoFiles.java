package sempgw.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files outside the module, found by walking up from the working directory (the module dir under Maven). */
final class RepoFiles {

    private RepoFiles() {
    }

    /** docs/outcomes.md of this repository. */
    static String outcomesDoc() {
        return read(above("docs/outcomes.md"));
    }

    /** A document of the shared SEMP spec beside the repository ({@code ../shared/semp-spec}). */
    static String spec(String file) {
        return read(above("shared/semp-spec").resolve(file));
    }

    private static Path above(String relative) {
        Path start = Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(relative))) {
                return p.resolve(relative);
            }
        }
        throw new IllegalStateException("no " + relative + " in " + start + " or above");
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
