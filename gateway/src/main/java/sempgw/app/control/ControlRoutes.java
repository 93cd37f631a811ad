package sempgw.app.control;

import java.util.Objects;

/**
 * The gateway's control handler: {@code MAILBOX ...} requests go to the mailbox agent's handler,
 * everything else to the queue's. Without a mailbox agent ({@code [semp] enabled = false}),
 * mailbox requests are answered {@link ControlReply#NOT_HANDLED}, and {@code semp-gateway
 * mailbox} then works on the data directory itself.
 *
 * @param queue the queue handler ({@link QueueControlHandler})
 * @param mailboxes the mailbox agent's handler, or {@link #NO_MAILBOXES}
 */
public record ControlRoutes(ControlHandler queue, ControlHandler mailboxes) implements ControlHandler {
    /** The mailbox handler of a gateway that runs without the mailbox agent. */
    public static final ControlHandler NO_MAILBOXES = request ->
            ControlReply.of(ControlReply.NOT_HANDLED, "this gateway runs without the mailbox agent ([semp] enabled = false)");

    public ControlRoutes {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(mailboxes, "mailboxes");
    }

    @Override
    public ControlReply handle(ControlRequest request) {
        return request instanceof ControlRequest.Mailbox ? mailboxes.handle(request) : queue.handle(request);
    }
}
