package sempgw.smtp.egress.bench;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.SimpleResolver;
import sempgw.smtp.egress.SmtpDeliveryAgent;
import sempgw.smtp.egress.SmtpEgressConfig;
import sempgw.smtp.egress.client.TlsPolicy;
import sempgw.smtp.egress.fake.Entries;
import sempgw.smtp.egress.route.RouteResolver;
import sempgw.smtp.egress.route.RouteTable;
import sempgw.store.queue.DeliveryResult;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.Recipient;
import sempgw.store.queue.Sender;

/**
 * Measures messages per second through {@link SmtpDeliveryAgent} to one SMTP sink (for example
 * Postfix's {@code smtp-sink -c 127.0.0.1:2526 1000}), with a fixed number of concurrent
 * deliveries as the queue manager would run them. Not a unit test: run by hand with
 * {@code java ... DeliveryThroughputBenchmark <port> [messages] [concurrency] [size]}.
 */
public final class DeliveryThroughputBenchmark {

    private DeliveryThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int size = args.length > 3 ? Integer.parseInt(args[3]) : 5 * 1024;

        byte[] content = message(size);
        List<Recipient> rcpt = List.of(Recipient.of("sink@example.org"));
        QueueEntry entry = Entries.entry(Sender.of("bench@example.com"), rcpt, content.length);
        RouteTable table = RouteTable.parse(List.of("* -> [127.0.0.1]:" + port + " tls=none"), TlsPolicy.NONE);
        SmtpEgressConfig config = new SmtpEgressConfig(SmtpEgressConfig.defaults("bench.example").client(), concurrency,
                Duration.ofSeconds(5), Duration.ofMinutes(5));
        try (SmtpDeliveryAgent agent = new SmtpDeliveryAgent(config, new RouteResolver(table, TlsPolicy.NONE, 25),
                new SimpleResolver(new InetSocketAddress("127.0.0.1", 53)), Clock.systemUTC())) {
            run(agent, entry, rcpt, content, messages / 10, concurrency);
            long start = System.nanoTime();
            int failures = run(agent, entry, rcpt, content, messages, concurrency);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%d messages of %d bytes, %d concurrent: %.0f msg/s (%.2f s), %d not delivered%n",
                    messages, content.length, concurrency, messages / seconds, seconds, failures);
        }
    }

    private static int run(SmtpDeliveryAgent agent, QueueEntry entry, List<Recipient> rcpt, byte[] content, int messages, int concurrency)
            throws InterruptedException {
        Semaphore slots = new Semaphore(concurrency);
        AtomicInteger failures = new AtomicInteger();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < messages; i++) {
                slots.acquire();
                executor.submit(() -> {
                    try {
                        DeliveryResult r = agent.deliver(entry, rcpt, Entries.content(content)).getFirst();
                        if (!(r instanceof DeliveryResult.Delivered)) {
                            failures.incrementAndGet();
                        }
                    } finally {
                        slots.release();
                    }
                });
            }
        }
        return failures.get();
    }

    private static byte[] message(int size) {
        StringBuilder sb = new StringBuilder("From: bench@example.com\r\nTo: sink@example.org\r\nSubject: benchmark\r\n\r\n");
        while (sb.length() < size - 80) {
            sb.append("The quick brown fox jumps over the lazy dog. 0123456789 abcdefghijklmnopq\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
