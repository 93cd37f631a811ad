package sempgw.e2e.smtp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A recording SMTP server on loopback: the last hop of the end-to-end tests. It announces
 * PIPELINING, 8BITMIME, SMTPUTF8, SIZE, DSN and ENHANCEDSTATUSCODES, accepts every
 * transaction and keeps each message byte for byte with its envelope and MAIL parameters.
 * (GreenMail 2.1 announces neither 8BITMIME nor SMTPUTF8 and reads commands as US-ASCII, so
 * it cannot show that 8-bit bodies and UTF-8 addresses cross the gateway unchanged.)
 */
public final class SmtpSink implements AutoCloseable {
    private final ServerSocket server;
    private final ExecutorService sessions = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentLinkedQueue<SinkMessage> received = new ConcurrentLinkedQueue<>();
    private final Object arrivals = new Object();
    private volatile boolean refusing;

    private SmtpSink(ServerSocket server) {
        this.server = server;
    }

    public static SmtpSink start() throws IOException {
        SmtpSink sink = new SmtpSink(new ServerSocket(0, 200, InetAddress.getLoopbackAddress()));
        Thread.ofVirtual().name("smtp-sink-accept").start(sink::acceptLoop);
        return sink;
    }

    public int port() {
        return server.getLocalPort();
    }

    /**
     * While refusing, the sink answers every end of data with {@code 451} and keeps nothing,
     * so the sender has to queue and retry.
     */
    public void refuse(boolean refuse) {
        this.refusing = refuse;
    }

    /** Every message received so far, in order of arrival. */
    public List<SinkMessage> messages() {
        return List.copyOf(received);
    }

    public int count() {
        return received.size();
    }

    /** Waits until {@code condition} holds over the received messages; false after the timeout. */
    public boolean await(java.util.function.Predicate<List<SinkMessage>> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (arrivals) {
            while (!condition.test(messages())) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                arrivals.wait(Math.max(1, Math.min(left / 1_000_000, 500)));
            }
            return true;
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                sessions.execute(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(120_000);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            SinkSession session = new SinkSession(in, out, () -> refusing, this::record);
            session.reply("220 sink.e2e.sempgw.test ESMTP recording sink");
            byte[] raw;
            while ((raw = SmtpLines.readLine(in, SinkSession.MAX_LINE)) != null) {
                if (!session.handle(new String(SmtpLines.strip(raw), StandardCharsets.UTF_8))) {
                    return;
                }
            }
        } catch (IOException e) {
            // the peer went away (for example a gateway killed with SIGKILL): nothing to record
        }
    }

    private int record(SinkMessage message) {
        received.add(message);
        synchronized (arrivals) {
            arrivals.notifyAll();
        }
        return received.size();
    }

    @Override
    public void close() throws IOException {
        server.close();
        sessions.shutdownNow();
    }
}
