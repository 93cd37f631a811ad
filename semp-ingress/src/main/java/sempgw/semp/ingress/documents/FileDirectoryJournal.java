package sempgw.semp.ingress.documents;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import sempgw.core.json.JsonException;

/**
 * A durable {@link DirectoryJournal}: an append-only file of {@link DirectoryChangeCodec} lines,
 * each forced to disk before {@link #append} returns, so a published key or a revocation is never
 * lost once accepted (KEY.md §8.4: revocations are retained indefinitely). The file holds only
 * public keys and signatures.
 *
 * <p>On open, a last line without its newline is the trace of a crash during an append that never
 * returned; it is cut off (as is a failed append's partial line, at once). Any other unreadable
 * line stops the start with an {@link IOException}.
 *
 * <pre>{@code
 * FileDirectoryJournal journal = FileDirectoryJournal.open(dataDirectory.resolve("user-keys.journal"));
 * InMemoryUserKeyDirectory directory = new InMemoryUserKeyDirectory(domain, signingKey, journal);
 * journal.history().forEach(directory::replay);
 * }</pre>
 */
public final class FileDirectoryJournal implements DirectoryJournal, AutoCloseable {
    private final FileChannel channel;
    private final List<DirectoryChange> history;

    private FileDirectoryJournal(FileChannel channel, List<DirectoryChange> history) {
        this.channel = channel;
        this.history = List.copyOf(history);
    }

    /** Opens (or creates) the journal and reads what it holds. */
    public static FileDirectoryJournal open(Path file) throws IOException {
        boolean existed = Files.exists(file);
        byte[] all = existed ? Files.readAllBytes(file) : new byte[0];
        List<DirectoryChange> history = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                try {
                    history.add(DirectoryChangeCodec.decode(Arrays.copyOfRange(all, start, i)));
                } catch (JsonException | IllegalArgumentException e) {
                    throw new IOException(file + ": unreadable change at byte " + start + "; refusing to drop published keys", e);
                }
                start = i + 1;
            }
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        ch.truncate(start);
        ch.position(start);
        ch.force(true);
        if (!existed) {
            try (FileChannel dir = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
                dir.force(true);
            }
        }
        return new FileDirectoryJournal(ch, history);
    }

    /** The changes the file held when it was opened, oldest first, for {@link InMemoryUserKeyDirectory#replay}. */
    public List<DirectoryChange> history() {
        return history;
    }

    @Override
    public synchronized void append(DirectoryChange change) throws IOException {
        byte[] line = DirectoryChangeCodec.encode(change);
        ByteBuffer buf = ByteBuffer.allocate(line.length + 1).put(line).put((byte) '\n').flip();
        long before = channel.position();
        try {
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            channel.force(false);
        } catch (IOException e) {
            channel.truncate(before);
            channel.position(before);
            throw e;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
