package sempgw.app.control;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.app.qmgr.OperatorActions;
import sempgw.store.queue.MessageQueue;
import sempgw.store.queue.QueueId;

/** Answers control requests from the queue and the queue manager's {@link OperatorActions}. */
public final class QueueControlHandler implements ControlHandler {
    private static final Logger LOG = LoggerFactory.getLogger(QueueControlHandler.class);

    private final MessageQueue queue;
    private final OperatorActions actions;

    public QueueControlHandler(MessageQueue queue, OperatorActions actions) {
        this.queue = queue;
        this.actions = actions;
    }

    @Override
    public ControlReply handle(ControlRequest request) {
        try {
            return switch (request) {
                case ControlRequest.ListEntries l -> new ControlReply(ControlReply.OK, QueueListing.list(queue.entries()));
                case ControlRequest.Show s -> found(s.id(), queue.find(s.id()).map(QueueListing::show));
                case ControlRequest.Hold h -> found(h.id(), actions.hold(h.id()).map(n -> List.of(h.id() + ": " + n + " recipients held")));
                case ControlRequest.Release r ->
                        found(r.id(), actions.release(r.id()).map(n -> List.of(r.id() + ": " + n + " recipients released")));
                case ControlRequest.Delete d ->
                        found(d.id(), actions.delete(d.id()) ? Optional.of(List.of(d.id() + ": deleted")) : Optional.empty());
                case ControlRequest.Flush f -> ControlReply.of(ControlReply.OK, actions.flush() + " deferred recipients scheduled now");
                case ControlRequest.Mailbox m -> ControlReply.of(ControlReply.NOT_HANDLED, "not a queue command: MAILBOX " + m.verb());
                case ControlRequest.Malformed m -> ControlReply.of(ControlReply.BAD_REQUEST, m.reason());
            };
        } catch (IOException | RuntimeException e) {
            LOG.error("control request {} failed: {}", request, e.toString());
            return ControlReply.of(ControlReply.LOCAL_ERROR, "local error: " + e.getMessage());
        }
    }

    private static ControlReply found(QueueId id, Optional<List<String>> lines) {
        return lines.map(l -> new ControlReply(ControlReply.OK, l))
                .orElseGet(() -> ControlReply.of(ControlReply.NO_SUCH_MESSAGE, id + ": no such message in the queue"));
    }
}
