package sempgw.semp.ingress.receive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.SequencedSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.store.PrivateFiles;

/**
 * {@link KnownCorrespondents} kept on disk, so that the status survives a restart: whether earned
 * by the local user writing to the peer's domain (DELIVERY.md §6.4.1 condition 1) or by one
 * envelope under a solved first-contact challenge, which §6.4.4 keeps "until the recipient
 * explicitly revokes". Addresses match ignoring case (lower case, NFC), as the gateway's mailboxes
 * do; domains in lower case (ENVELOPE.md §2.3.2).
 *
 * <p>Format: the line {@code semp-known 1}, then one line per pair, oldest first:
 * {@code <local address> <peer domain>}, LF-terminated, UTF-8. No time, no message, no key.
 *
 * <p>Bounded: at most {@code capacity} pairs; a new pair beyond it forgets the one recorded
 * longest ago. A forgotten pair, like a lost file, can only gate a sender again (first contact:
 * counted for the rate limit, challenged in {@code challenge} mode), never let one in. A new pair
 * is appended and forced to disk before {@link #remember} returns; a known one writes nothing.
 * Read once at start: damaged lines (the last one cut short by a crash) are skipped, repeats
 * merged, the newest {@code capacity} kept, and the file is rewritten with them (temporary file,
 * fsync, atomic rename, fsync of the directory: {@link PrivateFiles#replace}), again whenever it has grown to twice its live
 * pairs. A file that cannot be read, has no header or is larger than twice the bound can write is
 * logged and moved to {@code <name>.corrupt} for inspection, and the set starts empty; one that
 * cannot be written is logged, and the set goes on in memory. Neither stops the server.
 * Thread-safe: one lock, which a lookup (a hash lookup) takes too; it waits only while a new pair
 * is forced to disk or the file is rewritten.
 */
public final class KnownCorrespondentsJournal implements KnownCorrespondents, AutoCloseable {
    static final String HEADER = "semp-known 1";
    /** The gateway's bound: 100 peer domains for each of 1,000 mailboxes, a few MB on disk. */
    public static final int DEFAULT_CAPACITY = 100_000;
    /** Appends before the first rewrite is considered. */
    private static final int MIN_REWRITE_LINES = 1024;
    /** The longest line: a 254-octet address (ENVELOPE.md §2.3.3), a space, a 253-octet domain, LF. */
    private static final int MAX_LINE = 254 + 1 + 253 + 1;
    private static final Logger LOG = LoggerFactory.getLogger(KnownCorrespondentsJournal.class);

    private final Path file;
    private final int capacity;
    /** Oldest first. */
    private final SequencedSet<Pair> known;
    private FileChannel out;
    private int lines;

    private KnownCorrespondentsJournal(Path file, int capacity, SequencedSet<Pair> known) {
        this.file = file;
        this.capacity = capacity;
        this.known = known;
    }

    /** Reads {@code file} (the gateway's: {@code <data_dir>/semp-known-correspondents}), keeps the newest {@code capacity} pairs and rewrites it with them. */
    public static KnownCorrespondentsJournal open(Path file, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        Path f = Objects.requireNonNull(file, "file").toAbsolutePath();
        KnownCorrespondentsJournal journal = new KnownCorrespondentsJournal(f, capacity, read(f, capacity));
        journal.rewrite();
        return journal;
    }

    @Override
    public synchronized boolean isKnown(String recipient, String senderDomain) {
        return known.contains(Pair.of(recipient, senderDomain));
    }

    @Override
    public synchronized void remember(String recipient, String senderDomain) {
        Pair p = Pair.of(recipient, senderDomain);
        if (!known.add(p)) {
            return;
        }
        if (known.size() > capacity) {
            known.removeFirst();
        }
        append(p);
        if (lines >= Math.max(MIN_REWRITE_LINES, 2 * known.size())) {
            rewrite();
        }
    }

    synchronized int size() {
        return known.size();
    }

    @Override
    public synchronized void close() {
        closeOut();
    }

    /** One line, forced to disk; a pair that cannot be written as a line stays in memory only. */
    private void append(Pair p) {
        if (out == null || !p.writable()) {
            return;
        }
        try {
            write(out, p.line());
            out.force(false);
            lines++;
        } catch (IOException e) {
            fail("cannot be appended to", e);
        }
    }

