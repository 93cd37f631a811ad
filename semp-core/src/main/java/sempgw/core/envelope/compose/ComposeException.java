package sempgw.core.envelope.compose;

import java.util.Objects;

/** A draft that cannot be composed: a typed {@link #error()} and operator text without content. */
public final class ComposeException extends Exception {
    private final ComposeError error;

    /** A failure of {@code error}. */
    public ComposeException(ComposeError error, String message) {
        super(message);
        this.error = Objects.requireNonNull(error, "error");
    }

    /** What was wrong. */
    public ComposeError error() {
        return error;
    }
}
