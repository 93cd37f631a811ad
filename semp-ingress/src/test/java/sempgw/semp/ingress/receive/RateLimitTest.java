package sempgw.semp.ingress.receive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static sempgw.semp.ingress.receive.ReceiveFixture.BOB;
import static sempgw.semp.ingress.receive.ReceiveFixture.CAROL;
import static sempgw.semp.ingress.receive.ReceiveFixture.NOW;
import static sempgw.semp.ingress.receive.ReceiveFixture.PEER;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import sempgw.core.SempReason;
import sempgw.core.crypto.SuiteId;
import sempgw.core.delivery.Acknowledgment;

/** Per-sender-domain rate limiting (DELIVERY.md §6.5). */
final class RateLimitTest {
    private final ReceiveFixture f = new ReceiveFixture();

    private static byte[] sealedAt(Instant at) throws Exception {
        return ReceiveFixture.seal(ReceiveFixture.compose(SuiteId.X25519_CHACHA20_POLY1305, ReceiveFixture.ALICE, "later", at, BOB));
    }

    @Test
    void receive_aboveThresholdExistingAndNonexistentAlike_turnsSilentForTheThrottleWindow() throws Exception {
        f.config = f.config.withFirstContact(FirstContactEnforcement.challenge(8)).withRateLimit(new RateLimitPolicy(3, Duration.ofHours(2)));
        f.known.remember(CAROL, PEER);
        assertThat(ReceiveFixture.reason(f.receive(ReceiveFixture.sealedTo("zed@b.example")))).isEqualTo(SempReason.POLICY_FORBIDDEN);
        assertThat(ReceiveFixture.reason(f.receive(ReceiveFixture.sealedTo(BOB)))).isEqualTo(SempReason.POLICY_FORBIDDEN);
        assertThat(ReceiveFixture.reason(f.receive(ReceiveFixture.sealedTo("yan@b.example")))).isEqualTo(SempReason.POLICY_FORBIDDEN);

        assertThat(f.receive(ReceiveFixture.sealedTo(BOB))).isInstanceOf(ReceiveOutcome.Silent.class);
        assertThat(f.receive(ReceiveFixture.sealedTo("zed@b.example"))).isInstanceOf(ReceiveOutcome.Silent.class);
        assertThat(ReceiveFixture.ack(f.receive(ReceiveFixture.sealedTo(CAROL)))).isInstanceOf(Acknowledgment.Delivered.class);
        Instant late = NOW.plus(Duration.ofMinutes(119));
        assertThat(f.receive(sealedAt(late), late)).isInstanceOf(ReceiveOutcome.Silent.class);
        Instant after = NOW.plus(Duration.ofHours(2));
        assertThat(ReceiveFixture.reason(f.receive(sealedAt(after), after))).isEqualTo(SempReason.POLICY_FORBIDDEN);
    }

    @Test
    void receive_throttledDomain_seesSilenceEvenWhereOpenModeWouldDeliver() throws Exception {
        f.config = f.config.withRateLimit(new RateLimitPolicy(1, Duration.ofHours(1)));
        assertThat(ReceiveFixture.ack(f.receive(ReceiveFixture.sealedTo(BOB)))).isInstanceOf(Acknowledgment.Delivered.class);
        assertThat(f.receive(ReceiveFixture.sealedTo(BOB))).isInstanceOf(ReceiveOutcome.Silent.class);
        assertThat(f.inbox.stored).hasSize(1);
    }

    @Test
    void receive_invalidSealWhileThrottled_isStillAnExplicitRejection() throws Exception {
        f.config = f.config.withRateLimit(new RateLimitPolicy(1, Duration.ofHours(1)));
        f.receive(ReceiveFixture.sealedTo(BOB));
        f.receive(ReceiveFixture.sealedTo(BOB));
        f.sessions.clear();
        assertThat(ReceiveFixture.reason(f.receive(ReceiveFixture.sealedTo(BOB)))).isEqualTo(SempReason.NO_SESSION);
    }

    @Test
    void limiter_countsPerDomainInHourlyWindows() {
        SenderRateLimiter limiter = new SenderRateLimiter(new RateLimitPolicy(2, Duration.ofHours(1)), 10);
        assertThat(limiter.throttled("a.example", true, NOW)).isFalse();
        assertThat(limiter.throttled("a.example", true, NOW)).isFalse();
        assertThat(limiter.throttled("c.example", true, NOW)).isFalse();
        assertThat(limiter.throttled("a.example", false, NOW)).isFalse();
        assertThat(limiter.throttled("a.example", true, NOW)).isTrue();
        assertThat(limiter.throttled("c.example", false, NOW)).isFalse();
        assertThat(limiter.throttled("c.example", true, NOW.plus(Duration.ofHours(1)))).isFalse();
    }

    @Test
    void policy_throttleOutsideOneTo24Hours_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RateLimitPolicy(100, Duration.ofMinutes(59)));
        assertThatIllegalArgumentException().isThrownBy(() -> new RateLimitPolicy(100, Duration.ofHours(25)));
    }
}
