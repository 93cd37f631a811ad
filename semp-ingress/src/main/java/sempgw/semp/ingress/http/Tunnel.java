package sempgw.semp.ingress.http;

import java.net.InetAddress;

/**
 * One h2 tunnel: a conversation reached by POSTs carrying the same {@code Semp-Session-Id}
 * (TRANSPORT.md §4.2.3). The id is transport-level and unrelated to the SEMP {@code session_id}.
 * Idle time is measured from the last reply, and never while a message is being handled.
 */
final class Tunnel {
    private final String id;
    private final InetAddress owner;
    private final ConversationTurns turns;
    private long lastUsedNanos;
    private int busy;

    Tunnel(String id, InetAddress owner, ConversationTurns turns, long nowNanos) {
        this.id = id;
        this.owner = owner;
        this.turns = turns;
        this.lastUsedNanos = nowNanos;
    }

    String id() {
        return id;
    }

    /** The address whose POST opened the tunnel; its tunnels count against one per-address cap. */
    InetAddress owner() {
        return owner;
    }

    /** The first 8 characters: enough to follow a tunnel in the log, not enough to use it. */
    String logId() {
        return id.substring(0, 8);
    }

    ConversationTurns turns() {
        return turns;
    }

    synchronized void begin() {
        busy++;
    }

    synchronized void end(long nowNanos) {
        busy--;
        lastUsedNanos = nowNanos;
    }

    synchronized boolean idleSince(long cutoffNanos) {
        return busy == 0 && lastUsedNanos - cutoffNanos < 0;
    }
}
