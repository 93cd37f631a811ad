package sempgw.e2e.smtp;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import sempgw.e2e.corpus.TestMessage;

/** Submits a corpus over several parallel SMTP sessions and collects each message's final reply. */
public final class Injector {

    private Injector() {
    }

    /**
     * Sends every message once. A session that fails (connection lost, protocol error) records
     * its failure as reply code 0 for the message it was sending and opens a new connection for
     * the next one.
     *
     * @param onReply called after each message with its id and reply, from the session threads
     */
    public static Map<String, SmtpReply> injectAll(int port, List<TestMessage> messages, int sessions,
            Consumer<String> onReply) throws InterruptedException {
        var pending = new ConcurrentLinkedQueue<>(messages);
        Map<String, SmtpReply> replies = new ConcurrentHashMap<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int s = 0; s < sessions; s++) {
                pool.execute(() -> session(port, pending, replies, onReply));
            }
            pool.shutdown();
            if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("injection did not finish within 10 minutes");
            }
        }
        return Map.copyOf(replies);
    }

    private static void session(int port, ConcurrentLinkedQueue<TestMessage> pending, Map<String, SmtpReply> replies,
            Consumer<String> onReply) {
        SmtpClient client = null;
        TestMessage m;
        while ((m = pending.poll()) != null) {
            SmtpReply reply;
            try {
                if (client == null) {
                    client = SmtpClient.connect(port, Duration.ofSeconds(120));
                }
                reply = client.send(m.envelope(), m.content());
            } catch (IOException | RuntimeException e) {
                reply = new SmtpReply(0, "session failed: " + e);
                if (client != null) {
                    client.close();
                    client = null;
                }
            }
            replies.put(m.testId(), reply);
            onReply.accept(m.testId());
        }
        if (client != null) {
            client.close();
        }
    }
}
