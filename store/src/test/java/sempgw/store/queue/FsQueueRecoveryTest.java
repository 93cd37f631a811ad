package sempgw.store.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sempgw.store.queue.FsQueueTest.filesIn;
import static sempgw.store.queue.QueueFixtures.T0;
import static sempgw.store.queue.QueueFixtures.commit;
import static sempgw.store.queue.QueueFixtures.content;
import static sempgw.store.queue.QueueFixtures.fixedClock;
import static sempgw.store.queue.QueueFixtures.key;
import static sempgw.store.queue.QueueFixtures.origin;
import static sempgw.store.queue.QueueFixtures.readContent;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crash recovery and corruption: what {@link FsQueue#open} does with every kind of damaged file. */
final class FsQueueRecoveryTest {
    private static final Sender SENDER = Sender.of("alice@example.org");
    private static final List<Recipient> RECIPIENTS = List.of(Recipient.of("bob@example.net"), Recipient.of("carol@example.com"));

    @TempDir
    Path dir;

    @Test
    void open_unfinishedSubmissionFromCrash_removesIt() throws IOException {
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock())) {
            Submission crashed = queue.begin(SENDER, origin());
            crashed.addRecipient(RECIPIENTS.getFirst());
            crashed.content().write(content(1, 200_000));
            commit(queue, SENDER, RECIPIENTS, content(2, 100));
            assertThat(filesIn(queue.layout().entries)).hasSize(2);
        }
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock())) {
            assertThat(queue.entries()).hasSize(1);
            assertThat(filesIn(dir.resolve("queue"))).hasSize(1);
            assertThat(filesIn(dir.resolve("corrupt"))).isEmpty();
        }
    }

    @Test
    void open_tamperedEnvelope_movesEntryToCorruptAndKeepsServing() throws IOException {
        QueueId bad = commitTwoAndDamage((file, header) -> flipByte(file, header.envelopeOffset() + 5));
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock())) {
            assertThat(queue.find(bad)).isEmpty();
            assertThat(queue.entries()).hasSize(1);
            assertThat(dir.resolve("corrupt").resolve(bad.value())).exists();
            QueueId fresh = commit(queue, SENDER, RECIPIENTS, content(3, 100));
            assertThat(readContent(queue, fresh)).isEqualTo(content(3, 100));
        }
    }

    @Test
    void openContent_tamperedContent_failsAndMovesEntryToCorrupt() throws IOException {
        QueueId bad = commitTwoAndDamage((file, header) -> flipByte(file, QueueFileHeader.LENGTH + 70_000));
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock())) {
            assertThat(queue.find(bad)).isPresent();
            assertThatThrownBy(() -> readContent(queue, bad)).isInstanceOf(IOException.class)
                    .hasMessageContaining("content segment 1 failed authentication");
            assertThat(queue.find(bad)).isEmpty();
            assertThat(dir.resolve("corrupt").resolve(bad.value())).exists();
            assertThat(queue.entries()).hasSize(1);
            assertThat(readContent(queue, queue.entries().getFirst().id())).isEqualTo(content(2, 100));
        }
    }

    @Test
    void open_truncatedFile_movesEntryToCorrupt() throws IOException {
        QueueId bad = commitTwoAndDamage((file, header) -> truncate(file, header.envelopeOffset() - 100));
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock())) {
            assertThat(queue.find(bad)).isEmpty();
            assertThat(dir.resolve("corrupt").resolve(bad.value())).exists();
            assertThat(queue.entries()).hasSize(1);
        }
    }

    @Test
    void open_contentCutAtSegmentBoundaryWithHeaderAdjusted_isDetected() throws IOException {
        QueueId bad = commitTwoAndDamage((file, header) -> {
            long oneSegment = SegmentCipher.SEGMENT + SegmentCipher.TAG;
            byte[] all = Files.readAllBytes(file);
            byte[] envelopeAndRecords = java.util.Arrays.copyOfRange(all, (int) header.envelopeOffset(), all.length);
            QueueFileHeader shorter = header.withLengths(oneSegment, header.envelopeLength());
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.write(shorter.encode());
                raf.seek(QueueFileHeader.LENGTH + oneSegment);
                raf.write(envelopeAndRecords);
                raf.setLength(QueueFileHeader.LENGTH + oneSegment + envelopeAndRecords.length);
            }
        });
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock())) {
            assertThat(queue.find(bad)).isPresent();
            assertThatThrownBy(() -> readContent(queue, bad)).isInstanceOf(IOException.class)
                    .hasMessageContaining("failed authentication");
            assertThat(dir.resolve("corrupt").resolve(bad.value())).exists();
        }
    }

    @Test
    void open_renamedFile_movesEntryToCorrupt() throws IOException {
        QueueId original;
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock())) {
            original = commit(queue, SENDER, RECIPIENTS, content(1, 100));
        }
        QueueId forged = new QueueId("0000000000FORGED");
        Files.move(dir.resolve("queue").resolve(original.value()), dir.resolve("queue").resolve(forged.value()));
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock())) {
            assertThat(queue.entries()).isEmpty();
            assertThat(dir.resolve("corrupt").resolve(forged.value())).exists();
        }
    }

    @Test
    void open_tornLastStatusRecord_keepsEarlierStateAndAcceptsNewUpdates() throws IOException {
        QueueId id;
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock())) {
            id = commit(queue, SENDER, RECIPIENTS, content(1, 100));
            queue.update(id, 0, RecipientState.DEFERRED, T0.plusSeconds(60), Optional.of("451 later"), false);
            queue.update(id, 0, RecipientState.DELIVERED, T0, Optional.of("250 ok"), false);
        }
        Path file = dir.resolve("queue").resolve(id.value());
        truncate(file, Files.size(file) - 7);
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock())) {
            RecipientStatus first = queue.find(id).orElseThrow().recipients().getFirst();
            assertThat(first.state()).isEqualTo(RecipientState.DEFERRED);
            assertThat(first.lastReply()).contains("451 later");
            queue.update(id, 1, RecipientState.DEFERRED, T0.plusSeconds(60), Optional.of("452 full"), false);
        }
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock())) {
            assertThat(queue.find(id).orElseThrow().recipients()).extracting(RecipientStatus::state)
                    .containsExactly(RecipientState.DEFERRED, RecipientState.DEFERRED);
            assertThat(filesIn(dir.resolve("corrupt"))).isEmpty();
        }
    }

    @Test
    void open_entryWhoseRemovalWasLost_isRemoved() throws IOException {
        QueueId id;
        Path survivor = dir.resolve("survivor");
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock())) {
            id = commit(queue, SENDER, List.of(RECIPIENTS.getFirst()), content(1, 100));
            Path file = queue.layout().entry(id);
            Files.createLink(survivor, file);
            queue.update(id, 0, RecipientState.DELIVERED, T0, Optional.of("250 ok"), false);
            assertThat(file).doesNotExist();
        }
        Files.move(survivor, dir.resolve("queue").resolve(id.value()));
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock())) {
            assertThat(queue.entries()).isEmpty();
            assertThat(filesIn(dir.resolve("queue"))).isEmpty();
            assertThat(filesIn(dir.resolve("corrupt"))).isEmpty();
        }
    }

    @Test
    void open_fileOfAnotherKey_goesToCorruptNotDeleted() throws IOException {
        Path other = dir.resolve("other");
        QueueId foreign;
        try (FsQueue queue = FsQueue.open(other, QueueKey.generate(), fixedClock())) {
            foreign = commit(queue, SENDER, RECIPIENTS, content(1, 100));
        }
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock())) {
            commit(queue, SENDER, RECIPIENTS, content(2, 100));
        }
        Files.move(other.resolve("queue").resolve(foreign.value()), dir.resolve("queue").resolve(foreign.value()));
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock())) {
            assertThat(queue.entries()).hasSize(1);
            assertThat(dir.resolve("corrupt").resolve(foreign.value())).exists();
        }
    }

    @Test
    void openContent_afterDelete_isNoSuchFile() throws IOException {
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock())) {
            QueueId id = commit(queue, SENDER, RECIPIENTS, content(1, 100));
            queue.delete(id);
            assertThatThrownBy(() -> queue.openContent(id)).isInstanceOf(NoSuchFileException.class);
        }
    }

    /** Commits a 150 kB message (three content segments) and a small one, damages the first, returns its id. */
    private QueueId commitTwoAndDamage(Damage damage) throws IOException {
        QueueId victim;
        QueueFileHeader header;
        try (FsQueue queue = FsQueue.open(dir, key(), fixedClock())) {
            victim = commit(queue, SENDER, RECIPIENTS, content(1, 150_000));
            commit(queue, SENDER, RECIPIENTS, content(2, 100));
            header = headerOf(queue.layout().entry(victim));
        }
        damage.apply(dir.resolve("queue").resolve(victim.value()), header);
        return victim;
    }

    private static QueueFileHeader headerOf(Path file) throws IOException {
        byte[] raw = java.util.Arrays.copyOf(Files.readAllBytes(file), QueueFileHeader.LENGTH);
        return QueueFileHeader.decode(raw);
    }

    @FunctionalInterface
    private interface Damage {
        void apply(Path file, QueueFileHeader header) throws IOException;
    }

    static void flipByte(Path file, long at) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(at);
            int b = raf.read();
            raf.seek(at);
            raf.write(b ^ 0x01);
        }
    }

    private static void truncate(Path file, long length) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(length);
        }
    }
}
