package sempgw.agent.mime;

/**
 * Parser limits, each enforced while parsing and each failing with its own {@link MimeError}.
 *
 * @param maxHeaderSectionBytes largest header section of the message or of one part (default 256 KiB)
 * @param maxFieldBytes largest single header field, folded lines included (default 100 KiB, as
 *     Postfix's {@code header_size_limit})
 * @param maxDepth deepest multipart nesting (default 20; the fidelity extension adds two JSON
 *     levels per MIME level and peers parse JSON to depth 64)
 * @param maxParts most entities in one message, the message itself included (default 1000)
 */
public record MimeLimits(int maxHeaderSectionBytes, int maxFieldBytes, int maxDepth, int maxParts) {

    public MimeLimits {
        if (maxHeaderSectionBytes < 1 || maxFieldBytes < 1 || maxFieldBytes > maxHeaderSectionBytes
                || maxDepth < 1 || maxDepth > 24 || maxParts < 1) {
            throw new IllegalArgumentException("invalid MIME limits");
        }
    }

    /** The defaults listed above. */
    public static MimeLimits defaults() {
        return new MimeLimits(256 * 1024, 100 * 1024, 20, 1000);
    }
}
