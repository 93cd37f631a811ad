package sempgw.app.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * A {@link MessageQueue} in memory, for queue manager and control tests. Keeps every entry
 * ever committed in {@link #all()} (also after removal) so tests can inspect final states.
 */
public final class InMemoryQueue implements MessageQueue {
    private final Clock clock;
    private final AtomicLong ids = new AtomicLong(100_000_000L);
    private final Map<QueueId, QueueEntry> live = new ConcurrentHashMap<>();
    private final Map<QueueId, QueueEntry> all = new ConcurrentHashMap<>();
    private final Map<QueueId, byte[]> contents = new ConcurrentHashMap<>();
    private final List<Consumer<QueueEntry>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean failCommits;

    public InMemoryQueue(Clock clock) {
        this.clock = clock;
    }

    /** Makes every commit fail with an IOException (a full disk) until switched off. */
    public void failCommits(boolean fail) {
        this.failCommits = fail;
    }

    /** Puts an entry as if recovered from disk (no commit callback). */
    public QueueEntry put(Sender sender, Instant arrivedAt, List<RecipientStatus> recipients) {
        QueueEntry e = new QueueEntry(nextId(), sender, Origin.local(), recipients, arrivedAt, 10);
        live.put(e.id(), e);
        all.put(e.id(), e);
        contents.put(e.id(), "Subject: test\r\n\r\nhello\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return e;
    }

    public static RecipientStatus pending(String address, RecipientState state, Instant next) {
        return new RecipientStatus(Recipient.of(address), state, 0, next, Optional.empty(), false);
    }

    /** The latest snapshot of an entry, also after it was removed. */
    public QueueEntry latest(QueueId id) {
        return all.get(id);
    }

    public List<QueueEntry> all() {
        return List.copyOf(all.values());
    }

    public byte[] content(QueueId id) {
        return contents.get(id);
    }

    @Override
    public Submission begin(Sender sender, Origin origin) {
        List<Recipient> recipients = new ArrayList<>();
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        return new Submission() {
            @Override
            public void addRecipient(Recipient recipient) {
                recipients.add(recipient);
            }

            @Override
            public OutputStream content() {
                return content;
            }

            @Override
            public QueueId commit() throws IOException {
                if (failCommits) {
                    throw new IOException("disk full (test)");
                }
                Instant now = clock.instant();
                List<RecipientStatus> statuses = recipients.stream()
                        .map(r -> new RecipientStatus(r, RecipientState.QUEUED, 0, now, Optional.empty(), false)).toList();
                QueueEntry e = new QueueEntry(nextId(), sender, origin, statuses, now, content.size());
                contents.put(e.id(), content.toByteArray());
                live.put(e.id(), e);
                all.put(e.id(), e);
                listeners.forEach(l -> l.accept(e));
                return e.id();
            }

            @Override
            public void abort() {
                recipients.clear();
            }
        };
    }

    @Override
    public List<QueueEntry> entries() {
        return live.values().stream().sorted(java.util.Comparator.comparing(QueueEntry::arrivedAt)).toList();
    }

    @Override
    public Optional<QueueEntry> find(QueueId id) {
        return Optional.ofNullable(live.get(id));
    }

    @Override
    public InputStream openContent(QueueId id) throws IOException {
        byte[] c = contents.get(id);
        if (c == null) {
            throw new IOException("no such entry " + id);
        }
        return new ByteArrayInputStream(c);
    }

    @Override
    public synchronized QueueEntry update(QueueId id, int index, RecipientState state, Instant nextAttempt, Optional<String> reply,
            boolean delayNotified) throws IOException {
        QueueEntry e = live.get(id);
        if (e == null) {
            throw new IOException("no such entry " + id);
        }
        List<RecipientStatus> rs = new ArrayList<>(e.recipients());
        RecipientStatus old = rs.get(index);
        boolean reschedule = state == old.state() && reply.equals(old.lastReply());
        boolean release = old.state() == RecipientState.HELD && state == RecipientState.DEFERRED;
        boolean attempt = !reschedule && !release
                && (state == RecipientState.DELIVERED || state == RecipientState.BOUNCED || state == RecipientState.DEFERRED);
        rs.set(index, new RecipientStatus(old.recipient(), state, old.attempts() + (attempt ? 1 : 0), nextAttempt, reply, delayNotified));
        QueueEntry updated = new QueueEntry(e.id(), e.sender(), e.origin(), rs, e.arrivedAt(), e.size());
        all.put(id, updated);
        if (updated.isDone()) {
            live.remove(id);
        } else {
            live.put(id, updated);
        }
        return updated;
    }

    @Override
    public boolean delete(QueueId id) {
        return live.remove(id) != null;
    }

    @Override
    public void onCommit(Consumer<QueueEntry> listener) {
        listeners.add(listener);
    }

    @Override
    public void close() {
    }

    private QueueId nextId() {
        return new QueueId("T" + ids.incrementAndGet());
    }
}
