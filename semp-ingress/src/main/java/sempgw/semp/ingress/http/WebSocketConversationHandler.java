package sempgw.semp.ingress.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket binding (TRANSPORT.md §4.1): one {@code ws} conversation per connection, one text
 * message per SEMP message, each reply one text message. A silent reply sends nothing; a finished
 * conversation gets its reply first, then a close frame (TRANSPORT.md §4.1.3). Binary messages
 * are refused with close 1003 (TRANSPORT.md §4.1.2; RFC 6455 §7.4.1); a message the conversation
 * cannot parse as SEMP with close 1007, the WebSocket form of the h2 400 (ERRORS.md §12:
 * "equivalent transport-level error signals in other bindings"). Pings go out every
 * {@code wsPingInterval} (TRANSPORT.md §4.1.3); Netty's protocol handler answers the peer's.
 *
 * <p>Backpressure: reading stops while a message is with the conversation and resumes when its
 * turn is over, so a connection buffers at most one message beyond what one socket read holds.
 *
 * <p>Reference counting: data frames are released here once their bytes are copied.
 */
final class WebSocketConversationHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketConversationHandler.class);

    private final Services services;
    private ConversationTurns turns;
    private ScheduledFuture<?> pings;
    private int pending;
    private boolean closing;
    /** Keepalive ticks seen while the peer has sent nothing: the second closes the connection. */
    private int silentTicks;

    WebSocketConversationHandler(Services services) {
        this.services = services;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
            turns = new ConversationTurns(services.threads(), () -> services.federation().open(remote, "ws"),
                    services.clock(), services.config().maxPendingMessages());
            long ping = services.config().wsPingInterval().toMillis();
            if (ping > 0) {
                pings = ctx.executor().scheduleAtFixedRate(() -> tick(ctx), ping, ping, TimeUnit.MILLISECONDS);
            }
            LOG.debug("{} websocket conversation opened", remote);
        }
        ctx.fireUserEventTriggered(event);
    }

    /**
     * The keepalive ping (TRANSPORT.md §4.1.3), or the close of a conversation that ended between
     * messages: a handshake not completed within its timeout closes the connection (HANDSHAKE.md
     * §6.6), which the peer's pongs would otherwise keep open; so does a peer that has sent no
     * message by the second tick (60 s at the default interval), whose handshake never began.
     */
    private void tick(ChannelHandlerContext ctx) {
        if (turns.finishedAndIdle()) {
            closeWith(ctx, WebSocketCloseStatus.POLICY_VIOLATION, "handshake not completed in time");
        } else if (turns.silentSoFar() && ++silentTicks >= 2) {
            closeWith(ctx, WebSocketCloseStatus.POLICY_VIOLATION, "no handshake started");
        } else {
            ctx.writeAndFlush(new PingWebSocketFrame());
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof WebSocketFrame frame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        boolean text = frame instanceof TextWebSocketFrame;
        byte[] message = text ? ByteBufUtil.getBytes(frame.content()) : null;
        frame.release();
        if (closing || turns == null) {
            return;
        }
        if (frame instanceof BinaryWebSocketFrame) {
            closeWith(ctx, WebSocketCloseStatus.INVALID_MESSAGE_TYPE, "binary messages are not used");
        } else if (text) {
            if (services.clockWatch().refusal().isPresent()) {
                closeWith(ctx, WebSocketCloseStatus.TRY_AGAIN_LATER, "clock state unknown");
            } else if (!services.inFlight().tryBegin()) {
                closeWith(ctx, WebSocketCloseStatus.ENDPOINT_UNAVAILABLE, "server stopping");
            } else if (turns.submit(message, outcome -> ctx.executor().execute(() -> deliver(ctx, outcome)))) {
                pending++;
                ctx.channel().config().setAutoRead(false);
            } else {
                services.inFlight().end();
                closeWith(ctx, WebSocketCloseStatus.POLICY_VIOLATION, "too many pending messages");
            }
        }
    }

    private void deliver(ChannelHandlerContext ctx, TurnOutcome outcome) {
        try {
            if (--pending == 0) {
                ctx.channel().config().setAutoRead(true);
            }
            if (closing || !ctx.channel().isActive()) {
                return;
            }
            switch (outcome) {
                case TurnOutcome.Reply(byte[] body, boolean finished) -> {
                    ctx.writeAndFlush(new TextWebSocketFrame(ctx.alloc().buffer(body.length).writeBytes(body)));
                    if (finished) {
                        closeWith(ctx, WebSocketCloseStatus.NORMAL_CLOSURE, "");
                    }
                }
                case TurnOutcome.Silent(boolean finished) -> {
                    if (finished) {
                        closeWith(ctx, WebSocketCloseStatus.NORMAL_CLOSURE, "");
                    }
                }
                case TurnOutcome.Malformed(boolean finished) ->
                        closeWith(ctx, WebSocketCloseStatus.INVALID_PAYLOAD_DATA, "malformed SEMP message");
                case TurnOutcome.Failed(RuntimeException cause) -> {
                    LOG.warn("{} websocket conversation failed: {}", ctx.channel().remoteAddress(), Failures.describe(cause));
                    closeWith(ctx, WebSocketCloseStatus.INTERNAL_SERVER_ERROR, "internal error");
                }
            }
        } finally {
            services.inFlight().end();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException && turns != null) {
            LOG.debug("{} websocket message too large", ctx.channel().remoteAddress());
            closeWith(ctx, WebSocketCloseStatus.MESSAGE_TOO_BIG, "message too large");
        } else {
            ctx.fireExceptionCaught(cause);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (pings != null) {
            pings.cancel(false);
        }
        if (turns != null) {
            turns.close();
        }
        ctx.fireChannelInactive();
    }

    private void closeWith(ChannelHandlerContext ctx, WebSocketCloseStatus status, String reason) {
        if (closing) {
            return;
        }
        closing = true;
        LOG.debug("{} websocket closing: {} {}", ctx.channel().remoteAddress(), status.code(), reason);
        ctx.writeAndFlush(new CloseWebSocketFrame(status, reason)).addListener(ChannelFutureListener.CLOSE);
    }
}
