package sempgw.app.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@code [queue]} table: where mail waits and how long it is retried.
 *
 * @param dir the queue directory (content encrypted at rest)
 * @param keyFile the queue's encryption key, created on first start, mode 0600
 * @param maxLifetime how long a message is retried before it bounces (RFC 5321 §4.5.4.1: 4-5 days)
 * @param delayWarningAfter when a sender who asked for it gets a delay notice; 0s turns notices off
 * @param minBackoff shortest wait before retrying a deferred recipient
 * @param maxBackoff longest wait between retries; the wait doubles from min to max
 */
public record QueueConfig(Path dir, Path keyFile, Duration maxLifetime, Duration delayWarningAfter, Duration minBackoff, Duration maxBackoff) {
    public QueueConfig {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(maxLifetime, "maxLifetime");
        Objects.requireNonNull(delayWarningAfter, "delayWarningAfter");
        Objects.requireNonNull(minBackoff, "minBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
    }

    static QueueConfig read(TomlTable t, Path dataDir) {
        QueueConfig c = new QueueConfig(
                t.path("dir", dataDir.resolve("queue")),
                t.path("key_file", dataDir.resolve("queue.key")),
                t.duration("max_lifetime", Duration.ofDays(5), Duration.ofSeconds(1), Duration.ofDays(100)),
                t.duration("delay_warning_after", Duration.ofHours(4), Duration.ZERO, Duration.ofDays(100)),
                t.duration("min_backoff", Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofDays(1)),
                t.duration("max_backoff", Duration.ofHours(1), Duration.ofSeconds(1), Duration.ofDays(7)));
        if (c.maxBackoff.compareTo(c.minBackoff) < 0) {
            throw new ConfigException("queue.max_backoff", Durations.format(c.maxBackoff),
                    "a duration no shorter than queue.min_backoff (" + Durations.format(c.minBackoff) + ")");
        }
        t.finish();
        return c;
    }
}
