package sempgw.semp.egress.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sempgw.core.SempReason;
import sempgw.core.crypto.RandomSource;
import sempgw.core.envelope.Envelope;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.store.queue.DeliveryResult;

/** The bridge's entry: one composed envelope delivered now, with the queue path's results and an optional shorter wait. */
final class SempDeliveryAgentSingleEnvelopeTest {
    private static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");
    private static final DomainSigningPrivateKey SENDER_KEY = DomainSigningPrivateKey.generate(RandomSource.secure());

    private final Envelope envelope = TestEnvelopes.composed(NOW, NOW.plus(Duration.ofHours(1)), 3000);
    private final FakePeer peer = new FakePeer(SENDER_KEY.publicKey(), NOW, FakePeer.deliveredWithReceipt());
    private final LogCapture log = new LogCapture(SempDeliveryAgent.class);
    private final SempDeliveryAgent agent = new SempDeliveryAgent(peer, peer.keys(), SENDER_KEY, SempDeliverySettings.defaults(),
            Clock.fixed(NOW, ZoneOffset.UTC), RandomSource.secure());

    @AfterEach
    void closeLog() {
        log.close();
    }

    @Test
    void deliver_delivered_sameResultAsTheQueuePathAndOneLogLineWithTheLogId() {
        DeliveryResult r = agent.deliver(envelope, NOW, "Q7BRIDGE01", Duration.ofSeconds(5));

        assertThat(r).isEqualTo(new DeliveryResult.Delivered("semp; delivered, receipt signed by key " + peer.domainKey.keyId().hex()
                + " at 2026-11-26T01:00:00Z"));
        assertThat(peer.received).singleElement().satisfies(e -> assertThat(e.envelope().postmark().id())
                .isEqualTo(envelope.postmark().id()));
        assertThat(log.lines(Level.INFO)).singleElement().asString()
                .contains("Q7BRIDGE01", "peer=peer.example", "outcome=delivered").doesNotContain("recipients=");
    }

    @Test
    void deliver_shorterTimeout_isTheOneWaitedFor_longerOneIsCappedAtTheConfiguredTimeout() {
        agent.deliver(envelope, NOW, "Q7BRIDGE01", Duration.ofSeconds(5));
        agent.deliver(envelope, NOW, "Q7BRIDGE01", Duration.ofMinutes(5));

        assertThat(peer.timeouts).containsExactly(Duration.ofSeconds(5), SempDeliverySettings.DEFAULT_ATTEMPT_TIMEOUT);
    }

    @Test
    void deliver_silentPeer_deferredWithTheShortTimeoutInTheReason() {
        peer.answering(FakePeer.silent());

        assertThat(agent.deliver(envelope, NOW, "Q7BRIDGE01", Duration.ofSeconds(5)))
                .isEqualTo(new DeliveryResult.Deferred("semp; silent: no acknowledgment within 5 s",
                        new DeliveryResult.Reason("silent", "no acknowledgment within 5 s")));
        assertThat(peer.invalidations).hasValue(1);
    }

    @Test
    void deliver_terminalRejection_failedWithSempCode() {
        peer.answering(FakePeer.rejected(SempReason.POLICY_FORBIDDEN, "not accepted"));

        assertThat(agent.deliver(envelope, NOW, "Q7BRIDGE01", Duration.ofSeconds(5)))
                .isEqualTo(new DeliveryResult.Failed("semp", "policy_forbidden: not accepted",
                        new DeliveryResult.Reason("policy_forbidden", "not accepted")));
    }

    @Test
    void deliver_queuedBeyondTheRetryHorizon_failedExpiredWithoutContactingThePeer() {
        DeliveryResult r = agent.deliver(envelope, NOW.minus(SempDeliverySettings.DEFAULT_RETRY_HORIZON), "Q7BRIDGE01",
                Duration.ofSeconds(5));

        assertThat(r).isEqualTo(new DeliveryResult.Failed("semp", "expired: retry horizon 2026-11-26T01:00:00Z passed",
                new DeliveryResult.Reason("expired", "retry horizon 2026-11-26T01:00:00Z passed")));
        assertThat(peer.channelCalls).hasValue(0);
    }

    @Test
    void deliver_nonPositiveTimeout_refused() {
        assertThatThrownBy(() -> agent.deliver(envelope, NOW, "Q7BRIDGE01", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
