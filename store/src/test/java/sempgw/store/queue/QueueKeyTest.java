package sempgw.store.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class QueueKeyTest {
    @TempDir
    Path dir;

    @Test
    void loadOrCreate_noFile_createsOwnerOnlyKeyAndLoadsItAgain() throws IOException {
        Path file = dir.resolve("keys/queue.key");
        byte[] first;
        try (QueueKey key = QueueKey.loadOrCreate(file)) {
            first = key.bytes().clone();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.size(file)).isEqualTo(32);
        try (QueueKey again = QueueKey.loadOrCreate(file)) {
            assertThat(again.bytes()).isEqualTo(first);
        }
        assertThat(first).isNotEqualTo(new byte[32]);
        try (var leftovers = Files.list(file.getParent())) {
            assertThat(leftovers).containsExactly(file);
        }
    }

    @Test
    void load_groupReadableFile_isRefusedWithTheFix() throws IOException {
        Path file = dir.resolve("queue.key");
        QueueKey.loadOrCreate(file).close();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        assertThatThrownBy(() -> QueueKey.loadOrCreate(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("accessible by group or others").hasMessageContaining("rw-r-----")
                .hasMessageContaining("chmod 600 " + file);
    }

    @Test
    void load_worldReadableFile_isRefused() throws IOException {
        Path file = dir.resolve("queue.key");
        QueueKey.loadOrCreate(file).close();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw----r--"));
        assertThatThrownBy(() -> QueueKey.load(file)).isInstanceOf(IOException.class).hasMessageContaining("refusing to start");
    }

    @Test
    void load_wrongLength_isRefused() throws IOException {
        Path file = dir.resolve("queue.key");
        Files.write(file, new byte[31]);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> QueueKey.load(file)).isInstanceOf(IOException.class).hasMessageContaining("expected 32 octets, found 31");
    }

    @Test
    void close_zeroesTheKeyBytes() {
        QueueKey key = QueueKey.generate();
        byte[] held = key.bytes();
        assertThat(held).isNotEqualTo(new byte[32]);
        key.close();
        assertThat(held).containsOnly(0);
        assertThatThrownBy(key::bytes).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void toString_neverShowsTheKey() {
        try (QueueKey key = QueueFixtures.key()) {
            assertThat(key.toString()).isEqualTo("QueueKey[redacted]");
        }
    }

    @Test
    void fsQueue_afterOpen_callerMayCloseItsKey() throws IOException {
        QueueKey key = QueueFixtures.key();
        try (FsQueue queue = FsQueue.open(dir.resolve("q"), key, QueueFixtures.fixedClock())) {
            key.close();
            QueueId id = QueueFixtures.commit(queue, Sender.of("a@example.org"), java.util.List.of(Recipient.of("b@example.net")),
                    QueueFixtures.content(1, 10));
            assertThat(QueueFixtures.readContent(queue, id)).isEqualTo(QueueFixtures.content(1, 10));
        }
    }
}
