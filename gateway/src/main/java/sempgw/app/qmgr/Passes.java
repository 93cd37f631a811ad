package sempgw.app.qmgr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sempgw.store.queue.QueueId;

/**
 * The batches of each entry that are running, and the notices the finished ones left: the last
 * batch of an entry's pass takes them all, so a sender whose recipients went to several
 * destinations gets one failure notice and one delay notice for the pass, as Postfix sends one
 * per queue file, not one per destination. A pass ends when no batch of the entry runs; a batch
 * started before that (the scheduler's next round, {@code queue flush}) joins it. Thread-safe.
 */
final class Passes {
    private static final class Pass {
        int running;
        final List<ResultRecorder.Pending> notices = new ArrayList<>();
    }

    private final Map<QueueId, Pass> open = new HashMap<>();

    /** A batch of the entry starts. */
    synchronized void started(QueueId id) {
        open.computeIfAbsent(id, k -> new Pass()).running++;
    }

    /**
     * A batch of the entry ended, leaving {@code notices}.
     *
     * @return every notice of the pass when this was its last running batch; otherwise nothing,
     *     and the notices wait for the last one
     */
    synchronized List<ResultRecorder.Pending> ended(QueueId id, List<ResultRecorder.Pending> notices) {
        Pass pass = open.get(id);
        if (pass == null) {
            // Every batch is counted before it starts; should one not be, it settles its own notices.
            return List.copyOf(notices);
        }
        pass.notices.addAll(notices);
        if (--pass.running > 0) {
            return List.of();
        }
        open.remove(id);
        return List.copyOf(pass.notices);
    }
}
