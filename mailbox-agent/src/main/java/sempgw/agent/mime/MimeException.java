package sempgw.agent.mime;

import java.util.Objects;

/** A message the MIME layer refuses, with its {@link MimeError}. The message never quotes content. */
public final class MimeException extends Exception {
    private final MimeError error;

    /** A failure of kind {@code error} described by {@code detail}. */
    public MimeException(MimeError error, String detail) {
        super(detail);
        this.error = Objects.requireNonNull(error, "error");
    }

    /** The kind of failure. */
    public MimeError error() {
        return error;
    }
}
