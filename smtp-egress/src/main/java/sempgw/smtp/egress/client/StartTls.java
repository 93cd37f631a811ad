package sempgw.smtp.egress.client;

import java.io.IOException;
import java.util.Optional;
import javax.net.ssl.SSLSocketFactory;

/** The STARTTLS step of opening a session (RFC 3207), following the route's {@link TlsPolicy}. */
final class StartTls {

    private StartTls() {
    }

    /** Upgrades the session when the policy and the server's offer say so; empty when the session may go on. */
    static Optional<Opening.Failed> negotiate(SmtpClientSession session, TlsPolicy policy, SSLSocketFactory factory, String heloName)
            throws IOException {
        String host = session.target().describe();
        if (policy == TlsPolicy.NONE || session.target() instanceof Target.Unix) {
            return Optional.empty();
        }
        if (!session.capabilities().startTls()) {
            return policy.required()
                    ? fail(session, "4.7.4 TLS is required, but was not offered by host " + host)
                    : Optional.empty();
        }
        SmtpReply reply = session.command("STARTTLS", session.timeouts().greeting());
        if (reply.code() != 220) {
            // RFC 3207 §4: after a refused STARTTLS the session goes on in clear, if the policy allows.
            return policy.required()
                    ? fail(session, "4.7.4 TLS is required, but host " + host + " refused STARTTLS: " + reply.oneLine())
                    : Optional.empty();
        }
        if (session.unsolicitedInput()) {
            // Anything the server sent after 220 and before the handshake would be trusted as if it came over TLS (RFC 3207 §4.2).
            session.markBroken();
            return fail(session, "4.7.0 host " + host + " sent data after its STARTTLS reply; possible response injection");
        }
        try {
            session.secure(session.wire().startTls(factory, session.target().hostName(), policy == TlsPolicy.VERIFY,
                    session.timeouts().greeting()));
        } catch (IOException e) {
            session.markBroken();
            session.close();
            return Optional.of(new Opening.Failed(
                    "4.7.5 TLS handshake with " + host + " failed: " + SessionOpener.describe(e), false, true));
        }
        // RFC 3207 §4.2: the client MUST discard what it knew and greet again.
        SmtpReply hello = session.command(session.dialect().hello() + " " + heloName, session.timeouts().greeting());
        if (!hello.isPositive()) {
            return Optional.of(SessionOpener.refused(session, hello, "refused " + session.dialect().hello() + " after STARTTLS"));
        }
        session.capabilities(Capabilities.parse(hello));
        return Optional.empty();
    }

    private static Optional<Opening.Failed> fail(SmtpClientSession session, String reason) {
        return Optional.of(SessionOpener.close(session, Opening.Failed.temporary(reason)));
    }
}
