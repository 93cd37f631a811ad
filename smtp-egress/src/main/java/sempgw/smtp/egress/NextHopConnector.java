package sempgw.smtp.egress;

import java.util.Objects;
import sempgw.smtp.egress.client.Opening;
import sempgw.smtp.egress.client.SessionOpener;
import sempgw.smtp.egress.client.SmtpClientSession;
import sempgw.smtp.egress.client.Target;
import sempgw.smtp.egress.client.TlsPolicy;
import sempgw.smtp.egress.route.MxResolver;
import sempgw.smtp.egress.route.Resolution;
import sempgw.smtp.egress.route.Route;

/**
 * Opens a session to a route's next hop: resolves it, then tries each address in order until
 * one gives a ready session (RFC 5321 §5.1: try the next MX when a host cannot be reached or
 * refuses to talk). A {@link TlsPolicy#MAY} route whose TLS handshake failed tries the same
 * address again in clear (see {@link TlsPolicy}). When every address failed, the last failure
 * is the reason; it is permanent only if every address refused permanently.
 */
final class NextHopConnector {

    private final MxResolver resolver;
    private final SessionOpener opener;

    NextHopConnector(MxResolver resolver, SessionOpener opener) {
        this.resolver = Objects.requireNonNull(resolver);
        this.opener = Objects.requireNonNull(opener);
    }

    sealed interface Connection {
        record Connected(SmtpClientSession session) implements Connection {
        }

        record Unavailable(String reason, boolean permanent) implements Connection {
        }
    }

    Connection connect(Route route) {
        Resolution resolution = resolver.resolve(route);
        if (resolution instanceof Resolution.Unroutable(String reason, boolean permanent)) {
            return new Connection.Unavailable(reason, permanent);
        }
        Opening.Failed lastTemporary = null;
        Opening.Failed lastPermanent = null;
        for (Target target : ((Resolution.Targets) resolution).targets()) {
            Opening opening = opener.open(target, route.dialect(), route.tls(), route.credentials());
            if (opening instanceof Opening.Failed failed && failed.tlsHandshakeFailed() && route.tls() == TlsPolicy.MAY) {
                opening = opener.open(target, route.dialect(), TlsPolicy.NONE, route.credentials());
            }
            switch (opening) {
                case Opening.Opened(SmtpClientSession session) -> {
                    return new Connection.Connected(session);
                }
                case Opening.Failed failed when failed.permanent() -> lastPermanent = failed;
                case Opening.Failed failed -> lastTemporary = failed;
            }
        }
        return lastTemporary != null
                ? new Connection.Unavailable(lastTemporary.reason(), false)
                : new Connection.Unavailable(lastPermanent.reason(), true);
    }
}
