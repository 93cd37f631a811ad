package sempgw.agent;

import sempgw.agent.mime.MimeError;

/**
 * Why a queued message could not be converted to SEMP, with the reason code the delivery
 * result carries ({@code Failed("semp", "<code>: <detail>")}) and whether trying again later
 * can help.
 */
public enum ConversionError {
    /** The queued content could not be read: temporary. */
    READ_FAILED("read_failed", true),
    /** The message exceeds {@link ConversionLimits#maxMessageBytes()}. */
    TOO_LARGE("message_too_large", false),
    /** A NUL byte in a header field. */
    MALFORMED_HEADER("header_malformed", false),
    /** A header field or section over its limit. */
    HEADER_TOO_LARGE("header_too_large", false),
    /** Multipart nesting over its limit. */
    TOO_DEEP("mime_too_deep", false),
    /** More parts than the limit. */
    TOO_MANY_PARTS("mime_too_many_parts", false),
    /** An address that cannot be made canonical (ENVELOPE.md §2.3). */
    INVALID_ADDRESS("address_invalid", false),
    /** A defect of ours (the fidelity proof failed): temporary, the message stays queued. */
    INTERNAL("conversion_internal", true);

    private final String code;
    private final boolean temporary;

    ConversionError(String code, boolean temporary) {
        this.code = code;
        this.temporary = temporary;
    }

    /** The reason code. */
    public String code() {
        return code;
    }

    /** True when the message should stay queued and be tried again. */
    public boolean temporary() {
        return temporary;
    }

    /** The conversion error for a MIME layer error. */
    public static ConversionError of(MimeError e) {
        return switch (e) {
            case MALFORMED_HEADER -> MALFORMED_HEADER;
            case HEADER_TOO_LARGE -> HEADER_TOO_LARGE;
            case TOO_DEEP -> TOO_DEEP;
            case TOO_MANY_PARTS -> TOO_MANY_PARTS;
        };
    }
}
