package sempgw.semp.ingress.http;

import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLException;
import sempgw.semp.egress.testing.TestTls;
import sempgw.semp.ingress.ClockWatch;
import sempgw.semp.ingress.WellKnownDocuments;

/** A running server on a free loopback port, with the fakes (or given documents) behind it, and clients for it. */
final class TestServer implements AutoCloseable {
    static final Duration SILENT_HOLD = Duration.ofMillis(400);

    final FakeFederation federation = new FakeFederation();
    final SempHttpServer server;

    private TestServer(SempHttpConfig config, WellKnownDocuments documents) throws Exception {
        this(config, documents, ClockWatch.system(Clock.systemUTC()));
    }

    private TestServer(SempHttpConfig config, WellKnownDocuments documents, ClockWatch clockWatch) throws Exception {
        server = new SempHttpServer(config, serverTls(), documents, federation, Clock.systemUTC(), clockWatch).start();
    }

    /** The server side of the test JVM's {@link TestTls#localhost()} certificate, as the server takes it. */
    static SslContext serverTls() throws SSLException {
        TestTls tls = TestTls.localhost();
        return ServerTls.forKeyAndCertificate(tls.privateKey(), tls.certificate());
    }

    static TestServer start() throws Exception {
        return start(config(Duration.ofSeconds(10), 64));
    }

    static TestServer start(SempHttpConfig config) throws Exception {
        return new TestServer(config, new FakeDocuments());
    }

    /** A server with the default test limits whose admission follows {@code clockWatch}. */
    static TestServer watching(ClockWatch clockWatch) throws Exception {
        return new TestServer(config(Duration.ofSeconds(10), 64), new FakeDocuments(), clockWatch);
    }

    /** A server with the default test limits serving {@code documents}. */
    static TestServer serving(WellKnownDocuments documents) throws Exception {
        return new TestServer(config(Duration.ofSeconds(10), 64), documents);
    }

    /** Test-sized limits: 1 KiB envelopes and document bodies, short holds. */
    static SempHttpConfig config(Duration tunnelIdle, int maxPerAddress) {
        return config(tunnelIdle, maxPerAddress, Duration.ofSeconds(20), Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    static SempHttpConfig config(Duration tunnelIdle, int maxPerAddress, Duration idle, Duration tlsHandshake,
            Duration wsPing) {
        return config(tunnelIdle, maxPerAddress, idle, tlsHandshake, wsPing, 64L * 1024 * 1024);
    }

    static SempHttpConfig config(Duration tunnelIdle, int maxPerAddress, Duration idle, Duration tlsHandshake,
            Duration wsPing, long maxBufferedBytes) {
        return new SempHttpConfig(new InetSocketAddress("127.0.0.1", 0), 1024, 1024, maxPerAddress, 4096,
                idle, tlsHandshake, 100, tunnelIdle, 4096, SILENT_HOLD, wsPing, 8, maxBufferedBytes,
                Duration.ofSeconds(2));
    }

    URI uri(String path) {
        return URI.create("https://localhost:" + server.port() + path);
    }

    URI ws() {
        return URI.create("wss://localhost:" + server.port() + HttpRoutes.FEDERATE);
    }

    static HttpClient client(HttpClient.Version version) throws Exception {
        return HttpClient.newBuilder().version(version).sslContext(TestTls.localhost().trustingContext())
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        server.close();
    }
}
