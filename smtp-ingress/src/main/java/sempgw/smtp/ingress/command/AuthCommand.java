package sempgw.smtp.ingress.command;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.AuthenticationHandler;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.server.Session;
import sempgw.smtp.ingress.auth.Authenticator;
import sempgw.smtp.ingress.auth.SaslCredentials;
import sempgw.smtp.ingress.protocol.Replies;
import sempgw.smtp.ingress.protocol.SmtpReply;
import sempgw.smtp.ingress.session.ClientSocket;

/**
 * AUTH (RFC 4954) with PLAIN (RFC 4616) and LOGIN. Steps, in order: AUTH must be configured
 * -> 503; EHLO first -> 503 5.5.1; the connection must be under TLS, always -> 530 5.7.0
 * (RFC 3207 §4, RFC 4954 §4);
 * not yet authenticated and no transaction in progress -> 503 (RFC 4954 §4); a known mechanism
 * -> 504; the exchange, where {@code *} cancels -> 501 (RFC 4954 §4); the check -> 235 or
 * 535 5.7.8. The third failure on a connection closes it with 421 4.7.0.
 */
final class AuthCommand extends IngressCommand {
    private static final Logger LOG = LoggerFactory.getLogger(AuthCommand.class);
    private static final int MAX_FAILURES = 3;

    /** The identity SubEthaSMTP's session keeps once AUTH succeeded. */
    private record AuthenticatedUser(String username) implements AuthenticationHandler {
        @Override
        public Optional<String> auth(String clientInput, MessageContext context) {
            throw new IllegalStateException("unreachable: the ingress AuthCommand runs the SASL exchange");
        }

        @Override
        public Object getIdentity() {
            return username;
        }
    }

    private final Authenticator authenticator;

    AuthCommand(Authenticator authenticator) {
        super("AUTH");
        this.authenticator = authenticator;
    }

    @Override
    public void execute(String commandLine, Session session) throws IOException, DropConnectionException {
        SmtpReply refusal = precondition(session);
        if (refusal != null) {
            reply(session, refusal);
            return;
        }
        String[] args = argument(commandLine).strip().split(" +");
        if (args[0].isEmpty() || args.length > 2) {
            reply(session, Replies.syntax("AUTH mechanism [initial-response]"));
            return;
        }
        Optional<String> initial = args.length == 2 ? Optional.of(args[1].equals("=") ? "" : args[1]) : Optional.empty();
        try {
            Optional<SaslCredentials> credentials = switch (args[0].toUpperCase(Locale.ROOT)) {
                case "PLAIN" -> SaslExchange.plain(session, initial);
                case "LOGIN" -> SaslExchange.login(session, initial);
                default -> {
                    reply(session, Replies.AUTH_MECHANISM_UNKNOWN);
                    yield Optional.empty();
                }
            };
            if (credentials.isPresent()) {
                verify(session, credentials.get());
            }
        } catch (SocketTimeoutException e) {
            throw drop(Replies.timeout(session.getServer().getHostName()));
        }
    }

    private SmtpReply precondition(Session session) {
        if (authenticator == null) {
            return Replies.AUTH_NOT_ENABLED;
        }
        if (session.getHelo().isEmpty()) {
            return Replies.NEED_HELO;
        }
        if (!session.isTLSStarted()) {
            return Replies.STARTTLS_FIRST;
        }
        if (session.isAuthenticated()) {
            return Replies.ALREADY_AUTHENTICATED;
        }
        return session.isMailTransactionInProgress() ? Replies.TRANSACTION_IN_PROGRESS : null;
    }

    private void verify(Session session, SaslCredentials credentials) throws IOException, DropConnectionException {
        String client = session.getRemoteAddress().getAddress().getHostAddress();
        boolean ok;
        try {
            ok = authenticator.authenticate(credentials.username(), credentials.password());
        } finally {
            credentials.erase();
        }
        if (ok) {
            session.setAuthenticationHandler(new AuthenticatedUser(credentials.username()));
            LOG.info("client=[{}] authenticated as {}", client, credentials.username());
            reply(session, Replies.AUTH_OK);
            return;
        }
        int failures = ClientSocket.of(session).authFailed();
        LOG.warn("client=[{}] authentication failed ({} on this connection)", client, failures);
        if (failures >= MAX_FAILURES) {
            throw drop(Replies.AUTH_TOO_MANY_FAILURES);
        }
        reply(session, Replies.AUTH_FAILED);
    }
}
