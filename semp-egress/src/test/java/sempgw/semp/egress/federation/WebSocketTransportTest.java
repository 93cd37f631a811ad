package sempgw.semp.egress.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sempgw.core.crypto.RandomSource;
import sempgw.core.handshake.LocalDomain;
import sempgw.semp.egress.peers.PeerFixtures;
import sempgw.semp.egress.peers.PeerKeys;
import sempgw.semp.egress.testing.TestTls;

/** The WebSocket binding against a minimal RFC 6455 server over TLS, with semp-core's Responder behind it. */
final class WebSocketTransportTest {

    private static TestTls tls;
    private static HttpClient http;
    private FakePeer peer;
    private FakePeer.Conversation conversation;
    private TestWssServer wss;

    @BeforeAll
    static void client() throws Exception {
        tls = TestTls.selfSigned("localhost");
        http = H2Transport.client(tls.trustingContext(), Duration.ofSeconds(10));
    }

    @AfterAll
    static void closeClient() {
        http.close();
    }

    @BeforeEach
    void start() throws Exception {
        peer = FakePeer.standard(Instant::now);
        wss = new TestWssServer(tls.serverContext(), message -> {
            synchronized (this) {
                if (conversation == null) {
                    conversation = peer.open();
                }
                return conversation.onMessage(message);
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        wss.close();
    }

    private URI endpoint() {
        return URI.create("wss://localhost:" + wss.port() + "/v1/federate");
    }

    private WebSocketTransport transport() {
        return new WebSocketTransport(http, Duration.ofSeconds(5), 64 * 1024);
    }

    @Test
    void federationClient_overWss_handshakesWithFragmentedReplies() throws Exception {
        wss.fragments = 3;
        PeerKeys keys = PeerFixtures.keys(FakePeer.DOMAIN, FakePeer.PEER_KEY.publicKey());
        PeerFixtures.FixedDiscovery discovery = new PeerFixtures.FixedDiscovery(PeerFixtures.semp(FakePeer.DOMAIN,
                Map.of("h2", "https://localhost:1/v1/federate", "ws", endpoint().toString()), "https://localhost/.well-known/semp/domain-keys",
                List.of("pq-kyber768-x25519", "x25519-chacha20-poly1305"), Duration.ofHours(1)));
        FederationSettings settings = FederationSettings.defaults(new LocalDomain(FakePeer.LOCAL, "srv-a", FakePeer.OUR_KEY));
        try (FederationClient client = FederationClient.overHttps(settings, discovery, keys, tls.trustingContext(), RandomSource.secure())) {
            PeerChannel c = (PeerChannel) client.channel(FakePeer.DOMAIN, Instant.now());
            assertThat(c.transport()).isEqualTo("ws");
            assertThat(c.exchange("{\"type\":\"TEST\"}".getBytes(), Duration.ofSeconds(5)).map(String::new))
                    .hasValueSatisfying(r -> assertThat(r).contains(c.sessionId()));
        }
        assertThat(peer.handshakes).hasValue(1);
        assertThat(wss.upgrades).hasValue(1);
    }

    @Test
    void connect_subprotocolNotConfirmed_connectFailureAndClosed() {
        wss.confirmSubprotocol = false;
        assertThatThrownBy(() -> transport().connect(endpoint()))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.connectFailure()).isTrue();
                    assertThat(e).hasMessageContaining("semp.v1");
                });
    }

    @Test
    void exchange_replyOverTheLimitInUtf8Bytes_deliveryExceptionAndClosed() throws Exception {
        byte[] threeByteChars = "\u20ac".repeat(30_000).getBytes(StandardCharsets.UTF_8);
        try (TestWssServer big = new TestWssServer(tls.serverContext(), message -> Optional.of(threeByteChars))) {
            big.fragments = 3;
            TransportConnection c = transport().connect(URI.create("wss://localhost:" + big.port() + "/v1/federate"));
            assertThatThrownBy(() -> c.exchange("{}".getBytes(), Duration.ofSeconds(5))).isInstanceOf(DeliveryException.class)
                    .hasMessageContaining("exceeds 65536 bytes");
            assertThat(c.isOpen()).isFalse();
        }
    }

