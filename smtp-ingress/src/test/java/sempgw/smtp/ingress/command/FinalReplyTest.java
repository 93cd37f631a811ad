package sempgw.smtp.ingress.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sempgw.smtp.ingress.AfterCommit;
import sempgw.smtp.ingress.protocol.SmtpReply;
import sempgw.store.queue.QueueId;
import sempgw.store.queue.Recipient;
import sempgw.store.queue.Sender;

final class FinalReplyTest {
    private static final AfterCommit.Committed MESSAGE = new AfterCommit.Committed(new QueueId("Q000000001"),
            Sender.of("s@org.example"), List.of(Recipient.of("a@remote.example")));
    private static final String QUEUED = "250 2.0.0 Ok: queued as Q000000001";

    @Test
    void decide_defaultHook_isTheQueuedReply() {
        assertThat(new FinalReply(AfterCommit.QUEUED).decide(MESSAGE).line()).isEqualTo(QUEUED);
    }

    @Test
    void decide_acceptableReply_isTheHooks() {
        SmtpReply refused = SmtpReply.of(550, "5.7.1", "Refused by every SEMP recipient");

        assertThat(new FinalReply(m -> refused).decide(MESSAGE)).isEqualTo(refused);
    }

    @Test
    void decide_hookThrows_isTheQueuedReply() {
        assertThat(new FinalReply(m -> {
            throw new IllegalStateException("boom");
        }).decide(MESSAGE).line()).isEqualTo(QUEUED);
    }

    @Test
    void decide_hookInterrupted_isTheQueuedReply() {
        assertThat(new FinalReply(m -> {
            throw new InterruptedException();
        }).decide(MESSAGE).line()).isEqualTo(QUEUED);
    }

    @Test
    void decide_unacceptableReply_isTheQueuedReply() {
        assertThat(new FinalReply(m -> SmtpReply.intermediate(354, "go on")).decide(MESSAGE).line()).isEqualTo(QUEUED);
        assertThat(new FinalReply(m -> null).decide(MESSAGE).line()).isEqualTo(QUEUED);
    }
}
