package sempgw.app.semp;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.app.config.SempConfig;
import sempgw.app.keys.DomainKeys;
import sempgw.app.tls.ServerCredentials;
import sempgw.core.crypto.CryptoSuite;
import sempgw.semp.ingress.FederationEndpoint;
import sempgw.semp.ingress.documents.Documents;
import sempgw.semp.ingress.documents.UserKeyDirectory;
import sempgw.semp.ingress.http.SempHttpConfig;
import sempgw.semp.ingress.http.SempHttpServer;
import sempgw.semp.ingress.http.ServerTls;

/**
 * The SEMP HTTPS listener as the gateway runs it: semp-ingress's {@link SempHttpServer} on
 * {@code semp.listen} with the gateway's certificate (ALPN {@code h2}, {@code http/1.1}), serving
 * the {@link SempDocuments} and handing federation traffic to the given {@link FederationEndpoint}.
 * Envelopes larger than {@code semp.max_envelope_size} are refused by the listener itself; the
 * other limits are {@link SempHttpConfig#defaults}. The configuration revision is kept in
 * {@code <data_dir>/semp} (DISCOVERY.md §3.5.1).
 */
public final class SempServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SempServer.class);

    private final SempHttpServer http;
    private final Documents documents;

    private SempServer(SempHttpServer http, Documents documents) {
        this.http = http;
        this.documents = documents;
    }

    /**
     * Builds the documents and binds the listener; returns once it accepts connections.
     *
     * @throws IOException if the documents' revision state or the TLS context cannot be made
     */
    public static SempServer start(SempConfig semp, DomainKeys keys, ServerCredentials tls, UserKeyDirectory directory,
            FederationEndpoint federation, Path dataDir, Clock clock) throws IOException, InterruptedException {
        return start(semp, SempDocuments.open(semp, keys, directory, dataDir.resolve("semp"), clock), tls, federation, clock);
    }

    /**
     * Binds the listener serving {@code documents}; returns once it accepts connections.
     *
     * @throws IOException if the TLS context cannot be made
     */
    public static SempServer start(SempConfig semp, Documents documents, ServerCredentials tls, FederationEndpoint federation,
            Clock clock) throws IOException, InterruptedException {
        Objects.requireNonNull(federation, "federation");
        SempHttpServer http = new SempHttpServer(httpConfig(semp),
                ServerTls.forKeyAndCertificate(tls.privateKey(), tls.chain().toArray(new java.security.cert.X509Certificate[0])),
                documents, federation, clock);
        try {
            http.start();
        } catch (Exception e) {
            // Netty throws the bind's java.net.BindException although start() does not declare it.
            Optional<IOException> bind = semp.listen().bindFailure("semp.listen", e);
            if (bind.isPresent()) {
                throw bind.get();
            }
            throw e;
        }
        LOG.info("semp: serving on port {} (configuration revision {}; {})", http.port(), documents.revision(),
                CryptoSuite.implementations());
        if (!DnsZone.qualified(semp.publicHost())) {
            LOG.warn("semp.public_host \"{}\" is a single label (it defaults to smtp.hostname): the configuration document sends"
                    + " peers to https://{}:{}/, which they cannot resolve; set semp.public_host to the name peers connect to",
                    semp.publicHost(), semp.publicHost(), semp.publicPort());
        }
        return new SempServer(http, documents);
    }

    /** The listener's settings: {@code semp.listen}, {@code semp.max_envelope_size} and {@code semp.transports}, other limits at their defaults. */
    static SempHttpConfig httpConfig(SempConfig semp) {
        SempHttpConfig d = SempHttpConfig.defaults(semp.listen().socketAddress());
        return new SempHttpConfig(d.bind(), semp.maxEnvelopeSize(), d.maxDocumentBodyBytes(), d.maxConnectionsPerAddress(),
                d.maxConnections(), d.idleTimeout(), d.tlsHandshakeTimeout(), d.h2MaxConcurrentStreams(), d.tunnelIdleTimeout(),
                d.maxTunnels(), d.silentHold(), d.wsPingInterval(), d.maxPendingMessages(), d.maxBufferedBytes(), d.stopGrace())
                .withWebSocket(semp.transports().contains("ws"));
    }

    /** The bound port (the real one when {@code semp.listen} has port 0). */
    public int port() {
        return http.port();
    }

    /** The documents being served. */
    public Documents documents() {
        return documents;
    }

    /** Stops the listener gracefully (in-flight replies get the listener's stop grace). */
    @Override
    public void close() {
        http.close();
    }
}
