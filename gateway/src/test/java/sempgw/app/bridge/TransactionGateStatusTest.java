package sempgw.app.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import sempgw.policy.SmtpStatus;
import sempgw.store.queue.DeliveryResult;
import sempgw.store.queue.DeliveryResult.Reason;

/** The SMTP reply at DATA for a refused message comes from the failure's reason code and detail, never from its reply text. */
final class TransactionGateStatusTest {

    @Test
    void status_replyWordingChanged_sameSmtpReplyAtData() {
        Reason blocked = new Reason("blocked", "sender blocked", Optional.of("5.7.1"));
        SmtpStatus today = TransactionGate.status(new DeliveryResult.Failed("semp", "blocked: sender blocked", blocked));
        SmtpStatus reworded = TransactionGate.status(new DeliveryResult.Failed("semp",
                "451 4.4.1 peer b.test refused us (code=blocked) at 10:00", blocked));

        assertThat(reworded).isEqualTo(today);
        assertThat(today).hasToString("550 5.7.1 semp; blocked: sender blocked");
    }

    @Test
    void status_reasonWithoutStatusYet_sameReply() {
        assertThat(TransactionGate.status(new DeliveryResult.Failed("semp", "anything", new Reason("envelope_size_exceeded", "too big"))))
                .hasToString("552 5.3.4 semp; envelope_size_exceeded: too big");
    }

    @Test
    void status_emptyDetail_rowMeaningStandsIn() {
        assertThat(TransactionGate.status(new DeliveryResult.Failed("semp", "expired:", new Reason("expired", ""))).text())
                .isEqualTo("semp; expired: the delivery deadline passed without delivery");
    }

    @Test
    void status_unregisteredCode_isUnknownTerminal() {
        assertThat(TransactionGate.status(new DeliveryResult.Failed("semp", "x", new Reason("quota_exceeded", "full"))))
                .hasToString("554 5.0.0 semp; quota_exceeded: full");
    }

    @Test
    void status_localSmtpRefusal_asWritten() {
        assertThat(TransactionGate.status(new DeliveryResult.Failed("smtp",
                "550 5.7.4 semp-required: the recipient domain does not publish SEMP; not sent in clear")))
                .hasToString("550 5.7.4 semp-required: the recipient domain does not publish SEMP; not sent in clear");
    }

    @Test
    void status_sempTextWithoutReasonField_notParsed_isUnknown() {
        assertThat(TransactionGate.status(new DeliveryResult.Failed("semp", "blocked: sender blocked")))
                .hasToString("554 5.0.0 semp; unknown: blocked: sender blocked");
    }
}