    @Test
    void utf8Length_mixedText_countsEncodedBytes() {
        String text = "a\u00e9\u20ac\uD83D\uDE00";
        assertThat(WebSocketConnection.Inbox.utf8Length(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        assertThat(WebSocketConnection.Inbox.utf8Length("\uD83D") + WebSocketConnection.Inbox.utf8Length("\uDE00")).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"""
            {"type":"SEMP_CONFIGURATION_UPDATE","version":"1.0.0","domain":"b.example","revision":18,\
            "timestamp":"2026-04-19T12:00:00Z","signature":{"algorithm":"ed25519","key_id":"k","value":""}}""",
            """
            {"type":"SEMP_FUTURE_NOTICE","version":"1.9.0","critical":true,\
            "extensions":{"vendor.example/x":{"required":true,"data":{}}}}"""})
    void exchange_configurationUpdateOrUnknownTypeBeforeTheReply_discardedAndTheConnectionKept(String notice) throws Exception {
        try (TestWssServer echo = new TestWssServer(tls.serverContext(), Optional::of)) {
            echo.notice = notice.getBytes(StandardCharsets.UTF_8);
            TransportConnection c = transport().connect(URI.create("wss://localhost:" + echo.port() + "/v1/federate"));

            assertThat(c.exchange("{\"n\":1}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5))).hasValue("{\"n\":1}".getBytes(StandardCharsets.UTF_8));
            assertThat(c.exchange("{\"n\":2}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5))).hasValue("{\"n\":2}".getBytes(StandardCharsets.UTF_8));
            assertThat(c.isOpen()).isTrue();
        }
    }

    @Test
    void exchange_definedTypeBeforeTheReply_takenForTheReplyAndTheLateEchoEndsTheConnection() throws Exception {
        try (TestWssServer echo = new TestWssServer(tls.serverContext(), Optional::of)) {
            byte[] ack = "{\"type\":\"SEMP_SUBMISSION\",\"step\":\"response\",\"version\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8);
            echo.notice = ack;
            TransportConnection c = transport().connect(URI.create("wss://localhost:" + echo.port() + "/v1/federate"));

            assertThat(c.exchange("{\"n\":1}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5))).hasValue(ack);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (c.isOpen() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(c.isOpen()).isFalse();
        }
    }

    @Test
    void exchange_binaryFrame_deliveryExceptionAndClosed() throws Exception {
        wss.mode = TestWssServer.Mode.BINARY;
        TransportConnection c = transport().connect(endpoint());
        assertThatThrownBy(() -> c.exchange("{}".getBytes(), Duration.ofSeconds(5))).isInstanceOf(DeliveryException.class)
                .hasMessageContaining("binary");
        assertThat(c.isOpen()).isFalse();
    }

    @Test
    void exchange_closeWithoutReply_networkFailureNotSilence() throws Exception {
        wss.mode = TestWssServer.Mode.CLOSE;
        TransportConnection c = transport().connect(endpoint());
        assertThatThrownBy(() -> c.exchange("{}".getBytes(), Duration.ofSeconds(5))).isInstanceOf(DeliveryException.class)
                .hasMessageContaining("closed by the peer");
        assertThat(c.isOpen()).isFalse();
        assertThatThrownBy(() -> c.exchange("{}".getBytes(), Duration.ofSeconds(5))).isInstanceOf(DeliveryException.class);
    }

    @Test
    void exchange_closeWith1009_terminalEnvelopeSizeExceeded() throws Exception {
        wss.mode = TestWssServer.Mode.TOO_BIG;
        TransportConnection c = transport().connect(endpoint());
        assertThatThrownBy(() -> c.exchange("{}".getBytes(), Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.terminal()).isTrue();
                    assertThat(e.reason()).contains(sempgw.core.SempReason.ENVELOPE_SIZE_EXCEEDED);
                    assertThat(e.getMessage()).contains("1009");
                });
        assertThat(c.isOpen()).isFalse();
    }

    @Test
    void exchange_noReplyInTime_emptyAndTheConnectionIsClosed() throws Exception {
        wss.mode = TestWssServer.Mode.SILENT;
        TransportConnection c = transport().connect(endpoint());
        assertThat(c.exchange("{}".getBytes(), Duration.ofMillis(300))).isEmpty();
        assertThat(c.isOpen()).isFalse();
    }

    @Test
    void exchange_nonUtf8Message_refusedBeforeSending() throws Exception {
        TransportConnection c = transport().connect(endpoint());
        assertThatThrownBy(() -> c.exchange(new byte[] {(byte) 0xC3, 0x28}, Duration.ofSeconds(1))).isInstanceOf(DeliveryException.class);
        assertThat(c.isOpen()).isTrue();
    }

    @Test
    void connect_plainWsUrl_refused() {
        assertThatThrownBy(() -> transport().connect(URI.create("ws://localhost/v1/federate"))).isInstanceOf(DeliveryException.class);
    }
}
