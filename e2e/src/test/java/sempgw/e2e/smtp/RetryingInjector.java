package sempgw.e2e.smtp;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import sempgw.e2e.corpus.TestMessage;

/**
 * Submits a corpus over parallel SMTP sessions the way a sending MTA would: a message counts
 * as accepted only on {@code 250}; a lost connection or a {@code 4xx} puts it back in line to
 * be sent again (after the server is back), so every message is eventually accepted unless the
 * server refuses it permanently ({@code 5xx}, recorded and not retried).
 */
public final class RetryingInjector implements AutoCloseable {
    private final int port;
    private final ConcurrentLinkedQueue<TestMessage> pending;
    private final int total;
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final AtomicInteger retries = new AtomicInteger();
    private final ExecutorService sessions = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean stopped;

    public RetryingInjector(int port, List<TestMessage> messages, int sessionCount) {
        this.port = port;
        this.pending = new ConcurrentLinkedQueue<>(messages);
        this.total = messages.size();
        for (int i = 0; i < sessionCount; i++) {
            sessions.execute(this::session);
        }
    }

    private void session() {
        SmtpClient client = null;
        while (!stopped && accepted.size() + refused.size() < total) {
            TestMessage m = pending.poll();
            if (m == null) {
                pause(Duration.ofMillis(20));
                continue;
            }
            try {
                if (client == null) {
                    client = SmtpClient.connect(port, Duration.ofSeconds(60));
                }
                SmtpReply reply = client.send(m.envelope(), m.content());
                if (reply.code() == 250) {
                    accepted.add(m.testId());
                } else if (reply.code() >= 500) {
                    refused.add(m.testId() + ": " + reply);
                } else {
                    retry(m);
                }
            } catch (IOException | RuntimeException e) {
                if (client != null) {
                    client.close();
                    client = null;
                }
                retry(m);
                pause(Duration.ofMillis(250));
            }
        }
        if (client != null) {
            client.close();
        }
    }

    private void retry(TestMessage m) {
        retries.incrementAndGet();
        pending.add(m);
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The ids of the messages that got {@code 250}. */
    public Set<String> acceptedIds() {
        return Set.copyOf(accepted);
    }

    public int acceptedCount() {
        return accepted.size();
    }

    /** Messages refused with {@code 5xx}, with the reply. */
    public List<String> refused() {
        return List.copyOf(refused);
    }

    /** Submissions that had to be repeated (lost connection or 4xx). */
    public int retries() {
        return retries.get();
    }

    /** Waits until at least {@code n} messages were accepted; false after the timeout. */
    public boolean awaitAccepted(int n, Duration timeout) {
        return await(() -> accepted.size() >= n, timeout);
    }

    /** Waits until every message was either accepted or refused; false after the timeout. */
    public boolean awaitFinished(Duration timeout) {
        return await(() -> accepted.size() + refused.size() >= total, timeout);
    }

    private static boolean await(java.util.function.BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            pause(Duration.ofMillis(5));
        }
        return true;
    }

    @Override
    public void close() {
        stopped = true;
        sessions.shutdownNow();
    }
}
