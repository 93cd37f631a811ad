package sempgw.semp.egress.peers;

/** A {@code SEMP_DOMAIN_KEYS} document could not be fetched or is unusable; the message is operator text. */
public final class DomainKeysException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Whether asking again later may succeed (network, HTTP status, discovery) or not (a bad document). */
    private final boolean transientFailure;

    DomainKeysException(String message, boolean transientFailure) {
        super(message);
        this.transientFailure = transientFailure;
    }

    DomainKeysException(String message, Throwable cause) {
        super(message, cause);
        this.transientFailure = true;
    }

    public boolean isTransient() {
        return transientFailure;
    }
}
