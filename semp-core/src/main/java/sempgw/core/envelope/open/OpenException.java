package sempgw.core.envelope.open;

import java.util.Objects;
import java.util.Optional;

/**
 * An envelope the recipient client must not render (ENVELOPE.md §6.5.3, §7.2): a typed
 * {@link #error()} and operator text without content.
 */
public final class OpenException extends Exception {
    private final OpenError error;
    private final Optional<String> extension;

    /** A failure of {@code error}. */
    public OpenException(OpenError error, String message) {
        this(error, message, Optional.empty());
    }

    /**
     * A failure of {@code error} caused by one extension.
     *
     * @param extension for {@link OpenError#EXTENSION_UNSUPPORTED}, the required key we do not
     *     understand, which a rejection must name (EXTENSIONS.md §3.1)
     */
    public OpenException(OpenError error, String message, Optional<String> extension) {
        super(message);
        this.error = Objects.requireNonNull(error, "error");
        this.extension = Objects.requireNonNull(extension, "extension");
    }

    /** What failed. */
    public OpenError error() {
        return error;
    }

    /** The extension key that caused an {@link OpenError#EXTENSION_UNSUPPORTED}; empty otherwise. */
    public Optional<String> extension() {
        return extension;
    }
}
