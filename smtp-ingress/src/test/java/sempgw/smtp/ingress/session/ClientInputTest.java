package sempgw.smtp.ingress.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

final class ClientInputTest {

    /** Hands out its bytes a few at a time, as a network does. */
    private static final class Trickle extends InputStream {
        private final byte[] data;
        private final int piece;
        private int pos;

        Trickle(String data, int piece) {
            this.data = data.getBytes(StandardCharsets.ISO_8859_1);
            this.piece = piece;
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, piece), data.length - pos);
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());

    private static ReplyOutput replies(ByteArrayOutputStream wire) {
        return new ReplyOutput(wire, WATCHDOG, Duration.ofSeconds(5));
    }

    private static ClientInput input(InputStream in, ReplyOutput replies) {
        return new ClientInput(new Socket(), in, replies, Duration.ofSeconds(5));
    }

    private static String text(ClientInput.Line line) {
        return new String(((ClientInput.Line.Text) line).octets(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void readLine_splitAnywhere_returnsWholeLines() throws IOException {
        for (int piece = 1; piece < 12; piece++) {
            ClientInput in = input(new Trickle("NOOP\r\nMAIL FROM:<a@b>\r\npartial", piece), replies(new ByteArrayOutputStream()));

            assertThat(text(in.readLine(100))).isEqualTo("NOOP\r\n");
            assertThat(text(in.readLine(100))).isEqualTo("MAIL FROM:<a@b>\r\n");
            assertThat(in.readLine(100)).isInstanceOf(ClientInput.Line.End.class);
        }
    }

    @Test
    void readLine_overTheLimit_isSkippedToItsLf() throws IOException {
        ClientInput in = input(new Trickle("x".repeat(200_000) + "\r\nNOOP\r\n", 7000), replies(new ByteArrayOutputStream()));

        assertThat(in.readLine(100)).isInstanceOf(ClientInput.Line.TooLong.class);
        assertThat(text(in.readLine(100))).isEqualTo("NOOP\r\n");
    }

    @Test
    void fill_beforeBlocking_writesHeldReplies() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        ReplyOutput replies = replies(wire);
        replies.write("250 2.0.0 Ok\r\n".getBytes(StandardCharsets.US_ASCII));
        replies.flush();
        assertThat(wire.size()).isZero();

        ClientInput in = input(new Trickle("NOOP\r\n", 100), replies);
        in.readLine(100);

        assertThat(wire.toString(StandardCharsets.US_ASCII)).isEqualTo("250 2.0.0 Ok\r\n");
    }

    @Test
    void fill_afterTheDeadline_timesOut() {
        ClientInput in = input(new Trickle("NOOP\r\n", 100), replies(new ByteArrayOutputStream()));

        assertThatThrownBy(() -> in.fill(System.nanoTime() - 1)).isInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void discardBuffered_dropsWhatWasReadAhead() throws IOException {
        ClientInput in = input(new Trickle("STARTTLS\r\nMAIL FROM:<x@y>\r\n", 100), replies(new ByteArrayOutputStream()));

        assertThat(text(in.readLine(100))).isEqualTo("STARTTLS\r\n");
        assertThat(in.discardBuffered()).isEqualTo("MAIL FROM:<x@y>\r\n".length());
        assertThat(in.readLine(100)).isInstanceOf(ClientInput.Line.End.class);
    }
}
