package sempgw.agent;

import java.util.Objects;

/**
 * A message that cannot be converted, with its {@link ConversionError}. The detail names the
 * rule that failed and never quotes content or addresses.
 */
public final class ConversionException extends Exception {
    private final ConversionError error;

    /** A failure of kind {@code error}. */
    public ConversionException(ConversionError error, String detail) {
        super(detail);
        this.error = Objects.requireNonNull(error, "error");
    }

    /** A failure of kind {@code error} caused by {@code cause}. */
    public ConversionException(ConversionError error, String detail, Throwable cause) {
        super(detail, cause);
        this.error = Objects.requireNonNull(error, "error");
    }

    /** The kind of failure. */
    public ConversionError error() {
        return error;
    }

    /** {@code <code>: <detail>}, as a delivery result's diagnostic. */
    public String reason() {
        return error.code() + ": " + getMessage();
    }
}
