package sempgw.semp.ingress.http;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one initializer of the HTTPS listener: connection limits, then TLS (with a handshake
 * timeout), an idle timer on the peer's reads, ALPN, and {@link ConnectionEvents} last.
 * A connection over a limit is closed before TLS starts.
 */
final class SempChannelInitializer extends ChannelInitializer<SocketChannel> {
    private static final Logger LOG = LoggerFactory.getLogger(SempChannelInitializer.class);

    private final Services services;
    private final SslContext tls;
    private final ConnectionLimiter limiter;
    private final ChannelGroup channels;

    SempChannelInitializer(Services services, SslContext tls, ConnectionLimiter limiter, ChannelGroup channels) {
        this.services = services;
        this.tls = tls;
        this.limiter = limiter;
        this.channels = channels;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        InetAddress address = channel.remoteAddress().getAddress();
        if (!limiter.tryAcquire(address)) {
            LOG.debug("{} refused: connection limit", channel.remoteAddress());
            channel.close();
            return;
        }
        channel.closeFuture().addListener(closed -> limiter.release(address));
        channels.add(channel);
        SempHttpConfig config = services.config();
        SslHandler ssl = tls.newHandler(channel.alloc());
        ssl.setHandshakeTimeoutMillis(config.tlsHandshakeTimeout().toMillis());
        channel.pipeline().addLast("tls", ssl)
                .addLast("idle", new IdleStateHandler(config.idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS))
                .addLast("alpn", new ProtocolNegotiator(services))
                .addLast(ConnectionEvents.NAME, new ConnectionEvents());
    }
}
