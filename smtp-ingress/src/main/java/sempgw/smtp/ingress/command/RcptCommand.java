package sempgw.smtp.ingress.command;

import java.io.IOException;
import java.util.Optional;
import org.subethamail.smtp.server.Session;
import sempgw.smtp.ingress.policy.RcptDecision;
import sempgw.smtp.ingress.policy.RelayPolicy;
import sempgw.smtp.ingress.protocol.RcptParameters;
import sempgw.smtp.ingress.protocol.RcptRequest;
import sempgw.smtp.ingress.protocol.Replies;
import sempgw.smtp.ingress.session.IngressTransaction;

/**
 * RCPT (RFC 5321 §4.1.1.3). Steps, in order: a transaction must be in progress -> 503 5.5.1;
 * the argument must parse ({@link RcptParameters}); a duplicate of an accepted recipient is
 * answered 250 and collapsed into the first; beyond the recipient limit -> 452 4.5.3
 * (RFC 5321 §4.5.3.1.10); then the {@link RelayPolicy} decides.
 */
final class RcptCommand extends IngressCommand {
    private final int maxRecipients;
    private final RelayPolicy policy;
    private final Optional<String> postmasterDomain;

    RcptCommand(int maxRecipients, RelayPolicy policy, Optional<String> postmasterDomain) {
        super("RCPT");
        this.maxRecipients = maxRecipients;
        this.policy = policy;
        this.postmasterDomain = postmasterDomain;
    }

    @Override
    public void execute(String commandLine, Session session) throws IOException {
        if (!session.isMailTransactionInProgress()) {
            reply(session, Replies.NEED_MAIL);
            return;
        }
        IngressTransaction tx = transaction(session);
        switch (RcptParameters.parse(argument(commandLine), tx.sender().smtpUtf8(), postmasterDomain)) {
            case RcptRequest.Refused refused -> reply(session, refused.reply());
            case RcptRequest.Accepted accepted -> decide(session, tx, accepted);
        }
    }

    private void decide(Session session, IngressTransaction tx, RcptRequest.Accepted request) throws IOException {
        String key = request.mailbox().normalized();
        if (tx.hasRecipient(key)) {
            reply(session, Replies.RECIPIENT_OK);
            return;
        }
        if (tx.recipientCount() >= maxRecipients) {
            reply(session, Replies.TOO_MANY_RECIPIENTS);
            return;
        }
        RcptDecision decision = policy.decide(session.getRemoteAddress().getAddress(), session.isAuthenticated(), request.mailbox());
        switch (decision) {
            case RcptDecision.Refuse refuse -> reply(session, refuse.reply());
            case RcptDecision.Accept accept -> {
                tx.addRecipient(key, request.recipient());
                reply(session, Replies.RECIPIENT_OK);
            }
        }
    }
}
