package sempgw.app.semp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sempgw.app.config.ConfigLoader;
import sempgw.app.config.GatewayConfig;
import sempgw.app.keys.DomainKeys;
import sempgw.app.tls.ServerCredentials;
import sempgw.app.tls.TlsContexts;
import sempgw.semp.ingress.Conversation;
import sempgw.semp.ingress.FederationEndpoint;
import sempgw.semp.ingress.documents.DirectoryJournal;
import sempgw.semp.ingress.documents.InMemoryUserKeyDirectory;

final class SempServerTest {
    @TempDir
    Path dir;

    /** A federation endpoint that answers each message with "reply:" and the message. */
    static final class EchoEndpoint implements FederationEndpoint {
        final List<String> transports = new CopyOnWriteArrayList<>();

        @Override
        public Conversation open(java.net.InetSocketAddress remote, String transport) {
            transports.add(transport);
            return new Conversation() {
                @Override
                public Optional<byte[]> onMessage(byte[] message, Instant now) {
                    return Optional.of(("reply:" + new String(message, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
                }

                @Override
                public boolean finished() {
                    return false;
                }

                @Override
                public void close() {
                }
            };
        }
    }

    @Test
    void start_servesDocumentsAndFederationOverH2WithTheGatewayCertificate() throws Exception {
        GatewayConfig config = ConfigLoader.parse("""
                data_dir = "%s"
                [smtp]
                hostname = "localhost"
                [semp]
                enabled = true
                domain = "example.org"
                listen = "127.0.0.1:0"
                public_host = "localhost"
                mailboxes = ["@example.org"]
                max_envelope_size = "1MB"
                """.formatted(dir.resolve("data")));
        Clock clock = Clock.systemUTC();
        ServerCredentials tls = TlsContexts.credentials(config.tls(), config.selfSignedDir(), "localhost", clock);
        EchoEndpoint federation = new EchoEndpoint();
        try (DomainKeys keys = SempKeys.open(config, clock);
                SempServer server = start(config, keys, tls, federation);
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).sslContext(trusting(tls)).build()) {
            URI base = URI.create("https://localhost:" + server.port());
            HttpResponse<String> configuration = client.send(HttpRequest.newBuilder(base.resolve("/.well-known/semp/configuration")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(configuration.statusCode()).isEqualTo(200);
            assertThat(configuration.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(configuration.body()).contains("\"domain\":\"example.org\"", "\"max_envelope_size\":1048576");
            assertThat(dir.resolve("data/semp/configuration-revision")).isRegularFile();

            HttpResponse<String> reply = client.send(HttpRequest.newBuilder(base.resolve("/v1/federate"))
                    .POST(HttpRequest.BodyPublishers.ofString("hello")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).isEqualTo(200);
            assertThat(reply.body()).isEqualTo("reply:hello");
            assertThat(reply.headers().firstValue("Semp-Session-Id")).isPresent();
            assertThat(federation.transports).containsExactly("h2");
        }
    }

    @Test
    void start_singleLabelPublicHost_warnsThatPeersCannotReachIt_aQualifiedOneDoesNot() throws Exception {
        try (LogCapture log = new LogCapture()) {
            startAndStop("localhost", "single");
            startAndStop("semp.example.org", "qualified");

            assertThat(log.matching("WARN", "semp.public_host")).singleElement().asString()
                    .contains("\"localhost\" is a single label", "https://localhost:8443/");
        }
    }

    private void startAndStop(String publicHost, String name) throws Exception {
        GatewayConfig config = sempFor(name, 0, publicHost);
        ServerCredentials tls = TlsContexts.credentials(config.tls(), config.selfSignedDir(), "localhost", Clock.systemUTC());
        try (DomainKeys keys = SempKeys.open(config, Clock.systemUTC()); SempServer server = start(config, keys, tls, new EchoEndpoint())) {
            assertThat(server.port()).isPositive();
        }
    }

    /** SEMP on for example.org under {@code dir/name}, listening on loopback {@code port}, advertising {@code publicHost}:8443. */
    private GatewayConfig sempFor(String name, int port, String publicHost) {
        return ConfigLoader.parse("""
                data_dir = "%s"
                [semp]
                enabled = true
                domain = "example.org"
                listen = "127.0.0.1:%d"
                public_host = "%s"
                public_port = 8443
                """.formatted(dir.resolve(name), port, publicHost));
    }

    /** {@link SempServer#start} for {@code config}'s domain, example.org, with an empty user key directory. */
    private static SempServer start(GatewayConfig config, DomainKeys keys, ServerCredentials tls, FederationEndpoint federation)
            throws Exception {
        return SempServer.start(config.semp(), keys, tls, new InMemoryUserKeyDirectory("example.org", keys.signing(), DirectoryJournal.volatileOnly()),
                federation, config.dataDir(), Clock.systemUTC());
    }

    @Test
    void start_listenAddressTaken_failsNamingTheKeyAndTheAddress() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            GatewayConfig config = sempFor("data", taken.getLocalPort(), "localhost");
            Clock clock = Clock.systemUTC();
            ServerCredentials tls = TlsContexts.credentials(config.tls(), config.selfSignedDir(), "localhost", clock);
            try (DomainKeys keys = SempKeys.open(config, clock)) {
                assertThatThrownBy(() -> start(config, keys, tls, new EchoEndpoint()).close())
                        .isInstanceOf(IOException.class)
                        .hasMessage("cannot listen on 127.0.0.1:%d (semp.listen): Address already in use", taken.getLocalPort());
            }
        }
    }

    @Test
    void httpConfig_takesListenAndEnvelopeLimitFromTheConfiguration() {
        var semp = ConfigLoader.parse("[semp]\nlisten = \"127.0.0.1:9443\"\nmax_envelope_size = \"2MB\"\n").semp();
        var http = SempServer.httpConfig(semp);
        assertThat(http.bind().getPort()).isEqualTo(9443);
        assertThat(http.maxEnvelopeBytes()).isEqualTo(2L << 20);
    }

    private static SSLContext trusting(ServerCredentials tls) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("gateway", tls.leaf());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }
}
