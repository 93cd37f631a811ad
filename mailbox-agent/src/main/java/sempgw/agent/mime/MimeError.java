package sempgw.agent.mime;

/** Why a message could not be parsed or decoded; each maps to a conversion reason code. */
public enum MimeError {
    /** A header line that is not a field, a NUL byte in a header, or no header at all (RFC 5322 §2.2). */
    MALFORMED_HEADER,
    /** A header field or header section longer than the configured limit. */
    HEADER_TOO_LARGE,
    /** A multipart entity without a usable boundary or without any body part (RFC 2046 §5.1.1). */
    MALFORMED_MULTIPART,
    /** Multipart entities nested deeper than the configured limit. */
    TOO_DEEP,
    /** More body parts than the configured limit. */
    TOO_MANY_PARTS
}
