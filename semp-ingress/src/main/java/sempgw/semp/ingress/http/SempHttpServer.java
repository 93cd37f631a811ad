package sempgw.semp.ingress.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.core.ClockState;
import sempgw.semp.ingress.ClockWatch;
import sempgw.semp.ingress.FederationEndpoint;
import sempgw.semp.ingress.WellKnownDocuments;

/**
 * The SEMP HTTPS listener: documents and federation over HTTP/2 and WebSocket on one TLS port
 * (TRANSPORT.md §4.1, §4.2; the wire paths are listed in the package documentation). {@link #start()} binds,
 * {@link #port()} tells the bound port, {@link #close()} stops gracefully: the listener closes
 * first, in-flight replies get up to {@code stopGrace}, then connections and conversations close.
 */
public final class SempHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SempHttpServer.class);

    private final Services services;
    private final SslContext tls;
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private EventLoopGroup group;
    private Channel listener;
    private Future<?> sweeper;
    private Future<?> clockSampler;

    /**
     * @param tls a server context; {@link ServerTls#forKeyAndCertificate} gives one with ALPN
     *     {@code h2} and {@code http/1.1} (without ALPN, peers get HTTP/1.1 only)
     * @param clock the time passed to every conversation turn; whether the machine's clock can be
     *     trusted is watched on the system clock ({@link ClockWatch#system}), not on this one, which
     *     tests fix
     */
    public SempHttpServer(SempHttpConfig config, SslContext tls, WellKnownDocuments documents,
            FederationEndpoint federation, Clock clock) {
        this(config, tls, documents, federation, clock, ClockWatch.system(Clock.systemUTC()));
    }

    /**
     * As above, with {@code clockWatch} judging whether the machine's clock can be trusted; while
     * it cannot, no federation message is admitted (CONFORMANCE.md §9.3.5). The server takes a
     * reading every {@link ClockState#MIN_SPAN}.
     */
    public SempHttpServer(SempHttpConfig config, SslContext tls, WellKnownDocuments documents,
            FederationEndpoint federation, Clock clock, ClockWatch clockWatch) {
        Objects.requireNonNull(config, "config");
        this.tls = Objects.requireNonNull(tls, "tls");
        ExecutorService threads = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("semp-http-", 0).factory());
        this.services = new Services(config, Objects.requireNonNull(documents, "documents"),
                Objects.requireNonNull(federation, "federation"), Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(clockWatch, "clockWatch"), threads, new InFlight(), new TunnelTable(config.maxTunnels(), config.maxTunnelsPerAddress(), config.tunnelIdleTimeout().toNanos()),
                new MessageBudget(config.maxBufferedBytes()));
    }

    /**
     * Binds the listener; returns once it accepts connections. A bind failure (for example
     * {@link java.net.BindException}) is thrown as is, and the server can be started again.
     */
    public synchronized SempHttpServer start() throws InterruptedException {
        if (group != null) {
            throw new IllegalStateException("already started");
        }
        SempHttpConfig config = services.config();
        group = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        ConnectionLimiter limiter = new ConnectionLimiter(config.maxConnections(), config.maxConnectionsPerAddress());
        try {
            listener = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new SempChannelInitializer(services, tls, limiter, channels))
                    .bind(config.bind()).sync().channel();
        } catch (Throwable e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            group = null;
            throw e;
        }
        long sweep = Math.max(10, Math.min(1000, config.tunnelIdleTimeout().toMillis() / 4));
        sweeper = group.scheduleAtFixedRate(() -> services.tunnels().expire(System.nanoTime()),
                sweep, sweep, TimeUnit.MILLISECONDS);
        long span = ClockState.MIN_SPAN.toMillis();
        clockSampler = group.scheduleAtFixedRate(services.clockWatch()::sample, span, span, TimeUnit.MILLISECONDS);
        LOG.info("SEMP HTTPS listening on {}", listener.localAddress());
        return this;
    }

    /** The bound port, for a configured port of 0. */
    public synchronized int port() {
        if (listener == null) {
            throw new IllegalStateException("not started");
        }
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** Stops gracefully (see the class comment); when never started (or a bind failed), only releases the worker threads. */
    @Override
    public synchronized void close() {
        if (group == null || listener == null) {
            services.threads().shutdown();
            return;
        }
        SempHttpConfig config = services.config();
        try {
            listener.close().syncUninterruptibly();
            if (!services.inFlight().stopAndAwait(config.stopGrace())) {
                LOG.warn("stopping with {} replies still in flight", services.inFlight().count());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sweeper.cancel(false);
            clockSampler.cancel(false);
            channels.close().awaitUninterruptibly(config.stopGrace().toMillis());
            services.tunnels().closeAll();
            group.shutdownGracefully(0, config.stopGrace().toMillis(), TimeUnit.MILLISECONDS)
                    .awaitUninterruptibly(config.stopGrace().toMillis() * 2);
            services.threads().shutdown();
            listener = null;
            LOG.info("SEMP HTTPS stopped");
        }
    }
}
