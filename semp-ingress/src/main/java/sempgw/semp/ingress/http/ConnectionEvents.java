package sempgw.semp.ingress.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of every connection: closes it when the peer has been idle for
 * {@code idleTimeout}, on any error, and logs one DEBUG line per connection event. Faults of the
 * peer (garbage, TLS failures, resets) log at DEBUG; anything else at WARN.
 */
final class ConnectionEvents extends ChannelInboundHandlerAdapter {
    static final String NAME = "events";
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionEvents.class);

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        LOG.debug("{} connected", ctx.channel().remoteAddress());
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        LOG.debug("{} disconnected", ctx.channel().remoteAddress());
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ReferenceCountUtil.release(msg);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            LOG.debug("{} idle: closing", ctx.channel().remoteAddress());
            ctx.close();
        } else {
            ReferenceCountUtil.release(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof DecoderException || cause instanceof SSLException || cause instanceof IOException) {
            LOG.debug("{} closing after peer error: {}", ctx.channel().remoteAddress(), Failures.describe(cause));
        } else {
            LOG.warn("{} closing after error: {}", ctx.channel().remoteAddress(), Failures.describe(cause));
        }
        ctx.close();
    }
}
