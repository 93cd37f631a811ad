package sempgw.app.semp;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import sempgw.store.queue.MessageQueue;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.QueueId;

/**
 * Read access to the durable SEMP inbox ({@code <data_dir>/semp-inbox}): one entry per envelope
 * the receive pipeline accepted, sender {@code brief.from}, one recipient per local recipient,
 * content the envelope exactly as received (semp-ingress {@code QueueInbox}). Nothing consumes it
 * yet; the SEMP-to-SMTP bridge will.
 */
public final class SempInbox {
    /** The largest content {@link #read} returns: the 1 GB ceiling of {@code semp.max_envelope_size}. */
    static final int MAX_READ = 1 << 30;

    private final MessageQueue queue;

    SempInbox(MessageQueue queue) {
        this.queue = queue;
    }

    /** Every stored envelope's entry, oldest first. */
    public List<QueueEntry> entries() {
        return queue.entries();
    }

    /**
     * The stored envelope's wire bytes.
     *
     * @throws IOException if the entry is gone or cannot be read
     */
    public byte[] read(QueueId id) throws IOException {
        try (InputStream in = queue.openContent(id)) {
            return in.readNBytes(MAX_READ);
        }
    }
}
