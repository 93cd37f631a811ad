package sempgw.semp.ingress.receive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.store.PrivateFiles;

/**
 * The duplicate-delivery set on disk ({@link DeliveredEnvelopes}), so that a restart, planned or
 * not, does not turn a sender's retry of an envelope we stored into a second copy.
 *
 * <p>Format: the line {@code semp-delivered 1}, then one line per stored envelope, oldest first:
 * {@code <end of the entry, Unix seconds> <key>}, LF-terminated, ASCII. The key is
 * {@link DeliveredEnvelopes#key}: a hash of the sender domain and {@code postmark.id}, so the file
 * names no correspondent and no message.
 *
 * <p>Lines are appended without fsync, after the envelope's own durable store and before its
 * acknowledgment: a process crash keeps them (the kernel has them); a power loss may lose the
 * lines the kernel had not yet written, and a retry of one of those envelopes (one whose sender
 * never got the acknowledgment) is stored a second time: a duplicate, never a loss. Forcing each
 * line would add an fsync to every delivery to spare only such duplicates. Read once at start:
 * expired entries and damaged lines (a line cut short by a crash) are dropped, the newest
 * {@code capacity} kept; the file is then rewritten with them, and again whenever it has grown to
 * twice its live entries, durably (temporary file, fsync, atomic rename, fsync of the directory:
 * {@link PrivateFiles#replace}), so a power loss after a rewrite finds the old file or the new
 * one, never neither. A file that cannot be read or written costs only the duplicate check across
 * restarts (logged); it never stops the server or a delivery.
 */
public final class DeliveredJournal implements AutoCloseable {
    static final String HEADER = "semp-delivered 1";
    private static final Logger LOG = LoggerFactory.getLogger(DeliveredJournal.class);
    /** Appends before the first rewrite is considered. */
    private static final int MIN_REWRITE_LINES = 1024;
    /** The longest line: 12 digits, a space, a key, LF. */
    private static final int MAX_LINE = 12 + 1 + 32 + 1;

    private final Path file;
    private Map<String, Instant> loaded;
    private FileChannel out;
    private int lines;
    private boolean failed;

    private DeliveredJournal(Path file, Map<String, Instant> loaded) {
        this.file = file;
        this.loaded = loaded;
    }

    /** No file: the set lives in memory only. */
    public static DeliveredJournal none() {
        return new DeliveredJournal(null, Map.of());
    }

    /**
     * Reads {@code file} (suggested: {@code <data_dir>/semp-delivered}), keeps the entries still
     * live at {@code now}, the newest {@code capacity} of them, and rewrites it with those.
     */
    public static DeliveredJournal open(Path file, int capacity, Instant now) {
        Path f = Objects.requireNonNull(file, "file").toAbsolutePath();
        DeliveredJournal journal = new DeliveredJournal(f, read(f, capacity, now));
        journal.rewrite(journal.loaded);
        return journal;
    }

    /** The entries read at start, oldest first, handed over once: later calls return none. */
    synchronized Map<String, Instant> takeLoaded() {
        Map<String, Instant> out = loaded;
        loaded = Map.of();
        return out;
    }

    /** Records one stored envelope; a write failure is logged once and the set goes on in memory. */
    synchronized void append(String key, Instant until) {
        if (out == null) {
            return;
        }
        try {
            write(out, line(key, until));
            lines++;
        } catch (IOException e) {
            fail("cannot be appended to", e);
        }
    }

    /** Whether the file holds at least twice {@code live} lines, so a rewrite with the live entries pays. */
    synchronized boolean wantsRewrite(int live) {
        return out != null && lines >= Math.max(MIN_REWRITE_LINES, 2 * live);
    }

    /** Replaces the file with {@code live}, durably ({@link PrivateFiles#replace}), and appends after them. */
    synchronized void rewrite(Map<String, Instant> live) {
        if (file == null || failed) {
            return;
        }
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        live.forEach((key, until) -> text.append(line(key, until)));
        try {
            PrivateFiles.replace(file, text.toString().getBytes(StandardCharsets.US_ASCII));
            closeOut();
            out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            lines = live.size();
        } catch (IOException | UnsupportedOperationException e) {
            fail("cannot be rewritten", e);
        }
    }

    @Override
    public synchronized void close() {
        closeOut();
    }

    private static Map<String, Instant> read(Path file, int capacity, Instant now) {
        Map<String, Instant> live = new LinkedHashMap<>();
        String text;
        try {
            long limit = (2L * capacity + MIN_REWRITE_LINES + 1) * MAX_LINE;
            if (Files.size(file) > limit) {
                LOG.warn("delivered-envelope journal {}: larger than {} bytes, not read; retries of envelopes stored before this "
                        + "start may be stored again", file, limit);
                return live;
            }
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return live;
        } catch (IOException e) {
            LOG.warn("delivered-envelope journal {}: cannot be read ({}); retries of envelopes stored before this start "
                    + "may be stored again", file, e.toString());
            return live;
        }
        int damaged = 0;
        boolean first = true;
        for (String line : text.split("\n", -1)) {
            if (first) {
                first = false;
                if (!line.equals(HEADER)) {
                    LOG.warn("delivered-envelope journal {}: no '{}' header, not read", file, HEADER);
                    return live;
                }
                continue;
            }
            if (line.isEmpty()) {
                continue;
            }
            int space = line.indexOf(' ');
            if (space < 1 || space > 12 || !line.substring(0, space).chars().allMatch(c -> c >= '0' && c <= '9')
                    || !DeliveredEnvelopes.isKey(line.substring(space + 1))) {
                damaged++;
                continue;
            }
            Instant until = Instant.ofEpochSecond(Long.parseLong(line, 0, space, 10));
            if (now.isBefore(until)) {
                String key = line.substring(space + 1);
                live.remove(key);
                live.put(key, until);
            }
        }
        if (damaged > 0) {
            LOG.warn("delivered-envelope journal {}: {} damaged line(s) skipped", file, damaged);
        }
        while (live.size() > capacity) {
            live.remove(live.keySet().iterator().next());
        }
        return live;
    }

    private static String line(String key, Instant until) {
        return until.getEpochSecond() + " " + key + "\n";
    }

    private static void write(FileChannel ch, String text) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    private void fail(String what, Exception e) {
        failed = true;
        closeOut();
        LOG.warn("delivered-envelope journal {}: {} ({}); the duplicate check goes on in memory only until a restart",
                file, what, e.toString());
    }

    private void closeOut() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                LOG.debug("delivered-envelope journal {}: close failed: {}", file, e.toString());
            }
            out = null;
        }
    }
}
