package sempgw.semp.egress.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class DeliveryDeadlineTest {
    private static final Instant QUEUED = Instant.parse("2026-11-26T00:00:00Z");

    @Test
    void of_postmarkExpiresBeforeHorizon_isPostmarkExpires() {
        DeliveryDeadline d = DeliveryDeadline.of(QUEUED.plus(Duration.ofHours(1)), QUEUED, Duration.ofHours(72));

        assertThat(d).isEqualTo(new DeliveryDeadline(QUEUED.plus(Duration.ofHours(1)), DeliveryDeadline.Bound.POSTMARK_EXPIRES));
        assertThat(d.describe()).isEqualTo("postmark.expires 2026-11-26T01:00:00Z passed");
    }

    @Test
    void of_postmarkExpiresAfterHorizon_isTheHorizon() {
        DeliveryDeadline d = DeliveryDeadline.of(QUEUED.plus(Duration.ofDays(30)), QUEUED, Duration.ofHours(72));

        assertThat(d).isEqualTo(new DeliveryDeadline(QUEUED.plus(Duration.ofHours(72)), DeliveryDeadline.Bound.RETRY_HORIZON));
    }

    @Test
    void passed_atOrAfterTheDeadline_isTrue() {
        DeliveryDeadline d = DeliveryDeadline.of(QUEUED.plusSeconds(60), QUEUED, Duration.ofHours(72));

        assertThat(d.passed(QUEUED.plusSeconds(59))).isFalse();
        assertThat(d.passed(QUEUED.plusSeconds(60))).isTrue();
        assertThat(d.passed(QUEUED.plusSeconds(61))).isTrue();
    }

    @Test
    void settings_horizonAboveSevenDaysOrNotPositive_isRefused() {
        assertThatThrownBy(() -> new SempDeliverySettings(Duration.ofDays(7).plusSeconds(1), Duration.ofSeconds(30), Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("7 days");
        assertThatThrownBy(() -> new SempDeliverySettings(Duration.ZERO, Duration.ofSeconds(30), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SempDeliverySettings(Duration.ofHours(1), Duration.ZERO, Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new SempDeliverySettings(Duration.ofDays(7), Duration.ofSeconds(30), Set.of()).retryHorizon()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void settings_defaults_areSeventyTwoHoursThirtySecondsAndNoRelaxedPeer() {
        SempDeliverySettings s = SempDeliverySettings.defaults();

        assertThat(s.retryHorizon()).isEqualTo(Duration.ofHours(72));
        assertThat(s.attemptTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.receiptRelaxedFor("peer.example")).isFalse();
        assertThat(s.withRelaxedReceiptPeers(Set.of("PEER.example")).receiptRelaxedFor("peer.EXAMPLE")).isTrue();
    }
}
