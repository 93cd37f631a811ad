package sempgw.core.envelope.compose;

import java.time.Duration;
import java.util.Objects;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.SizeBuckets;

/**
 * How to compose.
 *
 * @param suite the session's suite: its KEM wraps every key (ENVELOPE.md §4.4) and it is written
 *     to {@code seal.algorithm}
 * @param lifetime {@code postmark.expires} minus now: at least 15 minutes, the headroom senders
 *     owe receivers' clock tolerance (CONFORMANCE.md §9.3.1); default one hour (ENVELOPE.md §10.2)
 * @param buckets the size buckets to pad to (ENVELOPE.md §2.4.1)
 */
public record ComposeOptions(SuiteId suite, Duration lifetime, SizeBuckets buckets) {
    /** The shortest allowed lifetime. */
    public static final Duration MIN_LIFETIME = Duration.ofMinutes(15);
    /** The recommended lifetime. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    public ComposeOptions {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(buckets, "buckets");
        if (lifetime.compareTo(MIN_LIFETIME) < 0) {
            throw new IllegalArgumentException("envelope lifetime must be at least 15 minutes (CONFORMANCE.md §9.3.1)");
        }
    }

    /** One-hour lifetime and the default size buckets. */
    public static ComposeOptions defaults(SuiteId suite) {
        return new ComposeOptions(suite, DEFAULT_LIFETIME, SizeBuckets.standard());
    }
}
