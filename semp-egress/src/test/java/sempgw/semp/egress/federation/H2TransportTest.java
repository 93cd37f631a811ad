package sempgw.semp.egress.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sempgw.core.crypto.RandomSource;
import sempgw.core.handshake.LocalDomain;
import sempgw.semp.egress.peers.PeerFixtures;
import sempgw.semp.egress.peers.PeerKeys;
import sempgw.semp.egress.testing.TestHttpsServer;
import sempgw.semp.egress.testing.TestTls;

/**
 * The HTTP/2 binding's POST and tunnel-header logic against the JDK HttpsServer (HTTP/1.1, so the
 * client falls back; the framing is HTTP's either way), with semp-core's Responder behind it.
 */
final class H2TransportTest {

    private static TestTls tls;
    private static TestHttpsServer https;
    private static HttpClient http;
    private final List<Optional<String>> tunnelHeaders = new CopyOnWriteArrayList<>();
    private final Map<String, FakePeer.Conversation> tunnels = new ConcurrentHashMap<>();
    private FakePeer peer;

    @BeforeAll
    static void start() throws Exception {
        tls = TestTls.selfSigned("localhost");
        https = new TestHttpsServer(tls.serverContext());
        http = H2Transport.client(tls.trustingContext(), Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() {
        http.close();
        https.close();
    }

    @BeforeEach
    void federate() {
        peer = FakePeer.standard(Instant::now);
        https.respond(this::tunnel);
    }

    @AfterEach
    void reset() {
        https.respond(404, "");
    }

    /** {@code POST /v1/federate}: a tunnel per {@code Semp-Session-Id}, named on its first response. */
    private void tunnel(HttpExchange e) throws IOException {
        Optional<String> id = Optional.ofNullable(e.getRequestHeaders().getFirst(H2Transport.SESSION_HEADER));
        tunnelHeaders.add(id);
        if (!e.getRequestMethod().equals("POST") || !e.getRequestURI().getPath().equals("/v1/federate")) {
            TestHttpsServer.send(e, 404, new byte[0]);
            return;
        }
        String tunnel = id.orElseGet(() -> UUID.randomUUID().toString());
        FakePeer.Conversation c = tunnels.computeIfAbsent(tunnel, t -> peer.open());
        Optional<byte[]> reply = c.onMessage(e.getRequestBody().readAllBytes());
        e.getResponseHeaders().set(H2Transport.SESSION_HEADER, tunnel);
        TestHttpsServer.send(e, reply.isPresent() ? 200 : 503, reply.orElse(new byte[0]));
    }

    private URI endpoint() {
        return URI.create("https://localhost:" + https.port() + "/v1/federate");
    }

    @Test
    void federationClient_overHttps_handshakesAndEchoesTheTunnelHeader() throws Exception {
        PeerKeys keys = PeerFixtures.keys(FakePeer.DOMAIN, FakePeer.PEER_KEY.publicKey());
        PeerFixtures.FixedDiscovery discovery = new PeerFixtures.FixedDiscovery(PeerFixtures.semp(FakePeer.DOMAIN,
                Map.of("h2", endpoint().toString()), "https://localhost/.well-known/semp/domain-keys",
                List.of("x25519-chacha20-poly1305"), Duration.ofHours(1)));
        FederationSettings settings = FederationSettings.defaults(new LocalDomain(FakePeer.LOCAL, "srv-a", FakePeer.OUR_KEY));
        try (FederationClient client = FederationClient.overHttps(settings, discovery, keys, tls.trustingContext(), RandomSource.secure())) {
            FederationChannel c = client.channel(FakePeer.DOMAIN, Instant.now());
            assertThat(c.exchange("{\"type\":\"TEST\"}".getBytes(), Duration.ofSeconds(5)).map(String::new))
                    .hasValueSatisfying(r -> assertThat(r).contains(c.sessionId()));
        }
        assertThat(peer.handshakes).hasValue(1);
        assertThat(tunnelHeaders).hasSize(3);
        assertThat(tunnelHeaders.getFirst()).isEmpty();
        assertThat(tunnelHeaders.subList(1, 3)).containsOnly(Optional.of(tunnels.keySet().iterator().next()));
        assertThat(tunnels).hasSize(1);
    }

    @Test
    void exchange_non200_deliveryExceptionAndTheTunnelIsClosed() throws Exception {
        https.respond(503, "");
        TransportConnection c = new H2Transport(http, 1024).connect(endpoint());
        assertThatThrownBy(() -> c.exchange("{}".getBytes(), Duration.ofSeconds(5)))
                .isInstanceOf(DeliveryException.class).hasMessageContaining("HTTP 503");
        assertThat(c.isOpen()).isFalse();
    }

    @Test
    void exchange_413_terminalEnvelopeSizeExceeded_otherStatusesStayTransient() throws Exception {
        https.respond(answering(413));
        TransportConnection c = new H2Transport(http, 1024).connect(endpoint());
        assertThatThrownBy(() -> c.exchangeConcurrently("{}".getBytes(), Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.terminal()).isTrue();
                    assertThat(e.reason()).contains(sempgw.core.SempReason.ENVELOPE_SIZE_EXCEEDED);
                    assertThat(e.getMessage()).contains("HTTP 413");
                });
        assertThat(c.isOpen()).isFalse();
        for (int status : new int[] {400, 429, 503}) {
            https.respond(answering(status));
            TransportConnection d = new H2Transport(http, 1024).connect(endpoint());
            assertThatThrownBy(() -> d.exchangeConcurrently("{}".getBytes(), Duration.ofSeconds(5)))
                    .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.terminal()).as("HTTP %d", status).isFalse());
        }
    }

    /** Answers {@code status} without a body, having read the request, so the connection can carry the next one. */
    private static TestHttpsServer.Responder answering(int status) {
        return e -> {
            e.getRequestBody().readAllBytes();
            TestHttpsServer.send(e, status, new byte[0]);
            e.close();
        };
    }

    @Test
    void exchange_noReplyInTime_emptyAndStillOpen() throws Exception {
        https.respond(e -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            TestHttpsServer.send(e, 200, "{}".getBytes());
        });
        TransportConnection c = new H2Transport(http, 1024).connect(endpoint());
        assertThat(c.exchange("{}".getBytes(), Duration.ofMillis(300))).isEmpty();
        assertThat(c.isOpen()).isTrue();
    }

    @Test
    void isStreamReset_jdkResetMessages_silentOtherErrorsNot() {
        assertThat(H2Transport.isStreamReset(new IOException("Received RST_STREAM: CANCEL"))).isTrue();
        assertThat(H2Transport.isStreamReset(new IOException("send failed", new IOException("RST_STREAM received CANCEL")))).isTrue();
        assertThat(H2Transport.isStreamReset(new IOException("request not processed by peer"))).isFalse();
        assertThat(H2Transport.isStreamReset(new IOException("Connection reset"))).isFalse();
    }

    @Test
    void exchange_oversizeReply_deliveryException() throws Exception {
        https.respond(200, "{\"pad\":\"" + "x".repeat(4096) + "\"}");
        TransportConnection c = new H2Transport(http, 1024).connect(endpoint());
        assertThatThrownBy(() -> c.exchange("{}".getBytes(), Duration.ofSeconds(5))).isInstanceOf(DeliveryException.class);
    }

    @Test
    void exchange_nothingListening_connectFailureSoTheNextTransportMayBeTried() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        TransportConnection c = new H2Transport(http, 1024).connect(URI.create("https://localhost:" + closed + "/v1/federate"));
        assertThatThrownBy(() -> c.exchange("{}".getBytes(), Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.connectFailure()).isTrue());
    }

    @Test
    void exchange_untrustedCertificate_deliveryException() throws Exception {
        try (HttpClient other = H2Transport.client(TestTls.selfSigned("localhost").trustingContext(), Duration.ofSeconds(5))) {
            TransportConnection c = new H2Transport(other, 1024).connect(endpoint());
            assertThatThrownBy(() -> c.exchange("{}".getBytes(), Duration.ofSeconds(5))).isInstanceOf(DeliveryException.class);
        }
        assertThat(tunnelHeaders).isEmpty();
    }

    @Test
    void connect_plainHttpUrl_refused() {
        assertThatThrownBy(() -> new H2Transport(http, 1024).connect(URI.create("http://localhost/v1/federate")))
                .isInstanceOf(DeliveryException.class);
    }
}
