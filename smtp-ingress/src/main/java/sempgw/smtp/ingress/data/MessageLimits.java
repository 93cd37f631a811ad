package sempgw.smtp.ingress.data;

/**
 * The limits a message's content is held to while it arrives.
 *
 * @param maxSize content octets (RFC 1870), default 50 MiB
 * @param maxHeaderLines lines in the header section, continuation lines included, default 1000
 * @param maxHeaderBytes octets in the header section, default 1 MiB
 * @param maxHops {@code Received:} fields before the message is taken for a loop
 *                (RFC 5321 §6.3), default 50 as Postfix's {@code hopcount_limit}
 */
public record MessageLimits(long maxSize, int maxHeaderLines, long maxHeaderBytes, int maxHops) {
    public static final long DEFAULT_MAX_SIZE = 50L * 1024 * 1024;
    public static final int DEFAULT_MAX_HEADER_LINES = 1000;
    public static final long DEFAULT_MAX_HEADER_BYTES = 1024 * 1024;
    public static final int DEFAULT_MAX_HOPS = 50;

    public MessageLimits {
        if (maxSize <= 0 || maxHeaderLines <= 0 || maxHeaderBytes <= 0 || maxHops <= 0) {
            throw new IllegalArgumentException("message limits must be positive");
        }
    }

    public static MessageLimits defaults() {
        return new MessageLimits(DEFAULT_MAX_SIZE, DEFAULT_MAX_HEADER_LINES, DEFAULT_MAX_HEADER_BYTES, DEFAULT_MAX_HOPS);
    }

    public MessageLimits withMaxSize(long size) {
        return new MessageLimits(size, maxHeaderLines, maxHeaderBytes, maxHops);
    }
}
