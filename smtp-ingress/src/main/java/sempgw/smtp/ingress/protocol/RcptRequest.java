package sempgw.smtp.ingress.protocol;

import java.util.Objects;
import sempgw.store.queue.Recipient;

/** What a RCPT command asks for: a recipient (still subject to relay policy), or a refusal. */
public sealed interface RcptRequest {

    /** @param mailbox the parsed forward-path, which policy decides on */
    record Accepted(Recipient recipient, Mailbox mailbox) implements RcptRequest {
        public Accepted {
            Objects.requireNonNull(recipient, "recipient");
            Objects.requireNonNull(mailbox, "mailbox");
        }
    }

    record Refused(SmtpReply reply) implements RcptRequest {
        public Refused {
            Objects.requireNonNull(reply, "reply");
        }
    }
}
