package sempgw.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.TooMuchDataException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The organisation's mailbox host in the demo: an SMTP server on 127.0.0.1 (SubEthaSMTP) for
 * one domain that keeps every message it receives, in arrival order, in memory and as
 * {@code <dir>/<n>.eml}. {@code 250} only once the file is written; recipients at other
 * domains get {@code 550 5.1.1} at RCPT TO; messages over {@value #MAX_MESSAGE_SIZE} bytes
 * get {@code 552 5.3.4} (RFC 5321 §4.5.3.1.10).
 */
final class MailboxSink implements AutoCloseable {
    static final int MAX_MESSAGE_SIZE = 10 << 20;

    /** One message as the mailbox host received it: the envelope and the DATA bytes (dot-unstuffed). */
    record Received(String from, List<String> to, byte[] content) {
        Received {
            to = List.copyOf(to);
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }
    }

    private final SMTPServer server;
    private final LinkedBlockingQueue<Received> received;

    private MailboxSink(SMTPServer server, LinkedBlockingQueue<Received> received) {
        this.server = server;
        this.received = received;
    }

    /** Starts listening on a free loopback port for mail to {@code domain}, storing messages under {@code dir}. */
    static MailboxSink start(String domain, Path dir) throws IOException {
        Files.createDirectories(dir);
        AtomicInteger count = new AtomicInteger();
        LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
        SMTPServer server = SMTPServer.port(0)
                .bindAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))
                .hostName("mail." + domain)
                .softwareName("semp-gateway demo mailbox host")
                .maxMessageSize(MAX_MESSAGE_SIZE)
                .executorService(Executors.newVirtualThreadPerTaskExecutor())
                .messageHandlerFactory(context -> new Transaction(domain, dir, count, received))
                .build();
        server.start();
        return new MailboxSink(server, received);
    }

    int port() {
        return server.getPortAllocated();
    }

    /** Waits at most {@code timeout} for the next message received. */
    Optional<Received> next(Duration timeout) throws InterruptedException {
        return Optional.ofNullable(received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Override
    public void close() {
        server.stop();
    }

    /** One SMTP transaction: {@code from → recipient* → data → done}. */
    private static final class Transaction implements MessageHandler {
        private final String domain;
        private final Path dir;
        private final AtomicInteger count;
        private final LinkedBlockingQueue<Received> received;
        private final List<String> recipients = new ArrayList<>();
        private String from = "";

        Transaction(String domain, Path dir, AtomicInteger count, LinkedBlockingQueue<Received> received) {
            this.domain = domain;
            this.dir = dir;
            this.count = count;
            this.received = received;
        }

        @Override
        public void from(String reversePath) {
            from = reversePath;
        }

        @Override
        public void recipient(String address) throws RejectException {
            if (!address.toLowerCase(Locale.ROOT).endsWith("@" + domain)) {
                throw new RejectException(550, "5.1.1 <" + address + ">: no such mailbox here");
            }
            recipients.add(address);
        }

        @Override
        public String data(InputStream data) throws IOException, RejectException, TooMuchDataException {
            byte[] content = data.readNBytes(MAX_MESSAGE_SIZE + 1);
            if (content.length > MAX_MESSAGE_SIZE) {
                throw new RejectException(552, "5.3.4 message larger than " + MAX_MESSAGE_SIZE + " bytes");
            }
            Files.write(dir.resolve(count.incrementAndGet() + ".eml"), content);
            received.add(new Received(from, recipients, content));
            return null;
        }

        @Override
        public void done() {
        }
    }
}
