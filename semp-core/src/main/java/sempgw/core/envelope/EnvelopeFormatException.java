package sempgw.core.envelope;

import java.util.Objects;

/**
 * A SEMP envelope, brief or enclosure that could not be decoded: a typed {@link #error()} and the
 * dotted path of the offending member (e.g. {@code seal.brief_recipients}). The message names
 * fields, never their content, which may be private mail data.
 */
public final class EnvelopeFormatException extends Exception {
    private final FormatError error;
    private final String field;

    /** A failure of {@code error} at {@code field} ("" for the whole document). */
    public EnvelopeFormatException(FormatError error, String field, String message) {
        super(field.isEmpty() ? message : field + ": " + message);
        this.error = Objects.requireNonNull(error, "error");
        this.field = field;
    }

    /** A failure with its cause (a JSON parse error). */
    public EnvelopeFormatException(FormatError error, String field, String message, Throwable cause) {
        this(error, field, message);
        initCause(cause);
    }

    /** What was wrong. */
    public FormatError error() {
        return error;
    }

    /** The dotted path of the offending member, or "" for the whole document. */
    public String field() {
        return field;
    }
}
