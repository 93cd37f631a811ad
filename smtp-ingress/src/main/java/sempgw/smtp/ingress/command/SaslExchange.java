package sempgw.smtp.ingress.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.subethamail.smtp.server.Session;
import sempgw.smtp.ingress.auth.SaslCredentials;
import sempgw.smtp.ingress.protocol.CommandLine;
import sempgw.smtp.ingress.protocol.Replies;
import sempgw.smtp.ingress.session.ClientInput;
import sempgw.smtp.ingress.session.ClientSocket;

/**
 * The SASL dialogue of AUTH (RFC 4954 §4): an optional initial response ({@code =} for an empty
 * one), {@code 334} challenges whose responses are read straight from the connection, and
 * {@code *} to cancel. PLAIN (RFC 4616) takes one response, LOGIN two (user name, password).
 * Each method returns the decoded credentials, or empty once the client has had its reply.
 */
final class SaslExchange {
    private static final String USERNAME_PROMPT = "334 VXNlcm5hbWU6";
    private static final String PASSWORD_PROMPT = "334 UGFzc3dvcmQ6";

    private SaslExchange() {
    }

    static Optional<SaslCredentials> plain(Session session, Optional<String> initial) throws IOException {
        Optional<String> response = initial.isPresent() ? initial : challenge(session, "334 ");
        if (response.isEmpty()) {
            return Optional.empty();
        }
        return decoded(session, SaslCredentials.plain(response.get()));
    }

    static Optional<SaslCredentials> login(Session session, Optional<String> initial) throws IOException {
        Optional<String> user = initial.isPresent() ? initial : challenge(session, USERNAME_PROMPT);
        Optional<String> password = user.isEmpty() ? Optional.empty() : challenge(session, PASSWORD_PROMPT);
        if (password.isEmpty()) {
            return Optional.empty();
        }
        return decoded(session, SaslCredentials.login(user.get(), password.get()));
    }

    private static Optional<SaslCredentials> decoded(Session session, Optional<SaslCredentials> credentials) throws IOException {
        if (credentials.isEmpty()) {
            IngressCommand.reply(session, Replies.AUTH_BAD_RESPONSE);
        }
        return credentials;
    }

    /** Sends a 334 challenge and reads the response; empty (with the reply sent) if cancelled or malformed. */
    private static Optional<String> challenge(Session session, String prompt) throws IOException {
        session.sendResponse(prompt);
        ClientInput input = ClientSocket.of(session).input();
        switch (input.readLine(CommandLine.EXTENDED_LIMIT)) {
            case ClientInput.Line.End end -> {
                return Optional.empty();
            }
            case ClientInput.Line.TooLong tooLong -> {
                IngressCommand.reply(session, Replies.LINE_TOO_LONG);
                return Optional.empty();
            }
            case ClientInput.Line.Text text -> {
                byte[] octets = text.octets();
                int end = CommandLine.textEnd(octets, octets.length);
                for (int i = 0; i < end; i++) {
                    if (octets[i] == '\r') {
                        IngressCommand.reply(session, Replies.BARE_CR_IN_COMMAND);
                        return Optional.empty();
                    }
                }
                String response = new String(octets, 0, end, StandardCharsets.US_ASCII).strip();
                if (response.equals("*")) {
                    IngressCommand.reply(session, Replies.AUTH_CANCELLED);
                    return Optional.empty();
                }
                return Optional.of(response);
            }
        }
    }

}
