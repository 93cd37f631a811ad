package sempgw.store.queue;

import java.util.List;

/**
 * A delivery agent (Postfix's smtp(8)/lmtp(8) role): takes one message and some of its
 * recipients, all bound for the same destination, and reports one result per recipient,
 * in order. It never throws for a delivery failure; a failure it cannot attribute to a
 * recipient is a {@link DeliveryResult.Deferred} for each of them.
 */
public interface DeliveryAgent {

    /**
     * @param entry the queue entry (envelope, origin)
     * @param recipients the recipients to deliver now, a subset of the entry's
     * @param content opens the message content; may be called more than once
     * @return one result per recipient, in the same order
     */
    List<DeliveryResult> deliver(QueueEntry entry, List<Recipient> recipients, ContentSource content);

    /** Opens a fresh stream over a message's content. */
    @FunctionalInterface
    interface ContentSource {
        java.io.InputStream open() throws java.io.IOException;
    }
}
