package sempgw.app.qmgr;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import sempgw.store.queue.QueueEntry;

/** Records the notices the queue manager asks for; can be made to fail like a full disk. */
final class RecordingNotifier implements Notifier {
    record Sent(QueueEntry entry, List<Notice> notices) {
    }

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    volatile boolean failing;

    @Override
    public void send(QueueEntry entry, List<Notice> notices) throws IOException {
        if (failing) {
            throw new IOException("disk full (test)");
        }
        sent.add(new Sent(entry, List.copyOf(notices)));
    }

    List<Notice.Kind> kinds() {
        return sent.stream().flatMap(s -> s.notices().stream()).map(Notice::kind).toList();
    }
}
