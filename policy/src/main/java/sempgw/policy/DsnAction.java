package sempgw.policy;

/** The RFC 3464 §2.3.3 {@code Action} values a SEMP outcome can produce. */
public enum DsnAction {
    /** The message could not be delivered; the Status is 5.x.x. */
    FAILED("failed"),
    /** Not delivered yet, still trying; the Status is 4.x.x. */
    DELAYED("delayed");

    private final String field;

    DsnAction(String field) {
        this.field = field;
    }

    /** The Action field value, for example {@code failed}. */
    public String field() {
        return field;
    }
}
