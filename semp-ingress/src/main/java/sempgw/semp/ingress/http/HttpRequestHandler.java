package sempgw.semp.ingress.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.semp.ingress.HttpAnswer;
import sempgw.semp.ingress.WellKnownDocuments;

/**
 * Routes each complete request ({@link HttpRoutes}): documents to {@link WellKnownDocuments} on a
 * virtual thread, h2 tunnel POSTs to {@link TunnelExchange}, the WebSocket upgrade onwards to
 * {@link WebSocketGate}; everything else is answered here (400, 404, 405, 413).
 *
 * <p>One instance per HTTP/1.1 connection or per h2 stream. On HTTP/1.1 requests are answered in
 * order: reading pauses while a document is computed and pipelined requests wait their turn.
 *
 * <p>Reference counting: every {@link FullHttpRequest} is released here, except one passed on to
 * the next handler or to {@link TunnelExchange}, which then owns it.
 */
final class HttpRequestHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(HttpRequestHandler.class);

    private final Services services;
    private final boolean h2;
    private final ArrayDeque<FullHttpRequest> waiting = new ArrayDeque<>();
    private boolean busy;

    HttpRequestHandler(Services services, boolean h2) {
        this.services = services;
        this.h2 = h2;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ctx.fireChannelRead(msg);
        } else if (busy) {
            waiting.add(request);
        } else {
            route(ctx, request);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        waiting.forEach(FullHttpRequest::release);
        waiting.clear();
        ctx.fireChannelInactive();
    }

    private void route(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            HttpUtil.setKeepAlive(request, false);
            respond(ctx, request, HttpResponses.error(ctx.alloc(), HttpResponseStatus.BAD_REQUEST, "malformed request"));
            return;
        }
        WellKnownDocuments documents = services.documents();
        switch (HttpRoutes.resolve(request.method(), request.uri(), h2, services.config().webSocket())) {
            case HttpRoute.Configuration c -> document(ctx, request, "configuration", documents::configuration);
            case HttpRoute.DomainKeys d -> document(ctx, request, "domain-keys", documents::domainKeys);
            case HttpRoute.UserKeys(String address) -> document(ctx, request, "keys", () -> documents.userKeys(address));
            case HttpRoute.UserKeysBatch b -> batch(ctx, request);
            case HttpRoute.Tunnel t -> new TunnelExchange(services).handle(ctx, request);
            case HttpRoute.WebSocketUpgrade w -> upgrade(ctx, request);
            case HttpRoute.MethodNotAllowed(String allow) -> respond(ctx, request, HttpResponses.notAllowed(ctx.alloc(), allow));
            case HttpRoute.BadRequest(String why) -> respond(ctx, request, HttpResponses.error(ctx.alloc(), HttpResponseStatus.BAD_REQUEST, why));
            case HttpRoute.NotFound n -> respond(ctx, request, HttpResponses.error(ctx.alloc(), HttpResponseStatus.NOT_FOUND, "not found"));
        }
    }

    /** Refuses an upgrade without {@code semp.v1}; passes a good one on to the WebSocket handler. */
    private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request) {
        Optional<String> refusal = WebSocketGate.refusal(request);
        if (refusal.isPresent()) {
            LOG.debug("{} websocket upgrade refused: {}", ctx.channel().remoteAddress(), refusal.get());
            respond(ctx, request, HttpResponses.error(ctx.alloc(), HttpResponseStatus.BAD_REQUEST, refusal.get()));
            return;
        }
        request.setUri(HttpRoutes.FEDERATE);
        ctx.fireChannelRead(request);
    }

    /** A batch key request larger than its own limit is 413 (TRANSPORT.md §4.2.2). */
    private void batch(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.content().readableBytes() > services.config().maxDocumentBodyBytes()) {
            respond(ctx, request, HttpResponses.error(ctx.alloc(), HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "request too large"));
            return;
        }
        byte[] body = ByteBufUtil.getBytes(request.content());
        document(ctx, request, "keys batch", () -> services.documents().userKeysBatch(body));
    }

    /** Computes the answer on a virtual thread; {@code name} is what the log may say (never an address). */
    private void document(ChannelHandlerContext ctx, FullHttpRequest request, String name, Supplier<HttpAnswer> call) {
        busy = true;
        if (!h2) {
            ctx.channel().config().setAutoRead(false);
        }
        services.threads().execute(() -> {
            FullHttpResponse response;
            try {
                response = HttpResponses.answer(ctx.alloc(), call.get());
            } catch (RuntimeException e) {
                LOG.warn("document {} failed: {}", name, Failures.describe(e));
                response = HttpResponses.error(ctx.alloc(), HttpResponseStatus.SERVICE_UNAVAILABLE, "temporarily unavailable");
            }
            FullHttpResponse ready = response;
            ctx.channel().eventLoop().execute(() -> {
                busy = false;
                respond(ctx, request, ready);
                if (!h2) {
                    ctx.channel().config().setAutoRead(true);
                }
                FullHttpRequest next = waiting.poll();
                if (next != null) {
                    route(ctx, next);
                }
            });
        });
    }

    private void respond(ChannelHandlerContext ctx, FullHttpRequest request, FullHttpResponse response) {
        boolean keepAlive = h2 || HttpUtil.isKeepAlive(request);
        request.release();
        if (!h2) {
            HttpUtil.setKeepAlive(response, keepAlive);
        }
        if (!ctx.channel().isActive()) {
            response.release();
            return;
        }
        ctx.writeAndFlush(response).addListener(keepAlive
                ? ChannelFutureListener.CLOSE_ON_FAILURE : ChannelFutureListener.CLOSE);
    }
}
