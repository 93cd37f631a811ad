package sempgw.core;

import java.util.Objects;

/**
 * A protocol failure that carries its SEMP reason code. The message is operator text for logs and
 * must not be parsed or sent to peers verbatim (ERRORS.md §15.1); the {@link #reason()} governs
 * behaviour.
 */
public class SempException extends Exception {
    private final SempReason reason;

    /** A failure with a reason and an operator-facing message. */
    public SempException(SempReason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** A failure with a reason, an operator-facing message and its cause. */
    public SempException(SempReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The reason code that describes this failure on the wire. */
    public SempReason reason() {
        return reason;
    }
}
