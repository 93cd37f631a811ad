package sempgw.smtp.egress.client;

import java.util.Objects;

/** The outcome of opening a session to one target: ready, or why not. */
public sealed interface Opening {

    /** The session is past greeting, EHLO/LHLO, STARTTLS and AUTH. */
    record Opened(SmtpClientSession session) implements Opening {
        public Opened {
            Objects.requireNonNull(session, "session");
        }
    }

    /**
     * The session could not be set up.
     *
     * @param reason one line for the log and the recipients' replies, with an enhanced status code
     * @param permanent the server answered with a 5yz reply (a permanent refusal to talk)
     * @param tlsHandshakeFailed the TLS handshake itself failed (a {@link TlsPolicy#MAY} route retries in clear)
     */
    record Failed(String reason, boolean permanent, boolean tlsHandshakeFailed) implements Opening {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }

        static Failed temporary(String reason) {
            return new Failed(reason, false, false);
        }
    }
}
