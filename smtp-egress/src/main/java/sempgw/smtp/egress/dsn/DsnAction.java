package sempgw.smtp.egress.dsn;

import sempgw.store.queue.Recipient.Notify;

/** The RFC 3464 §2.3.3 Action of one recipient, and the NOTIFY condition that asks for it (RFC 3461 §4.1). */
public enum DsnAction {
    FAILED("failed", Notify.FAILURE, 5),
    DELAYED("delayed", Notify.DELAY, 4),
    /** Delivered to the mailbox (LMTP, RFC 2033 §4.2). */
    DELIVERED("delivered", Notify.SUCCESS, 2),
    /** Handed to a next hop that will not report on it (RFC 3461 §6.2.3.1). */
    RELAYED("relayed", Notify.SUCCESS, 2),
    EXPANDED("expanded", Notify.SUCCESS, 2);

    private final String field;
    private final Notify condition;
    private final int statusClass;

    DsnAction(String field, Notify condition, int statusClass) {
        this.field = field;
        this.condition = condition;
        this.statusClass = statusClass;
    }

    /** The value of the Action field. */
    public String field() {
        return field;
    }

    /** The NOTIFY keyword under which the sender wants this kind of report. */
    public Notify condition() {
        return condition;
    }

    /** Whether a Status of this class fits the action (RFC 3464 §2.3.4; a failure may be 4.x.x when retries ran out, RFC 3463 §3.1). */
    boolean fits(int cls) {
        return cls == statusClass || (this == FAILED && cls == 4);
    }

    int statusClass() {
        return statusClass;
    }
}
