package sempgw.core.envelope.seal;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import sempgw.core.ClockTolerance;
import sempgw.core.envelope.SizeBuckets;

/**
 * Receive-pipeline settings.
 *
 * @param maxEnvelopeSize the session's {@code max_envelope_size} in bytes, padding included
 *     (ENVELOPE.md §9.3)
 * @param expiryGrace how long after {@code postmark.expires} we still accept: 0 by default
 *     (CONFORMANCE.md §9.3.1 SHOULD reject at expiry), at most {@link ClockTolerance#MAX_EXPIRY_GRACE} (its MAY)
 * @param supportedExtensions extension ids we understand; an unknown {@code required} one is
 *     rejected (EXTENSIONS.md §3.1)
 */
public record VerifierOptions(int maxEnvelopeSize, Duration expiryGrace, Set<String> supportedExtensions) {
    public VerifierOptions {
        if (maxEnvelopeSize < SizeBuckets.FLOOR) {
            throw new IllegalArgumentException("max_envelope_size below the 4096-byte floor");
        }
        ClockTolerance.checkGrace(expiryGrace);
        supportedExtensions = Set.copyOf(Objects.requireNonNull(supportedExtensions, "supportedExtensions"));
    }

    /** 25 MiB, no grace, no extensions understood. */
    public static VerifierOptions defaults() {
        return new VerifierOptions(SizeBuckets.DEFAULT_MAX_ENVELOPE_SIZE, Duration.ZERO, Set.of());
    }
}
