package sempgw.smtp.ingress.command;

import java.io.IOException;
import org.subethamail.smtp.server.Session;
import sempgw.smtp.ingress.protocol.Replies;
import sempgw.smtp.ingress.session.ClientSocket;

/**
 * EHLO and HELO (RFC 5321 §4.1.1.1). Both reset the transaction. The EHLO reply lists what
 * the ingress really implements: PIPELINING (RFC 2920), SIZE (RFC 1870), 8BITMIME (RFC 6152),
 * SMTPUTF8 (RFC 6531), STARTTLS before TLS only (RFC 3207), ENHANCEDSTATUSCODES (RFC 2034),
 * DSN (RFC 3461), and AUTH PLAIN LOGIN only under TLS (RFC 4954 §4).
 */
final class GreetingCommands {
    private GreetingCommands() {
    }

    static final class Ehlo extends IngressCommand {
        private final String hostname;
        private final long maxMessageSize;
        private final boolean tlsAvailable;
        private final boolean authAvailable;

        Ehlo(String hostname, long maxMessageSize, boolean tlsAvailable, boolean authAvailable) {
            super("EHLO");
            this.hostname = hostname;
            this.maxMessageSize = maxMessageSize;
            this.tlsAvailable = tlsAvailable;
            this.authAvailable = authAvailable;
        }

        @Override
        public void execute(String commandLine, Session session) throws IOException {
            String name = argument(commandLine).strip();
            if (name.isEmpty()) {
                reply(session, Replies.syntax("EHLO hostname"));
                return;
            }
            greet(session, name, true);
            StringBuilder r = new StringBuilder();
            r.append("250-").append(hostname).append("\r\n");
            r.append("250-PIPELINING\r\n");
            r.append("250-SIZE ").append(maxMessageSize).append("\r\n");
            r.append("250-8BITMIME\r\n");
            r.append("250-SMTPUTF8\r\n");
            if (tlsAvailable && !session.isTLSStarted()) {
                r.append("250-STARTTLS\r\n");
            }
            if (authAvailable && session.isTLSStarted()) {
                r.append("250-AUTH PLAIN LOGIN\r\n");
            }
            r.append("250-ENHANCEDSTATUSCODES\r\n");
            r.append("250 DSN");
            session.sendResponse(r.toString());
        }
    }

    static final class Helo extends IngressCommand {
        private final String hostname;

        Helo(String hostname) {
            super("HELO");
            this.hostname = hostname;
        }

        @Override
        public void execute(String commandLine, Session session) throws IOException {
            String name = argument(commandLine).strip();
            if (name.isEmpty()) {
                reply(session, Replies.syntax("HELO hostname"));
                return;
            }
            greet(session, name, false);
            session.sendResponse("250 " + hostname);
        }
    }

    private static void greet(Session session, String argument, boolean extended) {
        int space = argument.indexOf(' ');
        session.resetMailTransaction();
        session.setHelo(space < 0 ? argument : argument.substring(0, space));
        ClientSocket.of(session).extended(extended);
    }
}
