package sempgw.agent.mime;

/** Why a message could not be parsed or decoded; each maps to a conversion reason code. */
public enum MimeError {
    /** A NUL byte in a header field (RFC 5322 §2.2). */
    MALFORMED_HEADER,
    /** A header field or header section longer than the configured limit. */
    HEADER_TOO_LARGE,
    /** Multipart entities nested deeper than the configured limit. */
    TOO_DEEP,
    /** More body parts than the configured limit. */
    TOO_MANY_PARTS
}
