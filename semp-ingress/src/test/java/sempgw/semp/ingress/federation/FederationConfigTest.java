package sempgw.semp.ingress.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sempgw.semp.ingress.federation.FederationFixture.LOCAL;
import static sempgw.semp.ingress.federation.FederationFixture.peerKeys;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;
import sempgw.core.handshake.DomainProofVerifier;

final class FederationConfigTest {
    private final FederationFixture.RecordingReceiver receiver = new FederationFixture.RecordingReceiver();

    @Test
    void of_defaults_bothSuitesPqFirstNoProofOfWorkAndTheDocumentedLimits() {
        FederationConfig c = FederationConfig.of(LOCAL, peerKeys(), DomainProofVerifier.signedWithHttpsPublishedKey(), RandomSource.secure(), receiver);

        assertThat(c.accepted().suites()).containsExactly(SuiteId.PQ_KYBER768_X25519, SuiteId.X25519_CHACHA20_POLY1305);
        assertThat(c.proofOfWork()).isEmpty();
        assertThat(c.sessionTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(c.limits().maxSessions()).isEqualTo(1_000);
        assertThat(c.limits().handshakeTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.limits().retiredIdWindow()).isEqualTo(Duration.ofHours(1));
        assertThat(c.withProofOfWork(20).proofOfWork()).hasValueSatisfying(d -> assertThat(d.difficulty()).isEqualTo(20));
    }

    @Test
    void of_withoutADomainProofVerifier_refused() {
        assertThatThrownBy(() -> FederationConfig.of(LOCAL, peerKeys(), null, RandomSource.secure(), receiver))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("CONFORMANCE.md §4.8");
    }

    @Test
    void proofOfWork_aboveTheProtocolCap_refused() {
        FederationConfig c = FederationConfig.of(LOCAL, peerKeys(), DomainProofVerifier.signedWithHttpsPublishedKey(), RandomSource.secure(), receiver);
        assertThatThrownBy(() -> c.withProofOfWork(29)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sessionTtl_outsideOneMinuteToOneDay_refused() {
        FederationConfig c = FederationConfig.of(LOCAL, peerKeys(), DomainProofVerifier.signedWithHttpsPublishedKey(), RandomSource.secure(), receiver);
        for (Duration ttl : new Duration[] {Duration.ofSeconds(59), Duration.ofDays(2)}) {
            assertThatThrownBy(() -> new FederationConfig(c.local(), c.accepted(), c.policy(), ttl, c.peerKeys(), c.proofs(),
                    Optional.empty(), c.blockList(), c.limits(), c.random(), c.receiver())).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
