import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SMTP load client that measures, for every message, the time from the end of its data
 * ({@code CRLF.CRLF} flushed) to the server's reply: the time a server takes to make a message
 * durable and say {@code 250}. Loopback benchmark tool (bench/relay-bench.sh), run with the
 * JDK's source launcher:
 *
 * <pre>java bench/SmtpLatency.java --port 2525 --sessions 20 --messages 5000 --size 5120</pre>
 *
 * Each session keeps one connection and sends its share of the messages one after another
 * (MAIL, RCPT, DATA; no pipelining). Prints one line of {@code key=value} results.
 */
public final class SmtpLatency {
    private static final byte[] CRLF = {'\r', '\n'};

    public static void main(String[] args) throws Exception {
        String host = option(args, "--host", "127.0.0.1");
        int port = Integer.parseInt(option(args, "--port", "2525"));
        int sessions = Integer.parseInt(option(args, "--sessions", "20"));
        int messages = Integer.parseInt(option(args, "--messages", "5000"));
        int size = Integer.parseInt(option(args, "--size", "5120"));
        String from = option(args, "--from", "latency@sender.example");
        String to = option(args, "--to", "sink@example.net");

        long[] latencies = new long[messages];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicLong firstFailure = new AtomicLong(-1);
        String[] failureText = new String[1];
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int s = 0; s < sessions; s++) {
                pool.execute(() -> {
                    try {
                        session(host, port, from, to, size, messages, next, latencies);
                    } catch (IOException | RuntimeException e) {
                        failures.incrementAndGet();
                        if (firstFailure.compareAndSet(-1, 0)) {
                            failureText[0] = e.toString();
                        }
                    }
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] done = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
        System.out.printf("messages=%d seconds=%.2f rate=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f failed_sessions=%d%s%n",
                done.length, seconds, done.length / seconds, pct(done, 50), pct(done, 90), pct(done, 99),
                done.length == 0 ? 0 : done[done.length - 1] / 1e6, failures.get(),
                failureText[0] == null ? "" : " first_failure=\"" + failureText[0] + "\"");
        if (done.length != messages || failures.get() > 0) {
            System.exit(1);
        }
    }

    private static void session(String host, int port, String from, String to, int size, int messages,
            AtomicInteger next, long[] latencies) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 10_000);
            socket.setSoTimeout(120_000);
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            expect(in, 220);
            command(out, "EHLO latency.bench.example");
            expect(in, 250);
            int i;
            while ((i = next.getAndIncrement()) < messages) {
                command(out, "MAIL FROM:<" + from + ">");
                expect(in, 250);
                command(out, "RCPT TO:<" + to + ">");
                expect(in, 250);
                command(out, "DATA");
                expect(in, 354);
                out.write(message(i, from, to, size));
                out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                long t0 = System.nanoTime();
                expect(in, 250);
                latencies[i] = Math.max(1, System.nanoTime() - t0);
            }
            command(out, "QUIT");
        }
    }

    /** Header plus {@code size} octets of body in 78-column lines, like smtp-source's payload. */
    private static byte[] message(int i, String from, String to, int size) {
        StringBuilder sb = new StringBuilder(size + 512);
        sb.append("From: <").append(from).append(">\r\nTo: <").append(to).append(">\r\n")
                .append("Subject: latency ").append(i).append("\r\nMessage-ID: <latency-").append(i)
                .append("@bench.example>\r\nDate: Wed, 25 Nov 2026 12:00:00 +0000\r\n\r\n");
        int body = 0;
        while (body < size) {
            int n = Math.min(78, size - body);
            sb.append("La de da de da ".repeat(6), 0, n).append("\r\n");
            body += n + 2;
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void command(OutputStream out, String line) throws IOException {
        out.write(line.getBytes(StandardCharsets.US_ASCII));
        out.write(CRLF);
        out.flush();
    }

    /** Reads a whole reply; throws unless its code is {@code code}. */
    private static void expect(InputStream in, int code) throws IOException {
        while (true) {
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new IOException("connection closed while waiting for " + code);
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            if (line.length() < 3) {
                throw new IOException("bad reply: " + line);
            }
            if (line.length() == 3 || line.charAt(3) == ' ') {
                if (!line.substring(0, 3).equals(Integer.toString(code))) {
                    throw new IOException("expected " + code + ", got: " + line);
                }
                return;
            }
        }
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))] / 1e6;
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