    /** Replaces the file with the live pairs, durably, and appends after them. */
    private void rewrite() {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        known.stream().filter(Pair::writable).forEach(p -> text.append(p.line()));
        try {
            PrivateFiles.replace(file, text.toString().getBytes(StandardCharsets.UTF_8));
            closeOut();
            out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            lines = known.size();
        } catch (IOException | UnsupportedOperationException e) {
            fail("cannot be rewritten", e);
        }
    }

    /** The pairs of the file, oldest first, the newest {@code capacity} of them; none when it is missing, unreadable or not this format. */
    private static SequencedSet<Pair> read(Path file, int capacity) {
        SequencedSet<Pair> pairs = new LinkedHashSet<>();
        byte[] bytes;
        try {
            long limit = (2L * capacity + MIN_REWRITE_LINES + 1) * MAX_LINE;
            if (Files.size(file) > limit) {
                return setAside(file, "larger than " + limit + " bytes", pairs);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return pairs;
        } catch (IOException e) {
            return setAside(file, "cannot be read (" + e + ")", pairs);
        }
        List<Optional<String>> lines = new ArrayList<>();
        int start = 0;
        for (int end = 0; end < bytes.length; end++) {
            if (bytes[end] == '\n') {
                lines.add(utf8(bytes, start, end));
                start = end + 1;
            }
        }
        if (lines.isEmpty() || !lines.getFirst().equals(Optional.of(HEADER))) {
            return setAside(file, "no '" + HEADER + "' header", pairs);
        }
        int damaged = start < bytes.length ? 1 : 0;
        for (Optional<String> line : lines.subList(1, lines.size())) {
            Optional<Pair> p = line.flatMap(Pair::parse);
            if (p.isEmpty()) {
                damaged++;
                continue;
            }
            pairs.remove(p.get());
            pairs.add(p.get());
        }
        if (damaged > 0) {
            LOG.warn("known correspondents {}: {} damaged line(s) skipped (the last one cut short by a crash, or edited)", file, damaged);
        }
        for (Iterator<Pair> oldest = pairs.iterator(); pairs.size() > capacity; ) {
            oldest.next();
            oldest.remove();
        }
        return pairs;
    }

    /** Moves a file that is not read to {@code <name>.corrupt}, for inspection, rather than replace it; returns {@code none}. */
    private static <T> T setAside(Path file, String why, T none) {
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            LOG.warn("known correspondents {}: {}, not read, moved to {}; every peer is first contact again", file, why, aside);
        } catch (IOException e) {
            LOG.warn("known correspondents {}: {}, not read, not moved aside ({}); every peer is first contact again", file, why, e.toString());
        }
        return none;
    }

    private static Optional<String> utf8(byte[] bytes, int start, int end) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, start, end - start));
            return Optional.of(chars.toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static void write(FileChannel ch, String text) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    private void fail(String what, Exception e) {
        closeOut();
        LOG.warn("known correspondents {}: {} ({}); the set goes on in memory only until a restart", file, what, e.toString());
    }

    private void closeOut() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                LOG.debug("known correspondents {}: close failed: {}", file, e.toString());
            }
            out = null;
        }
    }

    /** A local address and a peer domain in the forms they are matched in. */
    record Pair(String address, String domain) {

        static Pair of(String address, String domain) {
            return new Pair(Normalizer.normalize(address.toLowerCase(Locale.ROOT), Normalizer.Form.NFC), domain.toLowerCase(Locale.ROOT));
        }

        /** The pair of a file line: the domain after the last space. */
        static Optional<Pair> parse(String line) {
            int space = line.lastIndexOf(' ');
            return Optional.of(of(line.substring(0, Math.max(space, 0)), line.substring(space + 1))).filter(p -> space > 0 && p.writable());
        }

        /** Whether the pair reads back from its {@link #line}: no control characters, a DNS domain, a line within bounds. */
        boolean writable() {
            return !address.isEmpty() && address.chars().noneMatch(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f))
                    && !domain.isEmpty() && domain.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-')
                    && line().getBytes(StandardCharsets.UTF_8).length <= MAX_LINE;
        }

        String line() {
            return address + ' ' + domain + '\n';
        }
    }
}
