package sempgw.smtp.egress.client;

import java.util.Objects;

/** What became of one recipient in one mail transaction. */
public sealed interface RecipientOutcome {

    /** The server's reply settled it: to RCPT, to MAIL or DATA for all, or after the data. */
    record Replied(SmtpReply reply, String inReplyTo) implements RecipientOutcome {
        public Replied {
            Objects.requireNonNull(reply, "reply");
            Objects.requireNonNull(inReplyTo, "inReplyTo");
        }
    }

    /** Not offered to the server: the local reply says why (see {@link TransactionPlanner}). */
    record Refused(SmtpReply reply) implements RecipientOutcome {
        public Refused {
            Objects.requireNonNull(reply, "reply");
        }
    }

    /** The conversation broke off before a final answer: always temporary. */
    record Interrupted(String reason) implements RecipientOutcome {
        public Interrupted {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
