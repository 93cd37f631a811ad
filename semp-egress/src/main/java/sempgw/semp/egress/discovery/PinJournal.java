package sempgw.semp.egress.discovery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.store.PrivateFiles;

/**
 * The file that keeps {@link SempHistory}'s pins and accepted revisions across restarts
 * (GATEWAY.md §4, DISCOVERY.md §3.5.1), so a restart does not reopen the downgrade window.
 *
 * <p>Format: the line {@code semp-pins 1}, then one line per domain, least recently seen first:
 * {@code <A-label domain> <last SEMP discovery, Unix seconds> <highest revision>}, LF-terminated,
 * ASCII. Writes replace the whole file: a temporary file in the same directory (mode 0600), fsync,
 * atomic rename, fsync of the directory. Reads are bounded ({@code maxEntries} lines, about 300
 * bytes each). A file that is not exactly this format is logged, moved aside to
 * {@code <name>.corrupt} for inspection, and the gateway starts without pins: losing pins only
 * reopens the window they close, and refusing to start would stop all mail.
 */
public final class PinJournal {
    static final String HEADER = "semp-pins 1";
    private static final int MAX_LINE = 300;
    private static final Logger LOG = LoggerFactory.getLogger(PinJournal.class);

    /** One domain's memory: when it was last seen speaking SEMP, and the highest revision accepted. */
    record Entry(Instant lastSemp, long highestRevision) {
    }

    private final Path file;

    private PinJournal(Path file) {
        this.file = file;
    }

    /** The journal in {@code file} (suggested: {@code <data_dir>/semp/discovery-pins}); nothing is read yet. */
    public static PinJournal at(Path file) {
        return new PinJournal(Objects.requireNonNull(file, "file").toAbsolutePath());
    }

    public Path file() {
        return file;
    }

    /**
     * The entries in file order, the last {@code maxEntries} of them (the most recently seen);
     * empty when there is no file yet, or when it cannot be read or is corrupt (logged). Times
     * after {@code now} are read as {@code now}.
     */
    Map<String, Entry> load(int maxEntries, Instant now) {
        byte[] bytes;
        try {
            if (Files.size(file) > (long) (maxEntries + 1) * MAX_LINE) {
                return corrupt("larger than " + maxEntries + " entries");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            LOG.warn("discovery pins {}: cannot be read ({}), starting without pins", file, e.toString());
            return Map.of();
        }
        String text = new String(bytes, StandardCharsets.US_ASCII);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            return corrupt("truncated");
        }
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.getFirst().equals(HEADER)) {
            return corrupt("no '" + HEADER + "' header");
        }
        Map<String, Entry> out = new LinkedHashMap<>();
        for (int i = Math.max(1, lines.size() - maxEntries); i < lines.size(); i++) {
            String[] f = lines.get(i).split(" ", -1);
            if (f.length != 3 || !DomainName.parse(f[0]).map(d -> d.ascii().equals(f[0])).orElse(false)
                    || !f[1].matches("[0-9]{1,12}") || !f[2].matches("[0-9]{1,18}") || out.containsKey(f[0])) {
                return corrupt("malformed line " + (i + 1));
            }
            Instant seen = Instant.ofEpochSecond(Long.parseLong(f[1]));
            out.put(f[0], new Entry(seen.isAfter(now) ? now : seen, Long.parseLong(f[2])));
        }
        return out;
    }

    /** Replaces the file with {@code entries}, durably ({@link PrivateFiles#replace}: temp file, fsync, atomic rename, fsync dir). */
    void write(Map<String, Entry> entries) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        entries.forEach((domain, e) -> text.append(domain).append(' ').append(e.lastSemp().getEpochSecond()).append(' ')
                .append(e.highestRevision()).append('\n'));
        PrivateFiles.replace(file, text.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private Map<String, Entry> corrupt(String why) {
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            LOG.warn("discovery pins {}: corrupt ({}), moved to {}; starting without pins", file, why, aside);
        } catch (IOException e) {
            LOG.warn("discovery pins {}: corrupt ({}), not moved aside ({}); starting without pins", file, why, e.toString());
        }
        return Map.of();
    }
}
