package sempgw.smtp.ingress.session;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;
import sempgw.smtp.ingress.protocol.Replies;
import sempgw.smtp.ingress.protocol.SmtpReply;

/**
 * Admits sessions (SubEthaSMTP calls it before the greeting) and keeps the list of live ones.
 * Steps, in order: while draining -> {@code 421 4.3.2}; at the total limit -> {@code 421 4.7.0};
 * at the per-client-address limit -> {@code 421 4.7.0} (Postfix's
 * {@code smtpd_client_connection_count_limit}). SubEthaSMTP only reports the end of admitted
 * sessions, so only those are counted.
 */
public final class ConnectionLimiter implements SessionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimiter.class);

    private final int maxTotal;
    private final int maxPerClient;
    private final String hostname;
    private final Map<InetAddress, Integer> perClient = new HashMap<>();
    private final Set<Session> live = new LinkedHashSet<>();
    private boolean draining;

    public ConnectionLimiter(int maxTotal, int maxPerClient, String hostname) {
        this.maxTotal = maxTotal;
        this.maxPerClient = maxPerClient;
        this.hostname = hostname;
    }

    @Override
    public synchronized SessionAcceptance accept(Session session) {
        InetAddress client = session.getRemoteAddress().getAddress();
        if (draining) {
            return refuse(Replies.shuttingDown(hostname));
        }
        if (live.size() >= maxTotal) {
            LOG.warn("connection from [{}] refused: {} connections in total", client.getHostAddress(), live.size());
            return refuse(Replies.tooManyConnections(hostname));
        }
        int count = perClient.getOrDefault(client, 0);
        if (count >= maxPerClient) {
            LOG.warn("connection from [{}] refused: {} connections from this address", client.getHostAddress(), count);
            return refuse(Replies.tooManyConnectionsFrom(hostname, client.getHostAddress()));
        }
        perClient.put(client, count + 1);
        live.add(session);
        return SessionAcceptance.success();
    }

    @Override
    public synchronized void onSessionEnd(Session session) {
        if (live.remove(session)) {
            perClient.computeIfPresent(session.getRemoteAddress().getAddress(), (k, v) -> v == 1 ? null : v - 1);
        }
    }

    /** Refuses every new session from now on and returns the live ones. */
    public synchronized List<Session> drain() {
        draining = true;
        return new ArrayList<>(live);
    }

    public synchronized int liveSessions() {
        return live.size();
    }

    private static SessionAcceptance refuse(SmtpReply reply) {
        return SessionAcceptance.failure(reply.code(), reply.enhanced() + " " + reply.text());
    }
}
