package sempgw.semp.ingress.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of an h2 stream: a stream's error resets that stream only, never the
 * connection. Peer faults log at DEBUG, our own at WARN.
 */
final class StreamEvents extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(StreamEvents.class);

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ReferenceCountUtil.release(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof DecoderException) {
            LOG.debug("{} stream error: {}", ctx.channel(), Failures.describe(cause));
        } else {
            LOG.warn("{} stream error: {}", ctx.channel(), Failures.describe(cause));
        }
        ctx.close();
    }
}
