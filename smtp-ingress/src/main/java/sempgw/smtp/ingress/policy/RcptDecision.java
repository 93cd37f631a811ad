package sempgw.smtp.ingress.policy;

import java.util.Objects;
import sempgw.smtp.ingress.protocol.SmtpReply;

/** The relay policy's answer for one recipient. */
public sealed interface RcptDecision {

    /** @param reason why, for the log: {@code local}, {@code relay-network}, {@code authenticated} */
    record Accept(String reason) implements RcptDecision {
        public Accept {
            Objects.requireNonNull(reason, "reason");
        }
    }

    record Refuse(SmtpReply reply) implements RcptDecision {
        public Refuse {
            Objects.requireNonNull(reply, "reply");
        }
    }
}
