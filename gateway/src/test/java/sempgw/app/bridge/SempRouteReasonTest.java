package sempgw.app.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import org.junit.jupiter.api.Test;
import sempgw.store.queue.DeliveryResult;
import sempgw.store.queue.DeliveryResult.Reason;

/**
 * The bridge reads a SEMP result's reason code from its field (docs/outcomes.md): the DSN status
 * comes from the code, and only the {@code transport} code earns the one retry on a fresh session.
 */
final class SempRouteReasonTest {

    @Test
    void withStatus_failedReason_statusFromOutcomesAndReplyTextUnchanged() {
        DeliveryResult failed = new DeliveryResult.Failed("semp", "envelope_size_exceeded: too big",
                new Reason("envelope_size_exceeded", "too big"));

        DeliveryResult stamped = SempRoute.withStatus(failed);

        assertThat(stamped.reply()).isEqualTo("envelope_size_exceeded: too big");
        assertThat(stamped.reason()).contains(new Reason("envelope_size_exceeded", "too big", Optional.of("5.3.4")));
    }

    @Test
    void withStatus_dsnStatusFollowsTheReasonCode_notTheReplyWording() {
        DeliveryResult a = new DeliveryResult.Failed("semp", "blocked: go away", new Reason("blocked", "go away"));
        DeliveryResult b = new DeliveryResult.Failed("semp", "the peer refused us, 5.1.1 or so", new Reason("blocked", "go away"));

        assertThat(SempRoute.withStatus(a).reason()).flatMap(Reason::status).contains("5.7.1");
        assertThat(SempRoute.withStatus(b).reason()).flatMap(Reason::status).contains("5.7.1");
    }

    @Test
    void withStatus_deferredReason_gainsTheTemporaryStatus() {
        DeliveryResult silent = new DeliveryResult.Deferred("semp; silent: no acknowledgment within 30 s",
                new Reason("silent", "no acknowledgment within 30 s"));

        assertThat(SempRoute.withStatus(silent).reason()).flatMap(Reason::status).contains("4.4.2");
        assertThat(SempRoute.withStatus(silent)).isInstanceOf(DeliveryResult.Deferred.class);
    }

    @Test
    void withStatus_statusOfTheWrongClass_isLeftOut() {
        DeliveryResult deferredUnderTerminalCode = new DeliveryResult.Deferred("semp; blocked: odd", new Reason("blocked", "odd"));

        assertThat(SempRoute.withStatus(deferredUnderTerminalCode).reason()).contains(new Reason("blocked", "odd"));
    }

    @Test
    void withStatus_resultWithoutReason_unchanged() {
        DeliveryResult smtp = new DeliveryResult.Failed("smtp", "550 5.1.1 the recipient has no published SEMP keys");
        DeliveryResult sempTextOnly = new DeliveryResult.Failed("semp", "blocked: go away");

        assertThat(SempRoute.withStatus(smtp)).isSameAs(smtp);
        assertThat(SempRoute.withStatus(sempTextOnly)).isSameAs(sempTextOnly);
    }

    @Test
    void send_transportFailure_retriedOnceAndTheSecondResultKept() {
        DeliveryResult transport = new DeliveryResult.Deferred("semp; transport: stream reset", new Reason("transport", "stream reset"));
        DeliveryResult delivered = new DeliveryResult.Delivered("semp; delivered");
        Queue<DeliveryResult> script = new ArrayDeque<>(List.of(transport, delivered));

        assertThat(SempRoute.retriedOnceOnTransport(script::remove)).isSameAs(delivered);
        assertThat(script).isEmpty();
    }

    @Test
    void send_transportFailureTwice_notRetriedAThirdTime() {
        DeliveryResult first = new DeliveryResult.Deferred("semp; transport: reset", new Reason("transport", "reset"));
        DeliveryResult second = new DeliveryResult.Deferred("semp; transport: refused", new Reason("transport", "refused"));
        Queue<DeliveryResult> script = new ArrayDeque<>(List.of(first, second, new DeliveryResult.Delivered("never asked")));

        assertThat(SempRoute.retriedOnceOnTransport(script::remove)).isSameAs(second);
        assertThat(script).hasSize(1);
    }

    @Test
    void send_transportCodeUnderAnyWording_retried_otherCodesOrTextAlone_not() {
        assertThat(SempRoute.isTransportFailure(new DeliveryResult.Deferred("connection went away", new Reason("transport", "x")))).isTrue();
        assertThat(SempRoute.isTransportFailure(new DeliveryResult.Deferred("semp; transport: text only"))).isFalse();
        assertThat(SempRoute.isTransportFailure(new DeliveryResult.Deferred("semp; silent: none", new Reason("silent", "none")))).isFalse();
        assertThat(SempRoute.isTransportFailure(new DeliveryResult.Failed("semp", "transport: x", new Reason("transport", "x")))).isFalse();
    }
}
