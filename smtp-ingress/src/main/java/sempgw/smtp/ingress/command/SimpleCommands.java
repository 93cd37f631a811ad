package sempgw.smtp.ingress.command;

import java.io.IOException;
import org.subethamail.smtp.server.Session;
import sempgw.smtp.ingress.protocol.Replies;
import sempgw.smtp.ingress.protocol.SmtpReply;

/** The commands with nothing to decide: NOOP, RSET, QUIT, and the disabled ones. */
final class SimpleCommands {
    private SimpleCommands() {
    }

    /** Always the same reply (NOOP, HELP, and VRFY, EXPN, BDAT which are disabled). */
    static final class Fixed extends IngressCommand {
        private final SmtpReply reply;

        Fixed(String verb, SmtpReply reply) {
            super(verb);
            this.reply = reply;
        }

        @Override
        public void execute(String commandLine, Session session) throws IOException {
            reply(session, reply);
        }
    }

    /** RSET aborts the transaction (RFC 5321 §4.1.1.5). */
    static final class Rset extends IngressCommand {
        Rset() {
            super("RSET");
        }

        @Override
        public void execute(String commandLine, Session session) throws IOException {
            if (!argument(commandLine).isBlank()) {
                reply(session, Replies.syntax("RSET"));
                return;
            }
            session.resetMailTransaction();
            reply(session, Replies.OK);
        }
    }

    /** QUIT answers and closes (RFC 5321 §4.1.1.10). */
    static final class Quit extends IngressCommand {
        Quit() {
            super("QUIT");
        }

        @Override
        public void execute(String commandLine, Session session) throws IOException {
            reply(session, Replies.BYE);
            session.quit();
        }
    }
}
