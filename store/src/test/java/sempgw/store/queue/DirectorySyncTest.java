package sempgw.store.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DirectorySyncTest {
    @TempDir
    Path dir;

    @Test
    void requests_manyAtOnce_completeWithFewerFsyncs() throws IOException {
        try (DirectorySync sync = new DirectorySync(dir)) {
            List<CompletableFuture<Void>> requested = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                requested.add(sync.request());
            }
            for (CompletableFuture<Void> r : requested) {
                DirectorySync.await(r);
            }
            assertThat(sync.syncs()).isBetween(1L, 199L);
        }
    }

    @Test
    void close_completesPendingRequestsThenRefusesNewOnes() throws IOException {
        DirectorySync sync = new DirectorySync(dir);
        CompletableFuture<Void> pending = sync.request();
        sync.close();
        DirectorySync.await(pending);
        assertThat(pending).isCompleted();
        assertThatThrownBy(sync::request).isInstanceOf(IOException.class).hasMessageContaining("closed");
    }

    @Test
    void await_failedFsync_rethrowsTheIoException() {
        CompletableFuture<Void> failed = CompletableFuture.failedFuture(new IOException("EIO"));
        assertThatThrownBy(() -> DirectorySync.await(failed)).isInstanceOf(IOException.class).hasMessage("EIO");
    }
}
