package sempgw.smtp.egress.fake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A scripted SMTP/LMTP server for exact reply handling in tests. Every reply can be set; it
 * records every command line, every message received (dot-unstuffed) and every connection.
 * A reply starting with 421 is sent and the connection closed, as a real server does.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    public String greeting = "220 fake.test ESMTP";
    public List<String> extensions = new ArrayList<>(List.of("PIPELINING", "8BITMIME", "SIZE 10000000", "DSN", "SMTPUTF8", "ENHANCEDSTATUSCODES"));
    public boolean lmtp;
    public SSLContext tls;
    public boolean injectAfterStartTls;
    public boolean breakHandshake;
    /** Hold every reply until DATA arrives: a client that waits for the MAIL reply never gets it. */
    public boolean strictPipelining;
    /** Close the connection after each message, without a word (a server that dropped an idle client). */
    public boolean dropAfterMessage;
    /** Stop reading once the data starts: the client's writes block when the socket buffers are full. */
    public volatile boolean stallDuringData;
    /** Never answer the final dot. */
    public boolean silentAfterData;
    public String mailReply = "250 2.1.0 Ok";
    public Function<String, String> rcptReply = address -> "250 2.1.5 Ok";
    public String dataReply = "354 End data with <CR><LF>.<CR><LF>";
    public String authReply = "235 2.7.0 Authentication successful";
    /** Given the accepted recipients, the replies after the final dot (one for SMTP, one per recipient for LMTP). */
    public Function<List<String>, List<String>> endOfDataReplies = rcpts -> List.of("250 2.0.0 Ok: queued as 4711");

    public final List<String> commands = new CopyOnWriteArrayList<>();
    public final List<byte[]> messages = new CopyOnWriteArrayList<>();
    public final List<Boolean> messagesOverTls = new CopyOnWriteArrayList<>();
    public final AtomicInteger connections = new AtomicInteger();

    private final ServerSocket server;
    private final ServerSocketChannel unixServer;

    /** A TCP server on a free loopback port. */
    public ScriptedSmtpServer() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        unixServer = null;
        Thread.ofVirtual().start(this::acceptLoop);
    }

    private ScriptedSmtpServer(Path socketPath) throws IOException {
        server = null;
        unixServer = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        unixServer.bind(UnixDomainSocketAddress.of(socketPath));
        Thread.ofVirtual().start(this::acceptUnixLoop);
    }

    /** A server on a Unix-domain socket (no STARTTLS there). */
    public static ScriptedSmtpServer unix(Path socketPath) throws IOException {
        return new ScriptedSmtpServer(socketPath);
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptUnixLoop() {
        while (unixServer.isOpen()) {
            try {
                SocketChannel channel = unixServer.accept();
                connections.incrementAndGet();
                Thread.ofVirtual().start(() -> {
                    try (channel) {
                        Connection c = new Connection(null, Channels.newInputStream(channel), Channels.newOutputStream(channel));
                        c.reply(greeting);
                        c.loop();
                    } catch (IOException ignored) {
                        // the client went away; the test looks at what was recorded
                    }
                });
            } catch (IOException e) {
                return;
            }
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket plain) {
        Connection c;
        try {
            c = new Connection(plain, plain.getInputStream(), plain.getOutputStream());
        } catch (IOException e) {
            return;
        }
        try (plain) {
            c.reply(greeting);
            c.loop();
        } catch (IOException ignored) {
            // the client went away; the test looks at what was recorded
        }
    }

    private final class Connection {
        Socket socket;
        InputStream in;
        OutputStream out;
        boolean overTls;
        final List<String> held = new ArrayList<>();
        final List<String> accepted = new ArrayList<>();
        boolean mailOk;
        boolean closing;

        Connection(Socket socket, InputStream in, OutputStream out) {
            this.socket = socket;
            this.in = in;
            this.out = out;
        }

        void use(Socket s) throws IOException {
            socket = s;
            in = s.getInputStream();
            out = s.getOutputStream();
        }

        void loop() throws IOException {
            String line;
            while ((line = readLine()) != null) {
                commands.add(line);
                String upper = line.toUpperCase(Locale.ROOT);
                if (upper.startsWith("EHLO") || upper.startsWith("LHLO")) {
                    List<String> lines = new ArrayList<>(List.of("250-fake.test"));
                    List<String> ext = new ArrayList<>(extensions);
                    if (tls != null && !overTls) {
                        ext.add("STARTTLS");
                    }
                    for (int i = 0; i < ext.size(); i++) {
                        lines.add((i == ext.size() - 1 ? "250 " : "250-") + ext.get(i));
                    }
                    if (ext.isEmpty()) {
                        lines = List.of("250 fake.test");
                    }
                    reply(String.join("\r\n", lines));
                } else if (upper.startsWith("HELO")) {
                    reply("250 fake.test");
                } else if (upper.equals("STARTTLS")) {
                    if (!startTls()) {
                        return;
                    }
                } else if (upper.startsWith("AUTH")) {
                    reply(authReply);
                } else if (upper.startsWith("MAIL")) {
                    mailOk = mailReply.startsWith("2");
                    queue(mailReply);
                } else if (upper.startsWith("RCPT")) {
                    String address = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                    String r = mailOk ? rcptReply.apply(address) : "503 5.5.1 Error: need MAIL command";
                    if (r.startsWith("2")) {
                        accepted.add(address);
                    }
                    queue(r);
                } else if (upper.equals("DATA")) {
                    String r = accepted.isEmpty() ? "554 5.5.1 Error: no valid recipients" : dataReply;
                    if (r.startsWith("421")) {
                        queue(r);
                        return;
                    }
                    flushHeld();
                    reply(r);
                    if (r.startsWith("354") && stallDuringData) {
                        while (stallDuringData) {
                            sleepQuietly();
                        }
                        return;
                    }
                    if (r.startsWith("354")) {
                        receiveData();
                        if (dropAfterMessage) {
                            return;
                        }
                    }
                    reset();
                } else if (upper.equals("RSET")) {
                    reset();
                    reply("250 2.0.0 Ok");
                } else if (upper.equals("QUIT")) {
                    reply("221 2.0.0 Bye");
                    return;
                } else if (upper.equals("NOOP")) {
                    reply("250 2.0.0 Ok");
                } else {
                    reply("502 5.5.2 Error: command not recognized");
                }
                if (held.stream().anyMatch(r -> r.startsWith("421"))) {
                    flushHeld();
                }
                if (closing) {
                    return;
                }
            }
        }

        boolean startTls() throws IOException {
            if (tls == null) {
                reply("502 5.5.1 STARTTLS not available");
                return true;
            }
            reply(injectAfterStartTls ? "220 2.0.0 Ready\r\n250 injected" : "220 2.0.0 Ready to start TLS");
            if (breakHandshake) {
                in.read(new byte[512]);
                out.write("this is not TLS\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return false;
            }
            SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(socket, null, socket.getPort(), true);
            ssl.setUseClientMode(false);
            ssl.startHandshake();
            use(ssl);
            overTls = true;
            return true;
        }

        void receiveData() throws IOException {
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            while (true) {
                byte[] line = readRawLine();
                if (line == null) {
                    throw new IOException("client closed during DATA");
                }
                if (line.length == 3 && line[0] == '.' && line[1] == '\r' && line[2] == '\n') {
                    break;
                }
                int start = line.length > 0 && line[0] == '.' ? 1 : 0;
                data.write(line, start, line.length - start);
            }
            messages.add(data.toByteArray());
            messagesOverTls.add(overTls);
            if (silentAfterData) {
                return;
            }
            for (String r : endOfDataReplies.apply(List.copyOf(accepted))) {
                reply(r);
                if (r.startsWith("421")) {
                    throw new IOException("closing after 421");
                }
            }
        }

        void reset() {
            accepted.clear();
            mailOk = false;
        }

        void queue(String reply) throws IOException {
            if (strictPipelining) {
                held.add(reply);
            } else {
                reply(reply);
            }
        }

        void flushHeld() throws IOException {
            for (String r : held) {
                reply(r);
            }
            held.clear();
        }

        void reply(String text) throws IOException {
            closing |= text.startsWith("421");
            out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        String readLine() throws IOException {
            byte[] raw = readRawLine();
            if (raw == null) {
                return null;
            }
            int end = raw.length;
            while (end > 0 && (raw[end - 1] == '\n' || raw[end - 1] == '\r')) {
                end--;
            }
            return new String(raw, 0, end, StandardCharsets.UTF_8);
        }

        byte[] readRawLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                line.write(b);
                if (b == '\n') {
                    return line.toByteArray();
                }
            }
            return line.size() == 0 ? null : line.toByteArray();
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The commands received, without EHLO/LHLO noise, for order checks. */
    public List<String> transactionCommands() {
        return commands.stream().filter(c -> c.matches("(?i)^(MAIL|RCPT|DATA|RSET).*")).toList();
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        } else {
            unixServer.close();
        }
    }
}
