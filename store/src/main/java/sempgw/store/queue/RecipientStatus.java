package sempgw.store.queue;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One recipient of a queue entry and its delivery state.
 *
 * @param attempts delivery attempts made so far
 * @param nextAttempt when it is due (meaningful for QUEUED and DEFERRED)
 * @param lastReply the last remote reply or local reason, for {@code queue show} and DSNs
 * @param delayNotified whether a delay DSN was already sent for it
 * @param lastReason the reason code that came with the last reply ({@link DeliveryResult#reason()})
 */
public record RecipientStatus(
        Recipient recipient,
        RecipientState state,
        int attempts,
        Instant nextAttempt,
        Optional<String> lastReply,
        boolean delayNotified,
        Optional<DeliveryResult.Reason> lastReason) {
    public RecipientStatus {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nextAttempt, "nextAttempt");
        Objects.requireNonNull(lastReply, "lastReply");
        Objects.requireNonNull(lastReason, "lastReason");
    }

    /** A status whose last reply came without a reason code. */
    public RecipientStatus(Recipient recipient, RecipientState state, int attempts, Instant nextAttempt,
            Optional<String> lastReply, boolean delayNotified) {
        this(recipient, state, attempts, nextAttempt, lastReply, delayNotified, Optional.empty());
    }
}
