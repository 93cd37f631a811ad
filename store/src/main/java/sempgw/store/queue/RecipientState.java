package sempgw.store.queue;

/** Where one recipient of a queued message stands. Only {@link #QUEUED} and {@link #DEFERRED} are retried. */
public enum RecipientState {
    /** Waiting for its first attempt. */
    QUEUED,
    /** Tried, failed temporarily; due again at {@link RecipientStatus#nextAttempt()}. */
    DEFERRED,
    /** Final: the next hop accepted it. */
    DELIVERED,
    /** Final: failed permanently, or its lifetime ran out; a DSN was queued if wanted. */
    BOUNCED,
    /** Kept by the operator ({@code queue hold}); not tried until released. */
    HELD;

    public boolean isFinal() {
        return this == DELIVERED || this == BOUNCED;
    }
}
