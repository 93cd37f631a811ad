package sempgw.semp.ingress.receive;

import java.io.IOException;
import sempgw.semp.ingress.inbox.AcceptedEnvelope;

/**
 * Where accepted envelopes go before the pipeline answers {@code delivered} (DELIVERY.md §1.1:
 * "committed to making it available to the recipient"). One method, so the pipeline never knows
 * how the inbox stores.
 */
@FunctionalInterface
public interface Inbox {

    /**
     * Stores {@code envelope} durably (fsync'd) before it returns.
     *
     * @throws IOException the envelope is not stored; the pipeline answers {@code server_unavailable}
     * @throws InboxRefusal the envelope will not be delivered and nothing is stored; the pipeline
     *     answers {@code rejected} with the refusal's reason code
     */
    void store(AcceptedEnvelope envelope) throws IOException, InboxRefusal;
}
