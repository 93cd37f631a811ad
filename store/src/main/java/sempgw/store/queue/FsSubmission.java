package sempgw.store.queue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One message being written into an {@link FsQueue}, by the session's own thread.
 *
 * <ol>
 *   <li>At the first content octet (or at commit) it creates {@code queue/<id>} with a zeroed
 *       header and asks the committer for a directory fsync ({@link DirectorySync}), which then
 *       runs while the content arrives.</li>
 *   <li>Content is encrypted and written segment by segment as it arrives.</li>
 *   <li>{@link #commit()} appends the encrypted envelope, writes the header last (the mark of a
 *       complete file), fsyncs the file, waits for the directory fsync (normally long done),
 *       and only then publishes the entry.</li>
 * </ol>
 * Abort, close and every failure remove the file.
 */
final class FsSubmission implements Submission {
    private enum State { OPEN, COMMITTED, ABORTED }

    private final FsQueue queue;
    private final Sender sender;
    private final Origin origin;
    private final Instant arrivedAt;
    private final List<Recipient> recipients = new ArrayList<>();
    private State state = State.OPEN;
    private QueueId id;
    private Path file;
    private FileChannel channel;
    private CompletableFuture<Void> nameDurable;
    private QueueFileHeader header;
    private SegmentCipher cipher;
    private SegmentWriter content;

    FsSubmission(FsQueue queue, Sender sender, Origin origin, Instant arrivedAt) {
        this.queue = queue;
        this.sender = Objects.requireNonNull(sender, "sender");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.arrivedAt = arrivedAt;
    }

    @Override
    public void addRecipient(Recipient recipient) {
        requireOpen();
        recipients.add(Objects.requireNonNull(recipient, "recipient"));
    }

    @Override
    public OutputStream content() throws IOException {
        requireOpen();
        try {
            start();
        } catch (IOException | RuntimeException e) {
            discard();
            throw e;
        }
        return content;
    }

    @Override
    public QueueId commit() throws IOException {
        requireOpen();
        if (recipients.isEmpty()) {
            throw new IllegalStateException("a message needs at least one recipient");
        }
        try {
            start();
            long contentLength = content.finish();
            QueuedEnvelope envelope = new QueuedEnvelope(sender, origin, arrivedAt, content.plainBytes(), recipients);
            long envelopeLength = SegmentWriter.writeAll(channel, cipher, SegmentCipher.ENVELOPE, envelope.encode());
            header = header.withLengths(contentLength, envelopeLength);
            FileIo.writeFully(channel, ByteBuffer.wrap(header.encode()), 0);
            channel.force(true);
            channel.close();
            DirectorySync.await(nameDurable);
            state = State.COMMITTED;
            queue.committed(new EntrySlot(file, header, envelope.toEntry(id), header.recordsOffset(), 0));
            return id;
        } catch (IOException | RuntimeException e) {
            discard();
            throw e;
        }
    }

    @Override
    public void abort() {
        if (state == State.OPEN) {
            discard();
        }
    }

    /** Creates the file on first use: nothing touches the disk for a transaction that never sends data. */
    private void start() throws IOException {
        if (channel != null) {
            return;
        }
        queue.requireOpen();
        while (channel == null) {
            id = queue.newId();
            file = queue.layout().entry(id);
            try {
                channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                        QueueLayout.privateFile());
            } catch (FileAlreadyExistsException taken) {
                file = null;
            }
        }
        nameDurable = queue.requestDirectorySync();
        header = queue.newHeader();
        cipher = queue.cipherFor(id, header);
        channel.position(QueueFileHeader.LENGTH);
        content = new SegmentWriter(channel, cipher, SegmentCipher.CONTENT);
    }

    private void discard() {
        state = State.ABORTED;
        try {
            if (channel != null) {
                channel.close();
            }
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            queue.discardFailed(id, e);
        }
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("submission already " + state.name().toLowerCase(Locale.ROOT));
        }
    }
}
