package sempgw.semp.ingress.http;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reserves an h2 request's body bytes from the {@link MessageBudget} before it is aggregated:
 * the declared {@code content-length}, or the largest message when none is declared. Without
 * budget the request is answered 503 at once and its body discarded (TRANSPORT.md §4.2.2); an
 * over-long declared length passes on, for the aggregator's 413. The reservation is returned
 * when the stream closes. One instance per h2 stream.
 *
 * <p>Reference counting: a refused request and its content are released here.
 */
final class BodyBudgetHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(BodyBudgetHandler.class);

    private final MessageBudget budget;
    private final int maxMessageBytes;
    private boolean refused;

    BodyBudgetHandler(MessageBudget budget, int maxMessageBytes) {
        this.budget = budget;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            long need = request instanceof FullHttpRequest full ? full.content().readableBytes()
                    : HttpUtil.getContentLength(request, (long) maxMessageBytes);
            if (need > maxMessageBytes || need == 0 || reserve(ctx, need)) {
                ctx.fireChannelRead(msg);
                return;
            }
            refused = true;
            ReferenceCountUtil.release(msg);
            LOG.debug("{} refused: message budget exhausted", ctx.channel());
            ctx.writeAndFlush(HttpResponses.error(ctx.alloc(), HttpResponseStatus.SERVICE_UNAVAILABLE, "server busy"))
                    .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        } else if (refused && msg instanceof HttpContent) {
            ReferenceCountUtil.release(msg);
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    private boolean reserve(ChannelHandlerContext ctx, long bytes) {
        if (!budget.tryReserve(bytes)) {
            return false;
        }
        ctx.channel().closeFuture().addListener(closed -> budget.release(bytes));
        return true;
    }
}
