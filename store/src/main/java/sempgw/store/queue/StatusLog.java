package sempgw.store.queue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The status records after a file's envelope: {@code length (4 octets) || nonce || ciphertext},
 * each sealed with its sequence number (so records cannot be reordered or spliced). Appended at
 * the known valid end, never through {@code O_APPEND}, so a torn tail left by a crash is
 * overwritten. Replay keeps the longest authenticated prefix: a crash can only lose the last,
 * unsynced records, and losing them means a recipient is tried again, never lost.
 */
final class StatusLog {
    static final int MAX_RECORD = Wire.MAX_FIELD + 1024;

    private StatusLog() {
    }

    /** The outcome of a replay: the end of the valid records, how many there were, and how many octets were ignored. */
    record Replay(long validEnd, long records, long ignoredOctets) {
    }

    /**
     * Applies every valid record in {@code region} (the file from {@code regionStart} to its end)
     * to {@code statuses}, indexed like the envelope's recipients.
     */
    static Replay replay(ByteBuffer region, long regionStart, SegmentCipher cipher, List<RecipientStatus> statuses)
            throws CorruptEntryException {
        int start = region.position();
        long sequence = 0;
        int valid = start;
        while (region.remaining() >= 4) {
            int length = region.getInt();
            if (length < SegmentCipher.NONCE + SegmentCipher.TAG || length > MAX_RECORD || length > region.remaining()) {
                break;
            }
            byte[] sealed = new byte[length];
            region.get(sealed);
            byte[] plain;
            try {
                plain = cipher.openRecord(sequence, sealed);
            } catch (CorruptEntryException torn) {
                break;
            }
            StatusRecord record = StatusRecord.decode(plain);
            if (record.index() < 0 || record.index() >= statuses.size()) {
                throw new CorruptEntryException("status record " + sequence + " names no recipient");
            }
            statuses.set(record.index(), record.applyTo(statuses.get(record.index()).recipient()));
            sequence++;
            valid = region.position();
        }
        return new Replay(regionStart + (valid - start), sequence, region.limit() - valid);
    }

    /** Writes one record at {@code at}; fsyncs it when {@code sync}. Returns the new valid end. */
    static long append(Path file, long at, long sequence, SegmentCipher cipher, StatusRecord record, boolean sync)
            throws IOException {
        byte[] sealed = cipher.sealRecord(sequence, record.encode());
        ByteBuffer out = ByteBuffer.allocate(4 + sealed.length).putInt(sealed.length).put(sealed).flip();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileIo.writeFully(channel, out, at);
            if (sync) {
                channel.force(false);
            }
        }
        return at + out.limit();
    }
}
