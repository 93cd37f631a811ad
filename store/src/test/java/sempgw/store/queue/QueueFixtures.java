package sempgw.store.queue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Shared test data and helpers for the queue tests (and the child JVM mains). */
final class QueueFixtures {
    static final Instant T0 = Instant.parse("2026-11-25T10:15:30.123456Z");

    private QueueFixtures() {
    }

    static Clock fixedClock() {
        return Clock.fixed(T0, ZoneOffset.UTC);
    }

    static QueueKey key() {
        byte[] raw = new byte[QueueKey.LENGTH];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) (i * 7 + 3);
        }
        return QueueKey.of(raw);
    }

    static Origin origin() throws IOException {
        return new Origin(InetAddress.getByName("192.0.2.25"), "client.example.net", "ESMTPS", Optional.of("alice"));
    }

    /** A message of {@code size} octets whose bytes depend on {@code seed}. */
    static byte[] content(long seed, int size) {
        byte[] data = new byte[size];
        String line = "Subject: message " + seed + "\r\n";
        byte[] head = line.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < size; i++) {
            data[i] = i < head.length ? head[i] : (byte) ('a' + (int) ((i * 31L + seed) % 26));
        }
        return data;
    }

    static QueueId commit(MessageQueue queue, Sender sender, List<Recipient> recipients, byte[] content) throws IOException {
        try (Submission submission = queue.begin(sender, origin())) {
            recipients.forEach(submission::addRecipient);
            try (OutputStream out = submission.content()) {
                out.write(content);
            }
            return submission.commit();
        }
    }

    static byte[] readContent(MessageQueue queue, QueueId id) throws IOException {
        try (InputStream in = queue.openContent(id)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
