package sempgw.app.qmgr;

import java.time.Duration;
import java.util.Objects;

/**
 * The queue manager's slice of the configuration.
 *
 * @param concurrencyPerDestination parallel delivery transactions to one destination
 * @param minBackoff shortest wait before a deferred recipient is retried
 * @param maxBackoff longest wait between retries
 * @param maxLifetime age at which a message that is still undeliverable bounces
 * @param delayWarningAfter age at which a delay notice goes out (once per recipient); zero: never
 * @param activeLimit delivery transactions in progress or waiting for a destination slot, at most
 * @param shutdownGrace how long {@link QueueManager#close()} lets running deliveries finish
 */
public record QmgrSettings(
        int concurrencyPerDestination,
        Duration minBackoff,
        Duration maxBackoff,
        Duration maxLifetime,
        Duration delayWarningAfter,
        int activeLimit,
        Duration shutdownGrace) {
    /** Postfix's qmgr_message_active_limit is 20000 messages; we count transactions. */
    public static final int DEFAULT_ACTIVE_LIMIT = 10_000;
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);

    public QmgrSettings {
        if (concurrencyPerDestination < 1 || activeLimit < 1) {
            throw new IllegalArgumentException("concurrency and active limit must be positive");
        }
        Objects.requireNonNull(minBackoff, "minBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxLifetime, "maxLifetime");
        Objects.requireNonNull(delayWarningAfter, "delayWarningAfter");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (minBackoff.isNegative() || minBackoff.isZero() || maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("need 0 < minBackoff <= maxBackoff");
        }
    }
}
