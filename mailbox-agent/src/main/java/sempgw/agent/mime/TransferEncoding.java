package sempgw.agent.mime;

import java.util.Locale;

/** {@code Content-Transfer-Encoding} values (RFC 2045 §6.1). */
public enum TransferEncoding {
    /** {@code 7bit}, {@code 8bit}, {@code binary} or absent: the body is the content. */
    IDENTITY,
    /** {@code base64} (RFC 2045 §6.8). */
    BASE64,
    /** {@code quoted-printable} (RFC 2045 §6.7). */
    QUOTED_PRINTABLE,
    /** Anything else ({@code x-uuencode} and the like): the content cannot be decoded. */
    UNKNOWN;

    /** The encoding declared by {@code headers}. */
    public static TransferEncoding of(HeaderSection headers) {
        return headers.value("Content-Transfer-Encoding").map(TransferEncoding::parse).orElse(IDENTITY);
    }

    /** The encoding named {@code value}, comments ignored ({@link Comments}). */
    public static TransferEncoding parse(String value) {
        return switch (Comments.strip(value).strip().toLowerCase(Locale.ROOT)) {
            case "", "7bit", "8bit", "binary" -> IDENTITY;
            case "base64" -> BASE64;
            case "quoted-printable" -> QUOTED_PRINTABLE;
            default -> UNKNOWN;
        };
    }

    /** The body's content: decoded, or the body itself for identity and unknown encodings. */
    public byte[] decode(Slice body) {
        return switch (this) {
            case BASE64 -> Base64Codec.decode(body);
            case QUOTED_PRINTABLE -> QuotedPrintable.decode(body);
            case IDENTITY, UNKNOWN -> body.bytes();
        };
    }
}
