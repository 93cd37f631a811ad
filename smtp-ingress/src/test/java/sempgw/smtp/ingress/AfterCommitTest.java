package sempgw.smtp.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sempgw.smtp.ingress.protocol.SmtpReply;
import sempgw.store.queue.QueueId;
import sempgw.store.queue.Recipient;
import sempgw.store.queue.Sender;

final class AfterCommitTest {

    static Stream<SmtpReply> acceptableReplies() {
        return Stream.of(SmtpReply.of(250, "2.0.0", "Ok: delivered by SEMP as Q000000001"), SmtpReply.of(250, "2.6.0", "Ok\tthere"),
                SmtpReply.of(421, "4.3.2", "closing"), SmtpReply.of(451, "4.4.1", "try again"), SmtpReply.of(550, "5.7.1", "refused"),
                SmtpReply.of(554, "5.0.0", "x".repeat(AfterCommit.MAX_REPLY_LINE - 2 - "554 5.0.0 ".length())));
    }

    static Stream<SmtpReply> unacceptableReplies() {
        List<SmtpReply> replies = new ArrayList<>();
        replies.add(null);
        replies.add(SmtpReply.intermediate(354, "go on"));
        replies.add(SmtpReply.of(250, "", "Ok without enhanced code"));
        replies.add(SmtpReply.of(550, "", "refused without enhanced code"));
        replies.add(SmtpReply.of(251, "2.1.5", "User not local"));
        replies.add(SmtpReply.of(220, "2.0.0", "ready"));
        replies.add(SmtpReply.of(250, "2.0.0", "d\u00e9livr\u00e9"));
        replies.add(SmtpReply.of(550, "5.7.1", "bell\u0007"));
        replies.add(SmtpReply.of(554, "5.0.0", "x".repeat(AfterCommit.MAX_REPLY_LINE - 1 - "554 5.0.0 ".length())));
        return replies.stream();
    }

    @ParameterizedTest
    @MethodSource("acceptableReplies")
    void acceptable_finalReplyWithinContract_isTrue(SmtpReply reply) {
        assertThat(AfterCommit.acceptable(reply)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("unacceptableReplies")
    void acceptable_replyOutsideContract_isFalse(SmtpReply reply) {
        assertThat(AfterCommit.acceptable(reply)).isFalse();
    }

    @Test
    void queued_defaultHook_isTheUsualQueuedReply() throws InterruptedException {
        AfterCommit.Committed message = new AfterCommit.Committed(new QueueId("Q000000042"), Sender.of("s@org.example"),
                List.of(Recipient.of("a@remote.example")));

        assertThat(AfterCommit.QUEUED.decide(message).line()).isEqualTo("250 2.0.0 Ok: queued as Q000000042");
        assertThat(AfterCommit.acceptable(AfterCommit.QUEUED.decide(message))).isTrue();
    }
}
