package sempgw.smtp.ingress.policy;

import java.util.Objects;
import sempgw.smtp.ingress.protocol.SmtpReply;

/** The sender-login policy's answer for one MAIL command. */
public sealed interface SenderDecision {

    /** @param reason why, for the log: {@code unauthenticated}, {@code null-sender}, {@code login}, {@code sender-logins} */
    record Accept(String reason) implements SenderDecision {
        public Accept {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** @param reply {@code 553 5.7.1}, with the sender and login made printable */
    record Refuse(SmtpReply reply) implements SenderDecision {
        public Refuse {
            Objects.requireNonNull(reply, "reply");
        }
    }
}
