package sempgw.semp.ingress.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One h2 POST into a tunnel (TRANSPORT.md §4.2.3): without {@code Semp-Session-Id} it opens a
 * tunnel and a {@code h2} conversation, and the response carries the new id; with it, the message
 * goes to that tunnel's conversation, or is answered 400 when the id is unknown or expired. The
 * reply is the 200 body; a silent reply holds the stream for {@code silentHold}, then resets it;
 * a message the conversation finds malformed is 400 (TRANSPORT.md §4.2.2). Envelopes of an
 * established session run side by side, up to {@link #MAX_CONCURRENT_ENVELOPES} per tunnel
 * (TRANSPORT.md §4.3.2, §8.3); handshake and rekey messages run alone ({@link ConversationTurns}).
 *
 * <p>Reference counting: {@link #handle} takes ownership of the request and releases it.
 */
final class TunnelExchange {
    private static final Logger LOG = LoggerFactory.getLogger(TunnelExchange.class);

    /** Envelopes of one tunnel handled at the same time at most; more wait for their turn. */
    static final int MAX_CONCURRENT_ENVELOPES = 32;

    private final Services services;

    TunnelExchange(Services services) {
        this.services = services;
    }

    void handle(ChannelHandlerContext ctx, FullHttpRequest request) {
        String id = request.headers().get(HttpResponses.SESSION_HEADER);
        byte[] message = ByteBufUtil.getBytes(request.content());
        request.release();
        Channel stream = ctx.channel();
        Optional<String> clockUnknown = services.clockWatch().refusal();
        if (clockUnknown.isPresent()) {
            LOG.debug("h2 message refused: clock state unknown: {}", clockUnknown.get());
            reply(stream, HttpResponses.error(ctx.alloc(), HttpResponseStatus.SERVICE_UNAVAILABLE, "clock state unknown"));
            return;
        }
        if (!services.inFlight().tryBegin()) {
            reply(stream, HttpResponses.error(ctx.alloc(), HttpResponseStatus.SERVICE_UNAVAILABLE, "server stopping"));
            return;
        }
        admit(stream, id, message);
    }

    /** Runs with one in-flight count taken; it ends when the reply is written or refused. */
    private void admit(Channel stream, String id, byte[] message) {
        Optional<Tunnel> found = id == null ? open(stream) : services.tunnels().find(id);
        if (found.isEmpty()) {
            services.inFlight().end();
            reply(stream, id == null
                    ? HttpResponses.error(stream.alloc(), HttpResponseStatus.SERVICE_UNAVAILABLE, "too many tunnels")
                    : HttpResponses.error(stream.alloc(), HttpResponseStatus.BAD_REQUEST, "unknown or expired " + HttpResponses.SESSION_HEADER));
            return;
        }
        Tunnel tunnel = found.get();
        tunnel.begin();
        boolean queued = tunnel.turns().submit(message,
                outcome -> stream.eventLoop().execute(() -> deliver(stream, tunnel, outcome)));
        if (!queued) {
            tunnel.end(System.nanoTime());
            services.inFlight().end();
            reply(stream, HttpResponses.error(stream.alloc(), HttpResponseStatus.TOO_MANY_REQUESTS, "too many pending messages"));
        }
    }

    private Optional<Tunnel> open(Channel stream) {
        InetSocketAddress remote = (InetSocketAddress) stream.parent().remoteAddress();
        return services.tunnels().open(remote.getAddress(), () -> new ConversationTurns(services.threads(),
                () -> services.federation().open(remote, "h2"), services.clock(),
                services.config().maxPendingMessages(), MAX_CONCURRENT_ENVELOPES), System.nanoTime());
    }

    private void deliver(Channel stream, Tunnel tunnel, TurnOutcome outcome) {
        try {
            tunnel.end(System.nanoTime());
            switch (outcome) {
                case TurnOutcome.Reply(byte[] body, boolean finished) -> {
                    if (finished) {
                        services.tunnels().forget(tunnel, "conversation finished");
                    }
                    reply(stream, HttpResponses.sempReply(stream.alloc(), body, tunnel.id()));
                }
                case TurnOutcome.Silent(boolean finished) -> {
                    if (finished) {
                        services.tunnels().forget(tunnel, "conversation finished");
                    }
                    hold(stream);
                }
                case TurnOutcome.Malformed(boolean finished) -> {
                    if (finished) {
                        services.tunnels().forget(tunnel, "malformed message");
                    }
                    reply(stream, HttpResponses.error(stream.alloc(), HttpResponseStatus.BAD_REQUEST, "malformed SEMP message"));
                }
                case TurnOutcome.Failed(RuntimeException cause) -> {
                    LOG.warn("tunnel {} conversation failed: {}", tunnel.logId(), Failures.describe(cause));
                    services.tunnels().forget(tunnel, "conversation failed");
                    reply(stream, HttpResponses.error(stream.alloc(), HttpResponseStatus.SERVICE_UNAVAILABLE, "temporarily unavailable"));
                }
            }
        } finally {
            services.inFlight().end();
        }
    }

    /** Silent: nothing is sent; the stream is reset once the hold passes. */
    private void hold(Channel stream) {
        long millis = services.config().silentHold().toMillis();
        stream.eventLoop().schedule(() -> {
            if (stream.isActive()) {
                LOG.debug("{} silent reply: stream reset after {} ms", stream, millis);
                stream.close();
            }
        }, millis, TimeUnit.MILLISECONDS);
    }

    private static void reply(Channel stream, FullHttpResponse response) {
        if (!stream.isActive()) {
            response.release();
            return;
        }
        stream.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }
}
