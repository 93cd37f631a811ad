package sempgw.app.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.store.PrivateFiles;

/**
 * The control channel's server end: a Unix-domain socket, mode 0600, answering one
 * {@link ControlRequest} per line with a {@link ControlReply}, each connection on its own
 * virtual thread, at most {@value #MAX_CLIENTS} at a time.
 */
public final class ControlServer implements AutoCloseable {
    static final int MAX_CLIENTS = 16;
    private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);

    private final Path socket;
    private final ServerSocketChannel server;
    private final ControlHandler handler;
    private final Semaphore slots = new Semaphore(MAX_CLIENTS);
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    private ControlServer(Path socket, ServerSocketChannel server, ControlHandler handler) {
        this.socket = socket;
        this.server = server;
        this.handler = handler;
        this.acceptor = Thread.ofVirtual().name("control-accept").unstarted(this::acceptLoop);
    }

    /** Binds the socket (replacing a stale one left by a crash) and starts answering. */
    public static ControlServer start(Path socket, ControlHandler handler) throws IOException {
        Path parent = socket.toAbsolutePath().getParent();
        PrivateFiles.createDirectories(parent);
        if (Files.exists(socket)) {
            if (ControlClient.answers(socket)) {
                throw new IOException("another gateway is already running with control socket " + socket);
            }
            Files.delete(socket);
        }
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.bind(UnixDomainSocketAddress.of(socket));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw new IOException("cannot bind control socket " + socket + ": " + e.getMessage(), e);
        }
        ControlServer s = new ControlServer(socket, channel, handler);
        s.acceptor.start();
        return s;
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                if (!slots.tryAcquire()) {
                    reply(client, ControlReply.of(ControlReply.LOCAL_ERROR, "too many control connections, try again"));
                    client.close();
                    continue;
                }
                open.add(client);
                Thread.ofVirtual().name("control").start(() -> serve(client));
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.warn("control socket accept failed: {}", e.toString());
            }
        }
    }

    private void serve(SocketChannel client) {
        try (client; InputStream in = Channels.newInputStream(client)) {
            for (String line = readLine(in); line != null; line = readLine(in)) {
                ControlRequest request = line.length() > ControlRequest.MAX_LINE
                        ? new ControlRequest.Malformed("request line too long")
                        : ControlRequest.parse(line);
                ControlReply reply = request instanceof ControlRequest.Malformed(String reason)
                        ? ControlReply.of(ControlReply.BAD_REQUEST, reason)
                        : handler.handle(request);
                reply(client, reply);
            }
        } catch (IOException e) {
            LOG.debug("control connection ended: {}", e.toString());
        } finally {
            open.remove(client);
            slots.release();
        }
    }

    /** One LF-terminated line (CR stripped), at most MAX_LINE + 1 characters kept; null at end of stream. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (line.size() <= ControlRequest.MAX_LINE) {
                line.write(b);
            }
        }
        if (b == -1 && line.size() == 0) {
            return null;
        }
        String s = line.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static void reply(SocketChannel client, ControlReply reply) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(reply.encode().getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            client.write(bytes);
        }
    }

    /** Stops accepting, closes every connection and removes the socket file. */
    @Override
    public void close() throws IOException {
        server.close();
        for (SocketChannel c : open) {
            c.close();
        }
        acceptor.interrupt();
        Files.deleteIfExists(socket);
    }
}
