package sempgw.semp.egress.keys;

import java.util.Objects;

/**
 * A peer's user keys (or the domain keys they hang on) could not be fetched or verified. The
 * message is operator text: domains and reasons, never addresses or key bytes. An address the
 * peer has no keys for is not an exception: it is {@link UserKeys} without keys.
 */
public final class KeyLookupException extends Exception {
    private static final long serialVersionUID = 1L;

    private final KeyLookupError error;
    private final boolean transientFailure;

    KeyLookupException(KeyLookupError error, String message, boolean transientFailure) {
        super(message);
        this.error = Objects.requireNonNull(error, "error");
        this.transientFailure = transientFailure;
    }

    KeyLookupException(KeyLookupError error, String message) {
        this(error, message, true);
    }

    /** What went wrong. */
    public KeyLookupError error() {
        return error;
    }

    /**
     * Whether asking again later may succeed: true for every fetch, parse and signature failure
     * (retry, as for a temporary DNS failure); false only when the domain does not speak SEMP or
     * publishes domain keys we can never use.
     */
    public boolean isTransient() {
        return transientFailure;
    }
}
