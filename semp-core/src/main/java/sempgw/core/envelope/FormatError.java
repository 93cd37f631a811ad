package sempgw.core.envelope;

import java.util.Optional;
import sempgw.core.SempReason;

/**
 * Why a SEMP envelope, brief or enclosure could not be decoded. Most kinds have no SEMP reason
 * code: the message could not be parsed, which the transport answers with HTTP 400
 * (ERRORS.md §12). Size and version failures do have one.
 */
public enum FormatError {
    /** Not JSON, or JSON the strict parser refuses (invalid UTF-8, duplicate keys, too deep). */
    MALFORMED_JSON(null),
    /** Valid JSON, but not a {@code SEMP_ENVELOPE} object (ENVELOPE.md §2.2). */
    NOT_AN_ENVELOPE(null),
    /** A {@code version} whose MAJOR part is not 1 (CONFORMANCE.md §9.1). */
    VERSION_UNSUPPORTED(SempReason.VERSION_UNSUPPORTED),
    /** A required member is absent. */
    MISSING_FIELD(null),
    /** A member has the wrong JSON type. */
    WRONG_TYPE(null),
    /** A member has the right type but an unusable value (bad timestamp, mixed-case domain, ...). */
    INVALID_VALUE(null),
    /** The serialized envelope exceeds {@code max_envelope_size} (ENVELOPE.md §9.3). */
    TOO_LARGE(SempReason.ENVELOPE_SIZE_EXCEEDED);

    private final SempReason reason;

    FormatError(SempReason reason) {
        this.reason = reason;
    }

    /** The SEMP reason code to reject with, or empty when the answer is a transport-level 400. */
    public Optional<SempReason> reason() {
        return Optional.ofNullable(reason);
    }
}
