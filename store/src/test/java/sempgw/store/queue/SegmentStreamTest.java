package sempgw.store.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The segmented AES-GCM stream: round trips at every segment edge, and each way of tampering fails. */
final class SegmentStreamTest {
    private static final int SEALED = SegmentCipher.SEGMENT + SegmentCipher.TAG;
    private static final byte[] PREFIX = new byte[QueueFileHeader.PREFIX_LENGTH];

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 8191, 8193, SegmentCipher.SEGMENT - 1, SegmentCipher.SEGMENT, SegmentCipher.SEGMENT + 1,
            3 * SegmentCipher.SEGMENT, 3 * SegmentCipher.SEGMENT + 17})
    void writeThenRead_anySize_roundTrips(int size) throws IOException {
        byte[] data = QueueFixtures.content(size, size);
        long length = write(data, false);
        assertThat(length).isEqualTo((long) Math.max(1, Math.ceilDiv(size, SegmentCipher.SEGMENT)) * SegmentCipher.TAG + size);
        assertThat(read(length, SegmentCipher.CONTENT)).isEqualTo(data);
    }

    @Test
    void writeOneByteAtATime_sameAsBulk() throws IOException {
        byte[] data = QueueFixtures.content(5, SegmentCipher.SEGMENT + 100);
        long length = write(data, true);
        assertThat(read(length, SegmentCipher.CONTENT)).isEqualTo(data);
    }

    @Test
    void read_lastSegmentDropped_fails() throws IOException {
        long length = write(QueueFixtures.content(1, 2 * SegmentCipher.SEGMENT + 10), false);
        assertThatThrownBy(() -> read(length - (SegmentCipher.TAG + 10), SegmentCipher.CONTENT))
                .isInstanceOf(CorruptEntryException.class).hasMessageContaining("segment 1 failed authentication");
    }

    @Test
    void read_segmentsSwapped_fails() throws IOException {
        long length = write(QueueFixtures.content(2, 3 * SegmentCipher.SEGMENT), false);
        byte[] all = Files.readAllBytes(file());
        byte[] first = Arrays.copyOfRange(all, 0, SEALED);
        System.arraycopy(all, SEALED, all, 0, SEALED);
        System.arraycopy(first, 0, all, SEALED, SEALED);
        Files.write(file(), all);
        assertThatThrownBy(() -> read(length, SegmentCipher.CONTENT))
                .isInstanceOf(CorruptEntryException.class).hasMessageContaining("segment 0 failed authentication");
    }

    @Test
    void read_flippedBit_failsBeforeReleasingThatSegment() throws IOException {
        byte[] data = QueueFixtures.content(3, 2 * SegmentCipher.SEGMENT);
        long length = write(data, false);
        FsQueueRecoveryTest.flipByte(file(), SEALED + 3);
        try (FileChannel channel = FileChannel.open(file(), StandardOpenOption.READ)) {
            SegmentReader reader = new SegmentReader(channel, 0, length, cipher(), SegmentCipher.CONTENT);
            assertThat(reader.readNBytes(SegmentCipher.SEGMENT)).isEqualTo(Arrays.copyOf(data, SegmentCipher.SEGMENT));
            assertThatThrownBy(reader::read).isInstanceOf(CorruptEntryException.class);
        }
    }

    @Test
    void read_asAnotherStream_fails() throws IOException {
        long length = write(QueueFixtures.content(4, 100), false);
        assertThatThrownBy(() -> read(length, SegmentCipher.ENVELOPE)).isInstanceOf(CorruptEntryException.class);
    }

    @Test
    void read_impossibleLength_failsUpFront() throws IOException {
        write(QueueFixtures.content(6, SegmentCipher.SEGMENT + 100), false);
        assertThatThrownBy(() -> read(SEALED + 5, SegmentCipher.CONTENT))
                .isInstanceOf(CorruptEntryException.class).hasMessageContaining("not a valid segment layout");
    }

    @Test
    void read_underAnotherFileKey_fails() throws IOException {
        long length = write(QueueFixtures.content(7, 100), false);
        SegmentCipher other = new SegmentCipher(new SecretKeySpec(new byte[32], "AES"), PREFIX);
        try (FileChannel channel = FileChannel.open(file(), StandardOpenOption.READ)) {
            assertThatThrownBy(() -> new SegmentReader(channel, 0, length, other, SegmentCipher.CONTENT).readAllBytes())
                    .isInstanceOf(CorruptEntryException.class);
        }
    }

    @Test
    void record_sealedThenOpened_roundTripsAndIsBoundToItsSequence() throws IOException {
        SegmentCipher cipher = cipher();
        byte[] sealed = cipher.sealRecord(4, "state".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(cipher.openRecord(4, sealed)).asString(java.nio.charset.StandardCharsets.US_ASCII).isEqualTo("state");
        assertThatThrownBy(() -> cipher.openRecord(5, sealed)).isInstanceOf(CorruptEntryException.class);
    }

    private Path file() {
        return dir.resolve("stream");
    }

    /** A fresh key per test: the JDK refuses to encrypt twice under one key and nonce, as each test's first write would. */
    private final SecretKeySpec key = new SecretKeySpec(QueueKey.generate().bytes(), "AES");

    private SegmentCipher cipher() {
        return new SegmentCipher(key, PREFIX);
    }

    private long write(byte[] data, boolean byteByByte) throws IOException {
        try (FileChannel channel = FileChannel.open(file(), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            SegmentWriter writer = new SegmentWriter(channel, cipher(), SegmentCipher.CONTENT);
            if (byteByByte) {
                for (byte b : data) {
                    writer.write(b);
                }
            } else {
                writer.write(data);
            }
            long length = writer.finish();
            assertThat(writer.plainBytes()).isEqualTo(data.length);
            assertThatThrownBy(() -> writer.write(1)).isInstanceOf(IOException.class);
            assertThat(channel.size()).isEqualTo(length);
            return length;
        }
    }

    private byte[] read(long length, int stream) throws IOException {
        try (FileChannel channel = FileChannel.open(file(), StandardOpenOption.READ)) {
            return new SegmentReader(channel, 0, length, cipher(), stream).readAllBytes();
        }
    }

}
