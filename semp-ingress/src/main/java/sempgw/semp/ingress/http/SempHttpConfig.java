package sempgw.semp.ingress.http;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * The HTTPS listener's settings and resource limits; each limit is enforced by the server itself.
 *
 * <table>
 * <caption>Limits and defaults</caption>
 * <tr><td>{@code maxEnvelopeBytes}</td><td>25 MiB: a federation message (h2 body, ws message) may be
 *     this plus {@link #MESSAGE_MARGIN_BYTES}; larger is 413 or ws close 1009 (TRANSPORT.md §4.2.2)</td></tr>
 * <tr><td>{@code maxDocumentBodyBytes}</td><td>64 KiB: a {@code POST keys/} batch request</td></tr>
 * <tr><td>{@code maxConnectionsPerAddress}</td><td>64 connections from one remote IP</td></tr>
 * <tr><td>{@code maxConnections}</td><td>4096 connections in total</td></tr>
 * <tr><td>{@code idleTimeout}</td><td>120 s without a byte from the peer closes the connection</td></tr>
 * <tr><td>{@code tlsHandshakeTimeout}</td><td>10 s</td></tr>
 * <tr><td>{@code h2MaxConcurrentStreams}</td><td>100 per connection (RFC 9113 §6.5.2)</td></tr>
 * <tr><td>{@code tunnelIdleTimeout}</td><td>60 s: an h2 {@code Semp-Session-Id} tunnel unused this long is closed</td></tr>
 * <tr><td>{@code maxTunnels}</td><td>4096 open h2 tunnels; then 503. One remote IP may hold
 *     {@link #maxTunnelsPerAddress()} of them</td></tr>
 * <tr><td>{@code silentHold}</td><td>35 s: an h2 stream answered silently is held, then reset</td></tr>
 * <tr><td>{@code wsPingInterval}</td><td>30 s (TRANSPORT.md §4.1.3); zero disables server pings</td></tr>
 * <tr><td>{@code maxPendingMessages}</td><td>8 messages queued on one conversation; more is 429 or ws close 1008</td></tr>
 * <tr><td>{@code maxBufferedBytes}</td><td>256 MiB of h2 request bodies held at once, server-wide; then 503</td></tr>
 * <tr><td>{@code stopGrace}</td><td>5 s for in-flight replies when the server stops</td></tr>
 * <tr><td>{@code webSocket}</td><td>true: the {@code ws} binding is served; false serves h2 only and
 *     answers the upgrade 404, matching a configuration document without {@code ws}
 *     (DISCOVERY.md §3.2.1)</td></tr>
 * </table>
 *
 * @param bind the local address; port 0 picks a free port (see {@link SempHttpServer#port()})
 */
public record SempHttpConfig(
        InetSocketAddress bind,
        long maxEnvelopeBytes,
        int maxDocumentBodyBytes,
        int maxConnectionsPerAddress,
        int maxConnections,
        Duration idleTimeout,
        Duration tlsHandshakeTimeout,
        int h2MaxConcurrentStreams,
        Duration tunnelIdleTimeout,
        int maxTunnels,
        Duration silentHold,
        Duration wsPingInterval,
        int maxPendingMessages,
        long maxBufferedBytes,
        Duration stopGrace,
        boolean webSocket) {

    /** Room for the JSON around an envelope and for handshake messages, above {@code maxEnvelopeBytes}. */
    public static final int MESSAGE_MARGIN_BYTES = 64 * 1024;

    public SempHttpConfig {
        Objects.requireNonNull(bind, "bind");
        positive(maxEnvelopeBytes, "maxEnvelopeBytes");
        if (maxEnvelopeBytes > Integer.MAX_VALUE - MESSAGE_MARGIN_BYTES) {
            throw new IllegalArgumentException("maxEnvelopeBytes too large: " + maxEnvelopeBytes);
        }
        positive(maxDocumentBodyBytes, "maxDocumentBodyBytes");
        positive(maxConnectionsPerAddress, "maxConnectionsPerAddress");
        positive(maxConnections, "maxConnections");
        positive(h2MaxConcurrentStreams, "h2MaxConcurrentStreams");
        positive(maxTunnels, "maxTunnels");
        positive(maxPendingMessages, "maxPendingMessages");
        positive(maxBufferedBytes, "maxBufferedBytes");
        positive(idleTimeout, "idleTimeout");
        positive(tlsHandshakeTimeout, "tlsHandshakeTimeout");
        positive(tunnelIdleTimeout, "tunnelIdleTimeout");
        positive(silentHold, "silentHold");
        positive(stopGrace, "stopGrace");
        Objects.requireNonNull(wsPingInterval, "wsPingInterval");
        if (wsPingInterval.isNegative()) {
            throw new IllegalArgumentException("wsPingInterval must not be negative");
        }
        if (idleTimeout.compareTo(silentHold) <= 0) {
            throw new IllegalArgumentException("idleTimeout must exceed silentHold, or held streams lose their connection");
        }
    }

    /** Settings serving both bindings ({@code webSocket} true). */
    public SempHttpConfig(InetSocketAddress bind, long maxEnvelopeBytes, int maxDocumentBodyBytes, int maxConnectionsPerAddress,
            int maxConnections, Duration idleTimeout, Duration tlsHandshakeTimeout, int h2MaxConcurrentStreams,
            Duration tunnelIdleTimeout, int maxTunnels, Duration silentHold, Duration wsPingInterval, int maxPendingMessages,
            long maxBufferedBytes, Duration stopGrace) {
        this(bind, maxEnvelopeBytes, maxDocumentBodyBytes, maxConnectionsPerAddress, maxConnections, idleTimeout, tlsHandshakeTimeout,
                h2MaxConcurrentStreams, tunnelIdleTimeout, maxTunnels, silentHold, wsPingInterval, maxPendingMessages, maxBufferedBytes,
                stopGrace, true);
    }

    /** The defaults listed above, listening on {@code bind}. */
    public static SempHttpConfig defaults(InetSocketAddress bind) {
        return new SempHttpConfig(bind, 25L * 1024 * 1024, 64 * 1024, 64, 4096,
                Duration.ofSeconds(120), Duration.ofSeconds(10), 100, Duration.ofSeconds(60), 4096,
                Duration.ofSeconds(35), Duration.ofSeconds(30), 8, 256L * 1024 * 1024, Duration.ofSeconds(5), true);
    }

    /** These settings serving the {@code ws} binding or not; pass {@code DocumentSettings.transports().contains("ws")}. */
    public SempHttpConfig withWebSocket(boolean serve) {
        return new SempHttpConfig(bind, maxEnvelopeBytes, maxDocumentBodyBytes, maxConnectionsPerAddress, maxConnections, idleTimeout,
                tlsHandshakeTimeout, h2MaxConcurrentStreams, tunnelIdleTimeout, maxTunnels, silentHold, wsPingInterval, maxPendingMessages,
                maxBufferedBytes, stopGrace, serve);
    }

    /**
     * The open h2 tunnels one remote IP may hold: four per allowed connection, at most
     * {@code maxTunnels}; beyond it that address gets 503 while others still open tunnels.
     */
    public int maxTunnelsPerAddress() {
        return (int) Math.min(maxTunnels, 4L * maxConnectionsPerAddress);
    }

    /** The largest federation message accepted: an h2 request body or a reassembled ws message. */
    public int maxMessageBytes() {
        return Math.toIntExact(maxEnvelopeBytes + MESSAGE_MARGIN_BYTES);
    }

    private static void positive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
