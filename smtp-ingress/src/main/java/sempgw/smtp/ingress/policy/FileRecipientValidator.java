package sempgw.smtp.ingress.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Valid recipients read from a file, one per line: {@code user@example.org}, or
 * {@code @example.org} for every user of a domain. Blank lines and lines starting with
 * {@code #} are ignored. Comparison ignores case, as Postfix's table lookups do.
 *
 * <p>{@link #reload()} re-reads the file and swaps the set atomically; on a read error the
 * previous set stays in force.
 */
public final class FileRecipientValidator implements RecipientValidator {
    private final Path file;
    private volatile Set<String> entries;

    private FileRecipientValidator(Path file, Set<String> entries) {
        this.file = file;
        this.entries = entries;
    }

    /** @throws IOException if the file cannot be read */
    public static FileRecipientValidator load(Path file) throws IOException {
        return new FileRecipientValidator(file, read(file));
    }

    /** Re-reads the file; returns the number of entries now in force. */
    public int reload() throws IOException {
        Set<String> fresh = read(file);
        entries = fresh;
        return fresh.size();
    }

    @Override
    public boolean exists(String address) {
        String key = address.toLowerCase(Locale.ROOT);
        int at = key.lastIndexOf('@');
        Set<String> current = entries;
        return current.contains(key) || at >= 0 && current.contains(key.substring(at));
    }

    private static Set<String> read(Path file) throws IOException {
        Set<String> out = new HashSet<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String entry = line.strip();
            if (!entry.isEmpty() && !entry.startsWith("#")) {
                if (entry.indexOf('@') < 0 || entry.indexOf(' ') >= 0) {
                    throw new IOException(file + ": not an address or @domain: " + entry);
                }
                out.add(entry.toLowerCase(Locale.ROOT));
            }
        }
        return Set.copyOf(out);
    }
}
