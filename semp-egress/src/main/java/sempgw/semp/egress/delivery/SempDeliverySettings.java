package sempgw.semp.egress.delivery;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SEMP delivery agent's slice of the configuration.
 *
 * @param retryHorizon {@code server_max_retry_horizon}: how long after it was queued an envelope
 *     is still tried (DELIVERY.md §2.4); default 72 h, at most 7 days
 * @param attemptTimeout how long one attempt waits for the acknowledgment before it counts as
 *     {@code silent} (DELIVERY.md §1.5); default 30 s
 * @param relaxedReceiptPeers {@code semp.receipts.relaxed_peers}: peer domains whose
 *     {@code delivered} is accepted without a verifiable receipt (docs/interop.md; every such
 *     delivery logs a WARN naming the peer); lower-cased; default none
 */
public record SempDeliverySettings(Duration retryHorizon, Duration attemptTimeout, Set<String> relaxedReceiptPeers) {
    /** DELIVERY.md §2.4: SHOULD default to 72 hours. */
    public static final Duration DEFAULT_RETRY_HORIZON = Duration.ofHours(72);
    /** DELIVERY.md §2.4: MUST NOT exceed 7 days. */
    public static final Duration MAX_RETRY_HORIZON = Duration.ofDays(7);
    /** DELIVERY.md §1.5: 30 seconds RECOMMENDED per attempt. */
    public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(30);

    public SempDeliverySettings {
        Objects.requireNonNull(retryHorizon, "retryHorizon");
        Objects.requireNonNull(attemptTimeout, "attemptTimeout");
        if (retryHorizon.isNegative() || retryHorizon.isZero() || retryHorizon.compareTo(MAX_RETRY_HORIZON) > 0) {
            throw new IllegalArgumentException("retry horizon must be positive and at most 7 days (DELIVERY.md §2.4)");
        }
        if (attemptTimeout.isNegative() || attemptTimeout.isZero()) {
            throw new IllegalArgumentException("attempt timeout must be positive (DELIVERY.md §1.5)");
        }
        relaxedReceiptPeers = relaxedReceiptPeers.stream()
                .map(d -> d.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The defaults: 72 h horizon, 30 s per attempt, every peer's receipt verified. */
    public static SempDeliverySettings defaults() {
        return new SempDeliverySettings(DEFAULT_RETRY_HORIZON, DEFAULT_ATTEMPT_TIMEOUT, Set.of());
    }

    /** These settings with another relaxed-receipt peer list. */
    public SempDeliverySettings withRelaxedReceiptPeers(Set<String> peers) {
        return new SempDeliverySettings(retryHorizon, attemptTimeout, peers);
    }

    /** True when {@code peerDomain} is exempt from receipt verification. */
    public boolean receiptRelaxedFor(String peerDomain) {
        return relaxedReceiptPeers.contains(peerDomain.toLowerCase(Locale.ROOT));
    }
}
