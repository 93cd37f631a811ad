package sempgw.semp.ingress.http;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's open h2 tunnels by {@code Semp-Session-Id} (TRANSPORT.md §4.2.3). Ids are 128
 * random bits, so that a tunnel cannot be guessed; a tunnel is usable from any connection
 * (TRANSPORT.md §8.3). Forgetting a tunnel closes its conversation.
 *
 * <p>A client never says that it is done with a tunnel, so an idle one lives until it expires.
 * Besides the server-wide cap, each remote address may hold only {@code maxPerAddress} tunnels,
 * so that one peer opening tunnels faster than they expire cannot take the table from everyone.
 */
final class TunnelTable {
    private static final Logger LOG = LoggerFactory.getLogger(TunnelTable.class);
    /** Longer header values are never looked up. */
    static final int MAX_ID_LENGTH = 64;

    private final Map<String, Tunnel> tunnels = new ConcurrentHashMap<>();
    private final Map<InetAddress, Integer> perAddress = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final int maxTunnels;
    private final int maxPerAddress;
    private final long idleNanos;

    TunnelTable(int maxTunnels, int maxPerAddress, long idleNanos) {
        this.maxTunnels = maxTunnels;
        this.maxPerAddress = maxPerAddress;
        this.idleNanos = idleNanos;
    }

    /**
     * A new tunnel with a fresh id, or empty when {@code maxTunnels} are open or {@code owner}
     * holds {@code maxPerAddress}. Serialized, so that streams on several event loops cannot open
     * past the caps together.
     */
    synchronized Optional<Tunnel> open(InetAddress owner, Supplier<ConversationTurns> turns, long nowNanos) {
        if (tunnels.size() >= maxTunnels || perAddress.getOrDefault(owner, 0) >= maxPerAddress) {
            return Optional.empty();
        }
        byte[] raw = new byte[16];
        random.nextBytes(raw);
        Tunnel tunnel = new Tunnel(Base64.getUrlEncoder().withoutPadding().encodeToString(raw), owner, turns.get(), nowNanos);
        perAddress.merge(owner, 1, Integer::sum);
        tunnels.put(tunnel.id(), tunnel);
        LOG.debug("tunnel {} opened", tunnel.logId());
        return Optional.of(tunnel);
    }

    Optional<Tunnel> find(String id) {
        return id.length() > MAX_ID_LENGTH ? Optional.empty() : Optional.ofNullable(tunnels.get(id));
    }

    /** Removes the tunnel and closes its conversation (after its pending messages). */
    void forget(Tunnel tunnel, String why) {
        if (tunnels.remove(tunnel.id(), tunnel)) {
            perAddress.computeIfPresent(tunnel.owner(), (a, n) -> n > 1 ? n - 1 : null);
            LOG.debug("tunnel {} closed: {}", tunnel.logId(), why);
            tunnel.turns().close();
        }
    }

    /** Forgets every tunnel idle for the configured time; returns how many. */
    int expire(long nowNanos) {
        long cutoff = nowNanos - idleNanos;
        int expired = 0;
        for (Tunnel tunnel : tunnels.values()) {
            if (tunnel.idleSince(cutoff)) {
                forget(tunnel, "idle");
                expired++;
            }
        }
        return expired;
    }

    void closeAll() {
        tunnels.values().forEach(tunnel -> forget(tunnel, "server stopping"));
    }

    int size() {
        return tunnels.size();
    }
}
