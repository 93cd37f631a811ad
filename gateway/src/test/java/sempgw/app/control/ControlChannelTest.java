package sempgw.app.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sempgw.store.queue.QueueId;

/** The control socket end to end: a real Unix-domain socket, the client, and a handler. */
final class ControlChannelTest {
    @TempDir
    Path dir;

    static final ControlHandler ECHO = request -> switch (request) {
        case ControlRequest.ListEntries l -> new ControlReply(200, List.of("QUEUE ID", "ABCDEF123456 1 message"));
        case ControlRequest.Show s -> ControlReply.of(550, s.id() + ": no such message in the queue");
        default -> ControlReply.of(200, request.line());
    };

    @Test
    void send_list_roundTripsMultiLineReply() throws IOException {
        Path socket = dir.resolve("control.sock");
        try (ControlServer _ = ControlServer.start(socket, ECHO)) {
            ControlReply reply = ControlClient.send(socket, new ControlRequest.ListEntries());
            assertThat(reply).isEqualTo(new ControlReply(200, List.of("QUEUE ID", "ABCDEF123456 1 message")));
            assertThat(ControlClient.send(socket, new ControlRequest.Show(new QueueId("ABCDEF123456"))).code()).isEqualTo(550);
        }
    }

    @Test
    void start_socketFile_isMode0600AndRemovedOnClose() throws IOException {
        Path socket = dir.resolve("run/control.sock");
        try (ControlServer _ = ControlServer.start(socket, ECHO)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent()))).isEqualTo("rwx------");
        }
        assertThat(socket).doesNotExist();
    }

    @Test
    void start_staleSocketFromACrash_replaced() throws IOException {
        Path socket = dir.resolve("control.sock");
        ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        dead.bind(UnixDomainSocketAddress.of(socket));
        dead.close();
        assertThat(socket).exists();
        try (ControlServer _ = ControlServer.start(socket, ECHO)) {
            assertThat(ControlClient.send(socket, new ControlRequest.Flush()).lines()).containsExactly("FLUSH");
        }
    }

    @Test
    void start_anotherGatewayAnswers_refused() throws IOException {
        Path socket = dir.resolve("control.sock");
        try (ControlServer _ = ControlServer.start(socket, ECHO)) {
            assertThatThrownBy(() -> ControlServer.start(socket, ECHO)).isInstanceOf(IOException.class)
                    .hasMessageContaining("another gateway is already running");
            assertThat(ControlClient.send(socket, new ControlRequest.Flush()).ok()).isTrue();
        }
    }

    @Test
    void rawRequest_malformedAndOverlong_answered500AndConnectionKeepsServing() throws IOException {
        Path socket = dir.resolve("control.sock");
        try (ControlServer _ = ControlServer.start(socket, ECHO);
                SocketChannel raw = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            assertThat(exchange(raw, "BOGUS\n")).isEqualTo("500 unknown command; commands are LIST, SHOW id, HOLD id, RELEASE id, DELETE id, FLUSH\n");
            assertThat(exchange(raw, "X".repeat(10_000) + "\n")).isEqualTo("500 request line too long\n");
            assertThat(exchange(raw, "flush\r\n")).isEqualTo("200 FLUSH\n");
        }
    }

    @Test
    void send_noSocket_explainsTheGatewayIsNotRunning() {
        assertThatThrownBy(() -> ControlClient.send(dir.resolve("none.sock"), new ControlRequest.ListEntries()))
                .isInstanceOf(IOException.class).hasMessageContaining("is the gateway running");
    }

    private static String exchange(SocketChannel channel, String request) throws IOException {
        channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8)));
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        StringBuilder reply = new StringBuilder();
        while (reply.isEmpty() || reply.charAt(reply.length() - 1) != '\n') {
            buffer.clear();
            if (channel.read(buffer) < 0) {
                break;
            }
            reply.append(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8));
        }
        return reply.toString();
    }
}
