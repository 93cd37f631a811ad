package sempgw.agent;

import java.util.Objects;
import sempgw.agent.mime.MimeLimits;

/**
 * Limits on what {@link MimeToSemp} accepts.
 *
 * @param maxMessageBytes largest message read (default 64 MiB, above any SEMP
 *     {@code max_envelope_size} we send, so the composer's size check is the one that speaks)
 * @param mime the parser limits ({@link MimeLimits#defaults()})
 */
public record ConversionLimits(long maxMessageBytes, MimeLimits mime) {

    public ConversionLimits {
        Objects.requireNonNull(mime, "mime");
        if (maxMessageBytes < 1 || maxMessageBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxMessageBytes must be 1 to 2 GiB");
        }
    }

    /** 64 MiB and the default parser limits. */
    public static ConversionLimits defaults() {
        return new ConversionLimits(64L * 1024 * 1024, MimeLimits.defaults());
    }
}
