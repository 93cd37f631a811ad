package sempgw.core.envelope.seal;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import sempgw.core.envelope.SizeBuckets;

/**
 * Receive-pipeline settings.
 *
 * @param maxEnvelopeSize the session's {@code max_envelope_size} in bytes, padding included
 *     (ENVELOPE.md §9.3)
 * @param expiryGrace how long after {@code postmark.expires} we still accept: 0 by default
 *     (CONFORMANCE.md §9.3.1 SHOULD reject at expiry), at most 5 minutes (its MAY)
 * @param supportedExtensions extension ids we understand; an unknown {@code required} one is
 *     rejected (EXTENSIONS.md §3.1)
 */
public record VerifierOptions(int maxEnvelopeSize, Duration expiryGrace, Set<String> supportedExtensions) {
    /** The largest expiry grace CONFORMANCE.md §9.3.1 allows. */
    public static final Duration MAX_EXPIRY_GRACE = Duration.ofMinutes(5);

    public VerifierOptions {
        if (maxEnvelopeSize < SizeBuckets.FLOOR) {
            throw new IllegalArgumentException("max_envelope_size below the 4096-byte floor");
        }
        if (expiryGrace.isNegative() || expiryGrace.compareTo(MAX_EXPIRY_GRACE) > 0) {
            throw new IllegalArgumentException("expiry grace must be between 0 and 5 minutes (CONFORMANCE.md §9.3.1)");
        }
        supportedExtensions = Set.copyOf(Objects.requireNonNull(supportedExtensions, "supportedExtensions"));
    }

    /** 25 MiB, no grace, no extensions understood. */
    public static VerifierOptions defaults() {
        return new VerifierOptions(SizeBuckets.DEFAULT_MAX_ENVELOPE_SIZE, Duration.ZERO, Set.of());
    }
}
