package sempgw.store.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The queue's delivery results: SMTP results stay one-argument simple, a reason code is a validated field. */
final class DeliveryResultTest {

    @Test
    void smtpResults_builtWithoutReason_haveNone() {
        assertThat(new DeliveryResult.Delivered("250 ok").reason()).isEmpty();
        assertThat(new DeliveryResult.Deferred("451 4.3.0 later").reason()).isEmpty();
        assertThat(new DeliveryResult.Failed("smtp", "550 5.1.1 unknown").reason()).isEmpty();
    }

    @Test
    void reason_withStatus_keepsCodeAndDetail() {
        DeliveryResult.Reason reason = new DeliveryResult.Reason("recipient_not_found", "no such user").withStatus("5.1.1");
        assertThat(reason).isEqualTo(new DeliveryResult.Reason("recipient_not_found", "no such user", Optional.of("5.1.1")));
        assertThat(new DeliveryResult.Failed("semp", "recipient_not_found: no such user", reason).reason()).contains(reason);
    }

    @Test
    void reason_codeWithSpaceColonOrTooLong_isRefused() {
        assertThatThrownBy(() -> new DeliveryResult.Reason("two words", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeliveryResult.Reason("blocked:", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeliveryResult.Reason("", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeliveryResult.Reason("x".repeat(65), "")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new DeliveryResult.Reason("x".repeat(64), "").code()).hasSize(64);
    }

    @Test
    void reason_statusNotRfc3463_isRefused() {
        assertThatThrownBy(() -> new DeliveryResult.Reason("blocked", "", Optional.of("550"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeliveryResult.Reason("blocked", "", Optional.of("3.1.1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeliveryResult.Reason("blocked", "", Optional.of("5.01.1"))).isInstanceOf(IllegalArgumentException.class);
    }
}
