package sempgw.policy;

import sempgw.core.SempReason;

/** Whether an outcome ends delivery to a recipient or leaves it queued for another attempt. */
public enum RetryClass {
    /** No automated retry (ERRORS.md §1): a 5yz reply, or a {@code failed} DSN after a 250. */
    TERMINAL("terminal"),
    /** Retry on the queue's schedule (DELIVERY.md §2.2, §2.3); a {@code delayed} DSN if it lasts. */
    TEMPORARY("temporary");

    private final String label;

    RetryClass(String label) {
        this.label = label;
    }

    /** The registry's recoverability as a retry class: recoverable codes are temporary. */
    public static RetryClass of(SempReason.Retry retry) {
        return switch (retry) {
            case RECOVERABLE -> TEMPORARY;
            case TERMINAL -> TERMINAL;
        };
    }

    /** The word used in docs/outcomes.md and in logs. */
    public String label() {
        return label;
    }
}
