package sempgw.smtp.ingress.command;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.subethamail.smtp.server.Session;
import sempgw.smtp.ingress.protocol.ReceivedHeader;
import sempgw.smtp.ingress.session.ClientSocket;
import sempgw.smtp.ingress.session.IngressTransaction;
import sempgw.store.queue.Origin;

/** Where a message came from, as the queue's {@link Origin} and as its {@code Received:} header. */
final class Trace {
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private Trace() {
    }

    static Origin origin(Session session) {
        return new Origin(session.getRemoteAddress().getAddress(), session.getHelo().orElse("unknown"),
                protocol(session, false), user(session));
    }

    static byte[] receivedHeader(Session session, IngressTransaction tx, String hostname, String traceId, Clock clock) {
        return ReceivedHeader.format(session.getHelo().orElse("unknown"), session.getRemoteAddress().getAddress(), hostname,
                protocol(session, tx.sender().smtpUtf8()), traceId, tx.singleRecipient(), ZonedDateTime.now(clock));
    }

    /** RFC 3848 (ESMTP, ESMTPS, ESMTPA, ESMTPSA) and RFC 6531 §3.7.3 (UTF8SMTP...). */
    static String protocol(Session session, boolean smtpUtf8) {
        if (!ClientSocket.of(session).extended()) {
            return "SMTP";
        }
        return (smtpUtf8 ? "UTF8SMTP" : "ESMTP") + (session.isTLSStarted() ? "S" : "") + (session.isAuthenticated() ? "A" : "");
    }

    static Optional<String> user(Session session) {
        return session.getAuthenticationHandler().map(h -> String.valueOf(h.getIdentity()));
    }

    /** A 13-character id for the {@code Received:} header, unique enough to find a message in the log. */
    static String newTraceId() {
        long v = ThreadLocalRandom.current().nextLong();
        char[] id = new char[13];
        for (int i = id.length - 1; i >= 0; i--) {
            id[i] = ALPHABET.charAt((int) (v & 31));
            v >>>= 5;
        }
        return new String(id);
    }
}
