package sempgw.semp.ingress.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the TLS handshake, builds the pipeline for the protocol chosen by ALPN (RFC 7301):
 * {@code h2} (RFC 9113; one child channel per stream, each a complete-request pipeline) or
 * {@code http/1.1}, also the fallback without ALPN (documents and the WebSocket upgrade only).
 */
final class ProtocolNegotiator extends ApplicationProtocolNegotiationHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ProtocolNegotiator.class);
    /** The request header block a peer may send (RFC 9113 §6.5.2 SETTINGS_MAX_HEADER_LIST_SIZE). */
    static final int MAX_HEADER_BYTES = 16 * 1024;

    private final Services services;

    ProtocolNegotiator(Services services) {
        super(ApplicationProtocolNames.HTTP_1_1);
        this.services = services;
    }

    @Override
    protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
        LOG.debug("{} negotiated {}", ctx.channel().remoteAddress(), protocol);
        ChannelPipeline pipeline = ctx.pipeline();
        if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
            Http2Settings settings = Http2Settings.defaultSettings()
                    .maxConcurrentStreams(services.config().h2MaxConcurrentStreams())
                    .maxHeaderListSize(MAX_HEADER_BYTES);
            pipeline.addBefore(ConnectionEvents.NAME, "h2", Http2FrameCodecBuilder.forServer()
                    .initialSettings(settings)
                    .gracefulShutdownTimeoutMillis(services.config().stopGrace().toMillis())
                    .build());
            pipeline.addBefore(ConnectionEvents.NAME, "h2-streams", new Http2MultiplexHandler(streamInitializer()));
        } else if (ApplicationProtocolNames.HTTP_1_1.equals(protocol)) {
            http1(pipeline);
        } else {
            throw new IllegalStateException("unexpected application protocol: " + protocol);
        }
    }

    private ChannelInitializer<Http2StreamChannel> streamInitializer() {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Http2StreamChannel stream) {
                stream.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(true),
                        new BodyBudgetHandler(services.budget(), services.config().maxMessageBytes()),
                        new HttpObjectAggregator(services.config().maxMessageBytes()),
                        new HttpRequestHandler(services, true),
                        new StreamEvents());
            }
        };
    }

    private void http1(ChannelPipeline pipeline) {
        SempHttpConfig config = services.config();
        WebSocketServerProtocolConfig ws = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(HttpRoutes.FEDERATE)
                .subprotocols(WebSocketGate.SUBPROTOCOL)
                .checkStartsWith(false)
                .handshakeTimeoutMillis(config.tlsHandshakeTimeout().toMillis())
                .dropPongFrames(true)
                .decoderConfig(WebSocketDecoderConfig.newBuilder()
                        .maxFramePayloadLength(config.maxMessageBytes())
                        .allowExtensions(false)
                        .build())
                .build();
        pipeline.addBefore(ConnectionEvents.NAME, "http", new HttpServerCodec());
        pipeline.addBefore(ConnectionEvents.NAME, "http-aggregator", new HttpObjectAggregator(config.maxDocumentBodyBytes()));
        pipeline.addBefore(ConnectionEvents.NAME, "requests", new HttpRequestHandler(services, false));
        pipeline.addBefore(ConnectionEvents.NAME, "ws", new WebSocketServerProtocolHandler(ws));
        pipeline.addBefore(ConnectionEvents.NAME, "ws-aggregator", new WebSocketFrameAggregator(config.maxMessageBytes()));
        pipeline.addBefore(ConnectionEvents.NAME, "ws-conversation", new WebSocketConversationHandler(services));
    }

    @Override
    protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("{} TLS handshake failed: {}", ctx.channel().remoteAddress(), Failures.describe(cause));
        ctx.close();
    }
}
