package sempgw.semp.egress.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import sempgw.core.handshake.LocalDomain;

/**
 * The settings' envelope concurrency (16 by default) and misbehaving-peer hold (an hour): positive
 * only, carried by every wither.
 */
final class FederationSettingsTest {
    private static final FederationSettings DEFAULTS = FederationSettings.defaults(new LocalDomain(FakePeer.LOCAL, "srv-a", FakePeer.OUR_KEY));

    @Test
    void defaults_sixteenEnvelopesInFlight() {
        assertThat(DEFAULTS.maxConcurrentEnvelopes()).isEqualTo(FederationSettings.DEFAULT_MAX_CONCURRENT_ENVELOPES).isEqualTo(16);
    }

    @Test
    void withMaxConcurrentEnvelopes_keptByOtherWithers_andZeroRefused() {
        FederationSettings four = DEFAULTS.withMaxConcurrentEnvelopes(4).withPreferWebSocket(false);

        assertThat(four.maxConcurrentEnvelopes()).isEqualTo(4);
        assertThat(four.preferWebSocket()).isFalse();
        assertThatThrownBy(() -> DEFAULTS.withMaxConcurrentEnvelopes(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new H2Transport(H2Transport.client(javax.net.ssl.SSLContext.getDefault(), java.time.Duration.ofSeconds(1)),
                1024, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withMisbehavingHold_anHourByDefault_keptByOtherWithers_andZeroRefused() {
        FederationSettings tenMinutes = DEFAULTS.withMisbehavingHold(Duration.ofMinutes(10)).withFailureHold(Duration.ZERO);

        assertThat(DEFAULTS.misbehavingHold()).isEqualTo(FederationSettings.DEFAULT_MISBEHAVING_HOLD).isEqualTo(Duration.ofHours(1));
        assertThat(tenMinutes.misbehavingHold()).isEqualTo(Duration.ofMinutes(10));
        assertThatThrownBy(() -> DEFAULTS.withMisbehavingHold(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
