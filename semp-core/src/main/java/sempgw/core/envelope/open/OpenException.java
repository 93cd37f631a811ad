package sempgw.core.envelope.open;

import java.util.Objects;

/**
 * An envelope the recipient client must not render (ENVELOPE.md §6.5.3, §7.2): a typed
 * {@link #error()} and operator text without content.
 */
public final class OpenException extends Exception {
    private final OpenError error;

    /** A failure of {@code error}. */
    public OpenException(OpenError error, String message) {
        super(message);
        this.error = Objects.requireNonNull(error, "error");
    }

    /** What failed. */
    public OpenError error() {
        return error;
    }
}
