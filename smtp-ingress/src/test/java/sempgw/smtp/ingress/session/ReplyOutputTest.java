package sempgw.smtp.ingress.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sempgw.smtp.ingress.protocol.Replies;

final class ReplyOutputTest {
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        watchdog.shutdownNow();
    }

    /** A client that never reads: every write blocks until the stream is closed. */
    private static final class Stalled extends OutputStream {
        private final CountDownLatch closed = new CountDownLatch(1);

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("stream closed");
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }

    @Test
    void flush_holdsRepliesUntilFlushToClient() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        ReplyOutput out = new ReplyOutput(wire, watchdog, Duration.ofSeconds(5));
        out.send(Replies.OK);
        out.send(Replies.SENDER_OK);
        out.flush();
        assertThat(wire.size()).isZero();

        out.flushToClient();

        assertThat(wire.toString(StandardCharsets.US_ASCII)).isEqualTo("250 2.0.0 Ok\r\n250 2.1.0 Ok\r\n");
    }

    @Test
    void flushToClient_clientNeverReads_isAbandonedAfterTheWriteTimeout() {
        ReplyOutput out = new ReplyOutput(new Stalled(), watchdog, Duration.ofMillis(200));
        long start = System.nanoTime();

        assertThatThrownBy(() -> out.sendNow(Replies.OK)).isInstanceOf(IOException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150))
                .isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void write_afterClose_fails() throws IOException {
        ReplyOutput out = new ReplyOutput(new ByteArrayOutputStream(), watchdog, Duration.ofSeconds(5));
        out.close();

        assertThatThrownBy(() -> out.send(Replies.OK)).isInstanceOf(IOException.class);
    }
}
