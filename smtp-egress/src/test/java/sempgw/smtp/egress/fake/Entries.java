package sempgw.smtp.egress.fake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import sempgw.store.queue.DeliveryAgent.ContentSource;
import sempgw.store.queue.Origin;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.QueueId;
import sempgw.store.queue.Recipient;
import sempgw.store.queue.RecipientState;
import sempgw.store.queue.RecipientStatus;
import sempgw.store.queue.Sender;

/** Queue entries and content sources for tests. */
public final class Entries {

    public static final Instant ARRIVED = Instant.parse("2026-03-01T10:15:30Z");

    private Entries() {
    }

    public static QueueEntry entry(Sender sender, List<Recipient> recipients, long size) {
        List<RecipientStatus> statuses = recipients.stream()
                .map(r -> new RecipientStatus(r, RecipientState.QUEUED, 0, ARRIVED, Optional.empty(), false)).toList();
        Origin origin = new Origin(InetAddress.getLoopbackAddress(), "client.example.com", "ESMTP", Optional.empty());
        return new QueueEntry(new QueueId("Q0000001ABC"), sender, origin, statuses, ARRIVED, size);
    }

    public static ContentSource content(byte[] bytes) {
        return () -> new ByteArrayInputStream(bytes);
    }

    public static ContentSource content(String text) {
        return content(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Content whose stream fails after {@code goodBytes} octets. */
    public static ContentSource failingAfter(byte[] bytes, int goodBytes) {
        return () -> new InputStream() {
            private int pos;

            @Override
            public int read() throws IOException {
                if (pos >= goodBytes) {
                    throw new IOException("disk read error");
                }
                return bytes[pos++] & 0xff;
            }
        };
    }
}
