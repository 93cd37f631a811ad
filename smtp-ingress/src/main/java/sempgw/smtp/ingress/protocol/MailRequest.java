package sempgw.smtp.ingress.protocol;

import java.util.Objects;
import sempgw.store.queue.Sender;

/** What a MAIL command asks for: a sender to start a transaction with, or a refusal. */
public sealed interface MailRequest {

    /**
     * @param declaredSize the RFC 1870 SIZE the client declared, 0 when it declared none
     */
    record Accepted(Sender sender, long declaredSize) implements MailRequest {
        public Accepted {
            Objects.requireNonNull(sender, "sender");
        }
    }

    record Refused(SmtpReply reply) implements MailRequest {
        public Refused {
            Objects.requireNonNull(reply, "reply");
        }
    }
}
