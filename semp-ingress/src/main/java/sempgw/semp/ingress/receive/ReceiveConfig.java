package sempgw.semp.ingress.receive;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import sempgw.core.envelope.SizeBuckets;
import sempgw.core.envelope.seal.VerifierOptions;

/**
 * Receive-pipeline settings, with their defaults.
 *
 * @param localDomains the domains this server accepts envelopes for ({@code postmark.to_domain})
 * @param maxEnvelopeSize {@code max_envelope_size} in bytes, padding included (ENVELOPE.md §9.3);
 *     default 25 MiB
 * @param expiryGrace acceptance after {@code postmark.expires}: 0 to 5 minutes (CONFORMANCE.md
 *     §9.3.1); default 0
 * @param supportedExtensions extension ids understood; default none
 * @param firstContact first-contact enforcement; default {@code open}, as the key documents
 *     publish by default (senders assume {@code open} when nothing is published, KEY.md §3.2)
 * @param rateLimit the sender-domain limit; default 100 per hour, 1 hour throttle
 * @param duplicateWindowCapacity how many (sender domain, {@code postmark.id}) pairs the
 *     duplicate-delivery set holds at most; default 100,000
 */
public record ReceiveConfig(Set<String> localDomains, int maxEnvelopeSize, Duration expiryGrace, Set<String> supportedExtensions,
                            FirstContactEnforcement firstContact, RateLimitPolicy rateLimit, int duplicateWindowCapacity) {
    public ReceiveConfig {
        localDomains = Set.copyOf(localDomains);
        supportedExtensions = Set.copyOf(supportedExtensions);
        Objects.requireNonNull(expiryGrace, "expiryGrace");
        Objects.requireNonNull(firstContact, "firstContact");
        Objects.requireNonNull(rateLimit, "rateLimit");
        if (localDomains.isEmpty()) {
            throw new IllegalArgumentException("at least one local domain");
        }
        if (duplicateWindowCapacity < 1) {
            throw new IllegalArgumentException("duplicateWindowCapacity must be positive");
        }
        verifierOptions(maxEnvelopeSize, expiryGrace, supportedExtensions);
    }

    /** The defaults for {@code localDomains}. */
    public static ReceiveConfig defaults(Set<String> localDomains) {
        return new ReceiveConfig(localDomains, SizeBuckets.DEFAULT_MAX_ENVELOPE_SIZE, Duration.ZERO, Set.of(),
                FirstContactEnforcement.open(), RateLimitPolicy.defaults(), 100_000);
    }

    /** This configuration with another first-contact policy. */
    public ReceiveConfig withFirstContact(FirstContactEnforcement policy) {
        return new ReceiveConfig(localDomains, maxEnvelopeSize, expiryGrace, supportedExtensions, policy, rateLimit, duplicateWindowCapacity);
    }

    /** This configuration with another rate limit. */
    public ReceiveConfig withRateLimit(RateLimitPolicy policy) {
        return new ReceiveConfig(localDomains, maxEnvelopeSize, expiryGrace, supportedExtensions, firstContact, policy, duplicateWindowCapacity);
    }

    /** This configuration with another size limit. */
    public ReceiveConfig withMaxEnvelopeSize(int bytes) {
        return new ReceiveConfig(localDomains, bytes, expiryGrace, supportedExtensions, firstContact, rateLimit, duplicateWindowCapacity);
    }

    /** The semp-core verifier's slice of this configuration. */
    VerifierOptions verifierOptions() {
        return verifierOptions(maxEnvelopeSize, expiryGrace, supportedExtensions);
    }

    private static VerifierOptions verifierOptions(int max, Duration grace, Set<String> extensions) {
        return new VerifierOptions(max, grace, extensions);
    }
}
