package sempgw.smtp.egress.client;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The commands of one mail transaction, decided before anything is sent (see
 * {@link TransactionPlanner}).
 *
 * @param mailCommand the MAIL FROM line with its parameters
 * @param rcpts the RCPT TO lines, each with the index of its recipient in the delivery's list
 * @param refused recipients we will not offer to this server, with the local reply that says why
 * @param smtpUtf8 whether the transaction uses SMTPUTF8 (RFC 6531 §3.4)
 */
public record TransactionPlan(String mailCommand, List<Rcpt> rcpts, Map<Integer, SmtpReply> refused, boolean smtpUtf8) {

    public TransactionPlan {
        Objects.requireNonNull(mailCommand, "mailCommand");
        rcpts = List.copyOf(rcpts);
        refused = Map.copyOf(refused);
    }

    /** One RCPT TO line for the recipient at {@code index}. */
    public record Rcpt(int index, String command) {
        public Rcpt {
            Objects.requireNonNull(command, "command");
        }
    }
}
