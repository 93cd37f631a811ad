package sempgw.smtp.egress.client;

import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLSocketFactory;

/**
 * Opens a client session to one target: connect, greeting (RFC 5321 §3.1), EHLO or LHLO with
 * the HELO fallback (RFC 5321 §3.2, RFC 2033 §4.1), STARTTLS per the route's {@link TlsPolicy}
 * (RFC 3207), and SMTP AUTH when the route has credentials (RFC 4954). Every failure is a value
 * with a reason; nothing here throws for a remote problem.
 */
public final class SessionOpener {

    private final ClientSettings settings;
    private final IoWatchdog watchdog;
    private final Clock clock;

    public SessionOpener(ClientSettings settings, IoWatchdog watchdog, Clock clock) {
        this.settings = Objects.requireNonNull(settings);
        this.watchdog = Objects.requireNonNull(watchdog);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * @param tls the route's policy; pass {@link TlsPolicy#NONE} for the clear-text retry of a
     *     {@link TlsPolicy#MAY} route whose handshake failed
     */
    public Opening open(Target target, Dialect dialect, TlsPolicy tls, Optional<Credentials> credentials) {
        Wire wire;
        try {
            wire = switch (target) {
                case Target.Inet inet -> Wire.connect(inet, settings.timeouts().connect(), watchdog);
                case Target.Unix unix -> Wire.connect(unix, watchdog);
            };
        } catch (IOException e) {
            return Opening.Failed.temporary("4.4.1 connect to " + target.describe() + ": " + describe(e));
        }
        SmtpClientSession session = new SmtpClientSession(target, dialect, wire, settings.timeouts(), clock.instant());
        String stage = "receiving the initial server greeting";
        try {
            SmtpReply greeting = session.read(settings.timeouts().greeting());
            if (!greeting.isPositive()) {
                return refused(session, greeting, "refused to talk to me");
            }
            stage = "performing the " + dialect.hello();
            Optional<Opening.Failed> failure = hello(session, dialect);
            if (failure.isEmpty()) {
                stage = "performing STARTTLS";
                failure = StartTls.negotiate(session, tls, factoryFor(tls), settings.heloName());
            }
            if (failure.isEmpty() && credentials.isPresent()) {
                stage = "authenticating";
                failure = authenticate(session, credentials.get());
            }
            return failure.<Opening>map(f -> f).orElseGet(() -> new Opening.Opened(session));
        } catch (IOException e) {
            session.markBroken();
            session.close();
            String what = e instanceof java.net.SocketTimeoutException ? "conversation with " + target.describe() + " timed out"
                    : "lost connection with " + target.describe();
            return Opening.Failed.temporary("4.4.2 " + what + " while " + stage + ": " + describe(e));
        }
    }

    private Optional<Opening.Failed> hello(SmtpClientSession session, Dialect dialect) throws IOException {
        SmtpReply reply = session.command(dialect.hello() + " " + settings.heloName(), settings.timeouts().greeting());
        if (reply.isPositive()) {
            session.capabilities(Capabilities.parse(reply));
            return Optional.empty();
        }
        if (dialect == Dialect.SMTP && reply.isPermanent()) {
            SmtpReply helo = session.command("HELO " + settings.heloName(), settings.timeouts().greeting());
            if (helo.isPositive()) {
                return Optional.empty();
            }
            reply = helo;
        }
        return Optional.of(refused(session, reply, "refused " + dialect.hello()));
    }

    private static Optional<Opening.Failed> authenticate(SmtpClientSession session, Credentials credentials) throws IOException {
        String host = session.target().describe();
        if (!session.tlsActive()) {
            return Optional.of(close(session, Opening.Failed.temporary(
                    "4.7.0 refusing to send credentials to " + host + " without TLS (RFC 4954 §4)")));
        }
        Optional<String> mechanism = SaslAuthenticator.choose(session.capabilities().authMechanisms());
        if (mechanism.isEmpty()) {
            return Optional.of(close(session, Opening.Failed.temporary(
                    "4.7.0 " + host + " offers no SASL mechanism we use (PLAIN, LOGIN): " + session.capabilities().authMechanisms())));
        }
        SmtpReply reply = SaslAuthenticator.authenticate(session, mechanism.get(), credentials);
        if (reply.code() == 235) {
            return Optional.empty();
        }
        // A rejected login is a configuration problem to fix, not a reason to bounce (Postfix's smtp_sasl_auth_soft_bounce).
        return Optional.of(close(session, Opening.Failed.temporary(
                "4.7.0 authentication failed: " + RemoteReply.of(session.target(), reply, "AUTH"))));
    }

    static Opening.Failed refused(SmtpClientSession session, SmtpReply reply, String what) {
        String reason = "host " + session.target().describe() + " " + what + ": " + reply.oneLine();
        return close(session, new Opening.Failed(reason, reply.isPermanent(), false));
    }

    static Opening.Failed close(SmtpClientSession session, Opening.Failed failure) {
        session.close();
        return failure;
    }

    private SSLSocketFactory factoryFor(TlsPolicy tls) {
        return tls == TlsPolicy.VERIFY ? settings.verifyingTls().getSocketFactory() : InsecureTrustAllTls.socketFactory();
    }

    static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
