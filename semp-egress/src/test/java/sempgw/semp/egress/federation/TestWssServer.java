package sempgw.semp.egress.federation;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * A minimal RFC 6455 server over TLS for tests (the JDK has no WebSocket server): the opening
 * handshake (optionally without confirming the subprotocol), masked client frames with
 * continuations, and server replies as one text message split into {@code fragments} frames,
 * or misbehaviour on demand (a binary frame, a close without a reply, silence, an unasked notice).
 */
final class TestWssServer implements AutoCloseable {

    /** What the server does with one complete client message. */
    enum Mode { REPLY, BINARY, CLOSE, TOO_BIG, SILENT }

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final SSLServerSocket server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Function<byte[], Optional<byte[]>> handler;
    volatile boolean confirmSubprotocol = true;
    volatile int fragments = 1;
    volatile Mode mode = Mode.REPLY;
    /** Sent unasked before each reply when set, as a peer announcing a new configuration (DISCOVERY.md §3.5.4) or one on a later MINOR might. */
    volatile byte[] notice;
    final AtomicInteger upgrades = new AtomicInteger();
    final AtomicInteger closesSeen = new AtomicInteger();

    TestWssServer(SSLContext tls, Function<byte[], Optional<byte[]>> handler) throws IOException {
        this.handler = handler;
        server = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        executor.submit(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                executor.submit(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            String request = readHead(in);
            String key = header(request, "sec-websocket-key");
            boolean asked = header(request, "sec-websocket-protocol").contains("semp.v1");
            String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: " + accept
                    + "\r\n" + (asked && confirmSubprotocol ? "Sec-WebSocket-Protocol: semp.v1\r\n" : "") + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            upgrades.incrementAndGet();
            DataInputStream frames = new DataInputStream(in);
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            while (true) {
                int b0 = frames.readUnsignedByte();
                int b1 = frames.readUnsignedByte();
                long len = b1 & 0x7f;
                if (len == 126) {
                    len = frames.readUnsignedShort();
                } else if (len == 127) {
                    len = frames.readLong();
                }
                byte[] mask = new byte[4];
                frames.readFully(mask);
                byte[] payload = new byte[(int) len];
                frames.readFully(payload);
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i % 4];
                }
                int opcode = b0 & 0x0f;
                if (opcode == 8) {
                    closesSeen.incrementAndGet();
                    frame(out, 0x88, new byte[0]);
                    return;
                }
                if (opcode == 9) {
                    frame(out, 0x8A, payload);
                    continue;
                }
                message.writeBytes(payload);
                if ((b0 & 0x80) != 0) {
                    if (!answer(out, message.toByteArray())) {
                        return;
                    }
                    message.reset();
                }
            }
        } catch (Exception e) {
            // The client went away; the test asserts on what it saw.
        }
    }

    private boolean answer(OutputStream out, byte[] message) throws IOException {
        switch (mode) {
            case SILENT -> {
                return true;
            }
            case CLOSE -> {
                frame(out, 0x88, new byte[] {0x03, (byte) 0xE8});
                return false;
            }
            case TOO_BIG -> {
                frame(out, 0x88, new byte[] {0x03, (byte) 0xF1});
                return false;
            }
            case BINARY -> {
                frame(out, 0x82, "{}".getBytes(StandardCharsets.UTF_8));
                return true;
            }
            case REPLY -> {
                byte[] first = notice;
                if (first != null) {
                    frame(out, 0x81, first);
                }
                Optional<byte[]> reply = handler.apply(message);
                if (reply.isPresent()) {
                    byte[] r = reply.get();
                    int n = Math.max(1, Math.min(fragments, r.length));
                    int step = (r.length + n - 1) / n;
                    for (int i = 0, off = 0; off < r.length; i++, off += step) {
                        boolean fin = off + step >= r.length;
                        frame(out, (fin ? 0x80 : 0) | (i == 0 ? 0x1 : 0x0), Arrays.copyOfRange(r, off, Math.min(r.length, off + step)));
                    }
                }
                return true;
            }
        }
        return true;
    }

    private static synchronized void frame(OutputStream out, int b0, byte[] payload) throws IOException {
        out.write(b0);
        if (payload.length < 126) {
            out.write(payload.length);
        } else if (payload.length < 65536) {
            out.write(126);
            out.write(payload.length >>> 8);
            out.write(payload.length & 0xff);
        } else {
            out.write(127);
            for (int i = 7; i >= 0; i--) {
                out.write((int) ((long) payload.length >>> (8 * i)) & 0xff);
            }
        }
        out.write(payload);
        out.flush();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int c;
        while (matched < 4 && (c = in.read()) != -1) {
            head.write(c);
            matched = (c == '\r' && matched % 2 == 0) || (c == '\n' && matched % 2 == 1) ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return "";
    }

    @Override
    public void close() throws IOException {
        server.close();
        executor.shutdownNow();
    }
}
