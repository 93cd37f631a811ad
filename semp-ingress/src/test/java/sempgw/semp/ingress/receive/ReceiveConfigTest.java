package sempgw.semp.ingress.receive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The documented defaults and the limits the constructors enforce. */
final class ReceiveConfigTest {

    @Test
    void defaults_areTheDocumentedOnes() {
        ReceiveConfig c = ReceiveConfig.defaults(Set.of("b.example"));
        assertThat(c.maxEnvelopeSize()).isEqualTo(25 * 1024 * 1024);
        assertThat(c.expiryGrace()).isZero();
        assertThat(c.supportedExtensions()).isEmpty();
        assertThat(c.firstContact().mode()).isEqualTo(FirstContactEnforcement.Mode.OPEN);
        assertThat(c.rateLimit()).isEqualTo(new RateLimitPolicy(100, Duration.ofHours(1)));
        assertThat(c.duplicateWindowCapacity()).isEqualTo(100_000);
        assertThat(FirstContactEnforcement.challenge(20).challengeLifetime()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void constructor_outOfRangeValues_areRefused() {
        ReceiveConfig c = ReceiveConfig.defaults(Set.of("b.example"));
        assertThatIllegalArgumentException().isThrownBy(() -> ReceiveConfig.defaults(Set.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> c.withMaxEnvelopeSize(4095));
        assertThatIllegalArgumentException().isThrownBy(() -> new ReceiveConfig(c.localDomains(), c.maxEnvelopeSize(), Duration.ofMinutes(6),
                Set.of(), c.firstContact(), c.rateLimit(), 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new ReceiveConfig(c.localDomains(), c.maxEnvelopeSize(), Duration.ZERO,
                Set.of(), c.firstContact(), c.rateLimit(), 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new RateLimitPolicy(0, Duration.ofHours(1)));
    }
}
