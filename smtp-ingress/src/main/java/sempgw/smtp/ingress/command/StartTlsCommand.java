package sempgw.smtp.ingress.command;

import java.io.IOException;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.server.Session;
import sempgw.smtp.ingress.protocol.Replies;
import sempgw.smtp.ingress.session.ClientSocket;
import sempgw.smtp.ingress.session.ConnectionSettings;

/**
 * STARTTLS (RFC 3207). Anything the client pipelined after the command is discarded before the
 * handshake, so plain-text input can never be taken as a command sent under TLS (RFC 3207 §4.2,
 * CVE-2011-0411). After the handshake the session starts over (RFC 3207 §4.2): no HELO, no
 * transaction, no authentication. Only TLS 1.2 and 1.3 are offered. A failed handshake closes
 * the connection, since no reply can be sent in a known state.
 */
final class StartTlsCommand extends IngressCommand {
    private static final Logger LOG = LoggerFactory.getLogger(StartTlsCommand.class);
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final SSLContext context;
    private final ConnectionSettings settings;

    StartTlsCommand(SSLContext context, ConnectionSettings settings) {
        super("STARTTLS");
        this.context = context;
        this.settings = settings;
    }

    @Override
    public void execute(String commandLine, Session session) throws IOException {
        if (!argument(commandLine).isBlank()) {
            reply(session, Replies.syntax("STARTTLS"));
            return;
        }
        if (session.isTLSStarted()) {
            reply(session, Replies.TLS_ALREADY_ACTIVE);
            return;
        }
        ClientSocket plain = ClientSocket.of(session);
        int dropped = plain.input().discardBuffered();
        if (dropped > 0) {
            LOG.warn("discarded {} octets sent after STARTTLS by [{}]", dropped, plain.getInetAddress().getHostAddress());
        }
        plain.replies().sendNow(Replies.READY_FOR_TLS);
        SSLSocket tls = (SSLSocket) context.getSocketFactory()
                .createSocket(plain.transport(), plain.getInetAddress().getHostAddress(), plain.getPort(), true);
        tls.setUseClientMode(false);
        tls.setSoTimeout(Math.toIntExact(settings.commandTimeout().toMillis()));
        tls.setEnabledProtocols(Arrays.stream(PROTOCOLS)
                .filter(p -> Arrays.asList(tls.getSupportedProtocols()).contains(p)).toArray(String[]::new));
        try {
            tls.startHandshake();
        } catch (IOException e) {
            LOG.info("TLS handshake with [{}] failed: {}", plain.getInetAddress().getHostAddress(), e.toString());
            session.quit();
            return;
        }
        session.setSocket(new ClientSocket(tls, settings));
        session.resetSmtpProtocol();
        session.setTlsStarted(true);
    }
}
