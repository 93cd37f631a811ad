package sempgw.smtp.ingress;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import sempgw.store.queue.MessageQueue;
import sempgw.store.queue.Origin;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.QueueId;
import sempgw.store.queue.Recipient;
import sempgw.store.queue.RecipientState;
import sempgw.store.queue.RecipientStatus;
import sempgw.store.queue.Sender;
import sempgw.store.queue.Submission;

/**
 * An in-memory queue that records exactly what was committed, and nothing that was not. It can
 * be told to fail (at begin, on write, at commit) and to count content instead of keeping it
 * (for large messages), while recording how the content arrived (largest single write, bytes
 * seen so far) so tests can tell streaming from buffering.
 */
final class FakeMessageQueue implements MessageQueue {

    /** One committed message. */
    record Committed(QueueId id, Sender sender, Origin origin, List<Recipient> recipients, byte[] content, long size) {
        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private final List<Committed> committed = new CopyOnWriteArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicInteger begun = new AtomicInteger();
    private final AtomicInteger aborted = new AtomicInteger();
    private final AtomicLong bytesWritten = new AtomicLong();
    private final AtomicInteger largestWrite = new AtomicInteger();
    private volatile boolean failBegin;
    private volatile boolean failWrite;
    private volatile boolean failCommit;
    private volatile boolean countOnly;

    void failBegin(boolean v) {
        failBegin = v;
    }

    void failWrite(boolean v) {
        failWrite = v;
    }

    void failCommit(boolean v) {
        failCommit = v;
    }

    void countOnly(boolean v) {
        countOnly = v;
    }

    List<Committed> committed() {
        return List.copyOf(committed);
    }

    Committed only() {
        if (committed.size() != 1) {
            throw new AssertionError("expected one committed message, got " + committed.size());
        }
        return committed.get(0);
    }

    int begun() {
        return begun.get();
    }

    int aborted() {
        return aborted.get();
    }

    long bytesWritten() {
        return bytesWritten.get();
    }

    int largestWrite() {
        return largestWrite.get();
    }

    @Override
    public Submission begin(Sender sender, Origin origin) {
        if (failBegin) {
            throw new IllegalStateException("queue unavailable");
        }
        begun.incrementAndGet();
        return new FakeSubmission(sender, origin);
    }

    private final class FakeSubmission implements Submission {
        private final Sender sender;
        private final Origin origin;
        private final List<Recipient> recipients = new ArrayList<>();
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private long size;
        private boolean done;

        FakeSubmission(Sender sender, Origin origin) {
            this.sender = sender;
            this.origin = origin;
        }

        @Override
        public void addRecipient(Recipient recipient) {
            recipients.add(recipient);
        }

        @Override
        public OutputStream content() {
            return new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    if (failWrite) {
                        throw new IOException("disk full");
                    }
                    size += len;
                    bytesWritten.addAndGet(len);
                    largestWrite.accumulateAndGet(len, Math::max);
                    if (!countOnly) {
                        buffer.write(b, off, len);
                    }
                }
            };
        }

        @Override
        public QueueId commit() throws IOException {
            if (done) {
                throw new IllegalStateException("already finished");
            }
            if (failCommit) {
                throw new IOException("fsync failed");
            }
            done = true;
            QueueId id = new QueueId(String.format("Q%09d", sequence.incrementAndGet()));
            committed.add(new Committed(id, sender, origin, List.copyOf(recipients), buffer.toByteArray(), size));
            return id;
        }

        @Override
        public void abort() {
            if (!done) {
                done = true;
                aborted.incrementAndGet();
            }
        }
    }

    @Override
    public List<QueueEntry> entries() {
        return committed.stream().map(FakeMessageQueue::entry).toList();
    }

    @Override
    public Optional<QueueEntry> find(QueueId id) {
        return entries().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    @Override
    public InputStream openContent(QueueId id) throws IOException {
        return committed.stream().filter(c -> c.id().equals(id)).findFirst()
                .map(c -> (InputStream) new ByteArrayInputStream(c.content()))
                .orElseThrow(() -> new IOException("no such entry " + id));
    }

    @Override
    public QueueEntry update(QueueId id, int recipientIndex, RecipientState state, Instant nextAttempt, Optional<String> reply,
            boolean delayNotified) {
        throw new UnsupportedOperationException("the ingress never updates entries");
    }

    @Override
    public boolean delete(QueueId id) {
        throw new UnsupportedOperationException("the ingress never deletes entries");
    }

    @Override
    public void onCommit(Consumer<QueueEntry> listener) {
        throw new UnsupportedOperationException("the ingress registers no listener");
    }

    @Override
    public void close() {
    }

    private static QueueEntry entry(Committed c) {
        List<RecipientStatus> rs = c.recipients().stream()
                .map(r -> new RecipientStatus(r, RecipientState.QUEUED, 0, Instant.EPOCH, Optional.empty(), false)).toList();
        return new QueueEntry(c.id(), c.sender(), c.origin(), rs, Instant.EPOCH, c.size());
    }
}
