package sempgw.semp.egress.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sempgw.semp.egress.testing.TestHttpsServer;
import sempgw.semp.egress.testing.TestTls;

final class HttpsConfigurationFetcherTest {

    private static final int LIMIT = 4096;
    private static TestTls tls;
    private static TestHttpsServer server;
    private static HttpsConfigurationFetcher fetcher;

    @BeforeAll
    static void start() throws Exception {
        tls = TestTls.selfSigned("localhost");
        server = new TestHttpsServer(tls.serverContext());
        fetcher = new HttpsConfigurationFetcher(tls.trustingContext(), Duration.ofSeconds(5), Duration.ofSeconds(5), LIMIT);
    }

    @AfterAll
    static void stop() {
        fetcher.close();
        server.close();
    }

    private static ServerTarget target() {
        return new ServerTarget("localhost", server.port(), 10, 10);
    }

    private static ConfigError failure(ConfigFetch f) {
        assertThat(f).isInstanceOf(ConfigFetch.Failed.class);
        return ((ConfigFetch.Failed) f).error();
    }

    @Test
    void fetch_validDocument_fetchedFromTheWellKnownPath() {
        server.respond(200, TestConfigs.json(TestConfigs.document("example.com", 3, 600)));
        ConfigFetch f = fetcher.fetch(target(), "example.com");
        assertThat(f).isInstanceOfSatisfying(ConfigFetch.Fetched.class, ok -> assertThat(ok.configuration().revision()).isEqualTo(3));
        assertThat(server.paths().getLast()).isEqualTo("/.well-known/semp/configuration");
    }

    @Test
    void fetch_404_notFound() {
        server.respond(404, "");
        assertThat(failure(fetcher.fetch(target(), "example.com"))).isEqualTo(ConfigError.NOT_FOUND);
    }

    @Test
    void fetch_500_httpStatus() {
        server.respond(500, "oops");
        assertThat(failure(fetcher.fetch(target(), "example.com"))).isEqualTo(ConfigError.HTTP_STATUS);
    }

    @Test
    void fetch_redirect_notFollowed() {
        server.respond(e -> {
            e.getResponseHeaders().set("Location", "https://localhost:" + server.port() + "/elsewhere");
            TestHttpsServer.send(e, 302, new byte[0]);
        });
        int before = server.paths().size();
        assertThat(failure(fetcher.fetch(target(), "example.com"))).isEqualTo(ConfigError.HTTP_STATUS);
        assertThat(server.paths().subList(before, server.paths().size())).containsExactly("/.well-known/semp/configuration");
    }

    @Test
    void fetch_declaredLengthAboveLimit_tooLarge() {
        server.respond(200, " ".repeat(LIMIT + 1));
        assertThat(failure(fetcher.fetch(target(), "example.com"))).isEqualTo(ConfigError.TOO_LARGE);
    }

    @Test
    void fetch_endlessChunkedBody_tooLargeWithoutReadingItAll() {
        server.respond(e -> {
            e.sendResponseHeaders(200, 0);
            try (OutputStream out = e.getResponseBody()) {
                byte[] chunk = new byte[1024];
                for (int i = 0; i < 64 * 1024; i++) {
                    out.write(chunk);
                }
            } catch (java.io.IOException closedByClient) {
                // the client cancelled the body, as it must
            }
        });
        long start = System.nanoTime();
        assertThat(failure(fetcher.fetch(target(), "example.com"))).isEqualTo(ConfigError.TOO_LARGE);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void fetch_bodyExactlyAtLimit_accepted() {
        String doc = TestConfigs.json(TestConfigs.document("example.com", 3, 600));
        server.respond(200, doc + " ".repeat(LIMIT - doc.length()));
        assertThat(fetcher.fetch(target(), "example.com")).isInstanceOf(ConfigFetch.Fetched.class);
    }

    @Test
    void fetch_untrustedCertificate_tls() throws Exception {
        server.respond(200, TestConfigs.json(TestConfigs.document("example.com", 3, 600)));
        SSLContext other = TestTls.selfSigned("localhost").trustingContext();
        try (HttpsConfigurationFetcher f = new HttpsConfigurationFetcher(other, Duration.ofSeconds(2), Duration.ofSeconds(2), LIMIT)) {
            assertThat(failure(f.fetch(target(), "example.com"))).isEqualTo(ConfigError.TLS);
        }
    }

    @Test
    void fetch_certificateForAnotherHost_tls() throws Exception {
        TestTls wrongName = TestTls.selfSigned("semp.other.example");
        try (TestHttpsServer s = new TestHttpsServer(wrongName.serverContext());
             HttpsConfigurationFetcher f = new HttpsConfigurationFetcher(wrongName.trustingContext(), Duration.ofSeconds(2), Duration.ofSeconds(2), LIMIT)) {
            s.respond(200, TestConfigs.json(TestConfigs.document("example.com", 3, 600)));
            assertThat(failure(f.fetch(new ServerTarget("localhost", s.port(), 0, 0), "example.com"))).isEqualTo(ConfigError.TLS);
        }
    }

    @Test
    void fetch_closedPort_unreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThat(failure(fetcher.fetch(new ServerTarget("localhost", port, 0, 0), "example.com"))).isEqualTo(ConfigError.UNREACHABLE);
    }

    @Test
    void fetch_serverTooSlow_timeout() throws Exception {
        server.respond(e -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            TestHttpsServer.send(e, 200, new byte[0]);
        });
        try (HttpsConfigurationFetcher impatient = new HttpsConfigurationFetcher(tls.trustingContext(), Duration.ofSeconds(2),
                Duration.ofMillis(500), LIMIT)) {
            assertThat(failure(impatient.fetch(target(), "example.com"))).isEqualTo(ConfigError.TIMEOUT);
        }
    }

    @Test
    void fetch_webPage_malformed_invalidDocument_invalid() {
        server.respond(200, "<html><body>welcome</body></html>");
        assertThat(failure(fetcher.fetch(target(), "example.com"))).isEqualTo(ConfigError.MALFORMED);
        server.respond(200, TestConfigs.json(TestConfigs.document("example.com", 3, 600).without("endpoints")));
        assertThat(failure(fetcher.fetch(target(), "example.com"))).isEqualTo(ConfigError.INVALID);
    }
}
