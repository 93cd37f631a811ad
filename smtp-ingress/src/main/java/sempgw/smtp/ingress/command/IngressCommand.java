package sempgw.smtp.ingress.command;

import java.io.IOException;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.server.Session;
import sempgw.smtp.ingress.protocol.SmtpReply;
import sempgw.smtp.ingress.session.IngressTransaction;

/** What every ingress command shares: its verb, reply helpers, the argument after the verb. */
abstract class IngressCommand extends BaseCommand {

    IngressCommand(String verb) {
        super(verb, verb);
    }

    static void reply(Session session, SmtpReply reply) throws IOException {
        session.sendResponse(reply.line());
    }

    /** Makes SubEthaSMTP send {@code reply} and close the connection. */
    static DropConnectionException drop(SmtpReply reply) {
        return new DropConnectionException(reply.code(), reply.enhanced() + " " + reply.text());
    }

    /** The text after the verb and its space, or empty when there is none. */
    static String argument(String commandLine) {
        int space = commandLine.indexOf(' ');
        return space < 0 ? "" : commandLine.substring(space + 1);
    }

    static IngressTransaction transaction(Session session) {
        return (IngressTransaction) session.getMessageHandler();
    }
}
