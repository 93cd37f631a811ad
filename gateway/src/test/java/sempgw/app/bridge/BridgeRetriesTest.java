package sempgw.app.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sempgw.app.config.GatewayConfig;
import sempgw.app.qmgr.RetryPolicy;

/**
 * The main queue retries a recipient whose last attempt found a SEMP peer on DELIVERY.md §2.3's
 * schedule (first base interval 60 s, at least doubling, jitter both ways) within the SEMP retry
 * horizon, and everything else on Postfix's backoff.
 */
final class BridgeRetriesTest {
    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    final GatewayConfig config = GatewayConfig.defaults();
    final SplittableRandom random = new SplittableRandom(7);
    final RetryPolicy retries = Bridge.retries(RetryPolicy.exponential(config.queue().minBackoff(), config.queue().maxBackoff(),
            config.queue().maxLifetime(), random), config.semp().queue().horizon(), random);

    @Test
    void sempPeer_firstRetryAfterAboutAMinute_secondAfterAboutFive() {
        Instant now = T0.plusSeconds(20);

        assertThat(Duration.between(now, retries.nextAttempt(T0, 1, now, "semp:b.example")))
                .isBetween(Duration.ofSeconds(45), Duration.ofSeconds(75));
        assertThat(Duration.between(now, retries.nextAttempt(T0, 2, now, "semp:b.example")))
                .isBetween(Duration.ofSeconds(225), Duration.ofSeconds(375));
    }

    @Test
    void smtpDestination_firstRetryAfterTheQueueMinimumBackoff() {
        Instant now = T0.plusSeconds(20);

        assertThat(Duration.between(now, retries.nextAttempt(T0, 1, now, "example.org")))
                .isBetween(Duration.ofMinutes(5), Duration.ofMinutes(5).plusSeconds(30));
    }

    @Test
    void sempPeer_neverScheduledPastTheRetryHorizon() {
        Instant now = T0.plus(Duration.ofHours(71));

        assertThat(retries.nextAttempt(T0, 9, now, "semp:b.example")).isEqualTo(T0.plus(Duration.ofHours(72)));
    }
}
