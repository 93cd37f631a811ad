package sempgw.store.queue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads a committed queue file back: the header, then the envelope and the status records (the
 * file's tail, in one read) give the entry, without touching the content, so recovery costs the
 * same for a 5 KB and a 20 MB message; the content is opened on demand.
 */
final class QueueFileReader {
    private static final int MAX_ENVELOPE = 64 * 1024 * 1024;
    private static final int MAX_STATUS_RECORDS = 256 * 1024 * 1024;

    private QueueFileReader() {
    }

    /** A loaded entry, and how many octets of torn status records followed its valid end. */
    record Loaded(EntrySlot slot, long tornOctets) {
    }

    /**
     * Loads a queue file; empty if it is a submission that never reached commit (shorter than a
     * header, or its header still zero: the header is written last).
     */
    static Optional<Loaded> load(Path file, QueueId id, FileKeys keys) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Optional<QueueFileHeader> written = header(channel, keys);
            if (written.isEmpty()) {
                return Optional.empty();
            }
            QueueFileHeader header = written.get();
            SegmentCipher cipher = keys.cipherFor(id, header);
            long tailLength = channel.size() - header.envelopeOffset();
            if (header.envelopeLength() > MAX_ENVELOPE || tailLength - header.envelopeLength() > MAX_STATUS_RECORDS) {
                throw new CorruptEntryException("envelope or status records too large");
            }
            ByteBuffer tail = ByteBuffer.allocate((int) tailLength);
            FileIo.readFully(channel, tail, header.envelopeOffset());
            byte[] raw = SegmentReader.openAll(tail.array(), 0, (int) header.envelopeLength(), cipher, SegmentCipher.ENVELOPE);
            QueuedEnvelope envelope = QueuedEnvelope.decode(raw);
            List<RecipientStatus> statuses = new ArrayList<>(envelope.toEntry(id).recipients());
            StatusLog.Replay replay = StatusLog.replay(tail.position((int) header.envelopeLength()), header.recordsOffset(),
                    cipher, statuses);
            QueueEntry entry = new QueueEntry(id, envelope.sender(), envelope.origin(), statuses,
                    envelope.arrivedAt(), envelope.size());
            return Optional.of(new Loaded(new EntrySlot(file, header, entry, replay.validEnd(), replay.records()),
                    replay.ignoredOctets()));
        }
    }

    /** Opens the content of a loaded entry; the stream owns the channel. */
    static ContentStream openContent(EntrySlot slot, FileKeys keys, java.util.function.Consumer<String> onCorrupt)
            throws IOException {
        FileChannel channel = FileChannel.open(slot.file, StandardOpenOption.READ);
        try {
            QueueFileHeader header = header(channel, keys).orElseThrow(() -> new CorruptEntryException("header missing"));
            SegmentCipher cipher = keys.cipherFor(slot.id, header);
            SegmentReader reader = new SegmentReader(channel, QueueFileHeader.LENGTH, header.contentLength(), cipher,
                    SegmentCipher.CONTENT);
            return new ContentStream(reader, channel, onCorrupt);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The header, checked against the key and the file size; empty while it is still zero (never committed). */
    private static Optional<QueueFileHeader> header(FileChannel channel, FileKeys keys) throws IOException {
        long size = channel.size();
        if (size < QueueFileHeader.LENGTH) {
            return Optional.empty();
        }
        byte[] raw = new byte[QueueFileHeader.LENGTH];
        FileIo.readFully(channel, ByteBuffer.wrap(raw), 0);
        if (Arrays.equals(raw, new byte[QueueFileHeader.LENGTH])) {
            return Optional.empty();
        }
        QueueFileHeader header = QueueFileHeader.decode(raw);
        if (!MessageDigest.isEqual(header.keyId(), keys.keyId())) {
            throw new CorruptEntryException("written with another queue key");
        }
        if (header.contentLength() > size || header.envelopeLength() > size || header.recordsOffset() > size) {
            throw new CorruptEntryException("file truncated (" + size + " octets, header promises "
                    + header.recordsOffset() + ")");
        }
        return Optional.of(header);
    }
}
