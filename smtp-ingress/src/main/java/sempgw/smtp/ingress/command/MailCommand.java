package sempgw.smtp.ingress.command;

import java.io.IOException;
import org.subethamail.smtp.server.Session;
import sempgw.smtp.ingress.protocol.MailParameters;
import sempgw.smtp.ingress.protocol.MailRequest;
import sempgw.smtp.ingress.protocol.Replies;

/**
 * MAIL (RFC 5321 §4.1.1.2): needs HELO/EHLO first (RFC 5321 §4.1.4) and no transaction in
 * progress, then starts one with the sender and parameters {@link MailParameters} parsed.
 */
final class MailCommand extends IngressCommand {
    private final long maxMessageSize;

    MailCommand(long maxMessageSize) {
        super("MAIL");
        this.maxMessageSize = maxMessageSize;
    }

    @Override
    public void execute(String commandLine, Session session) throws IOException {
        if (session.getHelo().isEmpty()) {
            reply(session, Replies.NEED_HELO);
            return;
        }
        if (session.isMailTransactionInProgress()) {
            reply(session, Replies.NESTED_MAIL);
            return;
        }
        switch (MailParameters.parse(argument(commandLine), maxMessageSize)) {
            case MailRequest.Refused refused -> reply(session, refused.reply());
            case MailRequest.Accepted accepted -> {
                session.startMailTransaction();
                transaction(session).begin(accepted.sender());
                reply(session, Replies.SENDER_OK);
            }
        }
    }
}
