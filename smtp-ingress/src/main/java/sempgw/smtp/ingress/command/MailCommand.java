package sempgw.smtp.ingress.command;

import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.server.Session;
import sempgw.smtp.ingress.policy.SenderDecision;
import sempgw.smtp.ingress.policy.SenderLoginPolicy;
import sempgw.smtp.ingress.protocol.MailParameters;
import sempgw.smtp.ingress.protocol.MailRequest;
import sempgw.smtp.ingress.protocol.Replies;

/**
 * MAIL (RFC 5321 §4.1.1.2). Steps, in order: HELO/EHLO first (RFC 5321 §4.1.4) -> 503 5.5.1;
 * no transaction in progress -> 503 5.5.1; the argument must parse ({@link MailParameters});
 * an authenticated client must own the reverse-path ({@link SenderLoginPolicy}) -> 553 5.7.1,
 * logged with the session id, client and login; then the transaction starts.
 */
final class MailCommand extends IngressCommand {
    private static final Logger LOG = LoggerFactory.getLogger(MailCommand.class);

    private final long maxMessageSize;
    private final SenderLoginPolicy senderLogins;

    MailCommand(long maxMessageSize, SenderLoginPolicy senderLogins) {
        super("MAIL");
        this.maxMessageSize = maxMessageSize;
        this.senderLogins = senderLogins;
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
                Optional<String> login = Trace.user(session);
                String sender = accepted.sender().reversePath();
                if (senderLogins.decide(login, sender) instanceof SenderDecision.Refuse refuse) {
                    LOG.info("session={}: refused MAIL from [{}] login={} sender=<{}>: {}", session.getSessionId(),
                            session.getRemoteAddress().getAddress().getHostAddress(), Replies.printable(login.orElse("-")),
                            Replies.printable(sender), refuse.reply().code() + " " + refuse.reply().enhanced());
                    reply(session, refuse.reply());
                    return;
                }
                session.startMailTransaction();
                transaction(session).begin(accepted.sender());
                reply(session, Replies.SENDER_OK);
            }
        }
    }
}
