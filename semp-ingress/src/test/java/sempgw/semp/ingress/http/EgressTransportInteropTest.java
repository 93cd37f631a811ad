package sempgw.semp.ingress.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sempgw.semp.egress.federation.H2Transport;
import sempgw.semp.egress.federation.TransportConnection;
import sempgw.semp.egress.federation.WebSocketTransport;

/** Our own federation client transports (semp-egress) against this server: the wire contract both sides share. */
final class EgressTransportInteropTest {
    private static final Duration TURN = Duration.ofSeconds(5);

    private TestServer server;
    private HttpClient http;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start();
        http = H2Transport.client(TestTls.get().clientContext(), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Optional<byte[]> reply) {
        return new String(reply.orElseThrow(), StandardCharsets.UTF_8);
    }

    @Test
    void h2Transport_tunnelKeepsOneConversation_silentIsEmpty() throws Exception {
        try (TransportConnection tunnel = new H2Transport(http, 1 << 20).connect(server.uri("/v1/federate"))) {
            assertThat(text(tunnel.exchange(utf8("init"), TURN))).isEqualTo("c1:1:init");
            assertThat(text(tunnel.exchange(utf8("confirm"), TURN))).isEqualTo("c1:2:confirm");
            assertThat(tunnel.exchange(utf8("silent"), TURN)).isEmpty();
            assertThat(text(tunnel.exchange(utf8("envelope"), TURN))).isEqualTo("c1:4:envelope");
        }
        assertThat(server.federation.conversations).singleElement()
                .satisfies(talk -> assertThat(talk.transport).isEqualTo("h2"));
    }

    @Test
    void webSocketTransport_confirmsSubprotocolAndExchangesInTurn() throws Exception {
        try (TransportConnection ws = new WebSocketTransport(http, Duration.ofSeconds(5), 1 << 20)
                .connect(server.ws())) {
            assertThat(text(ws.exchange(utf8("init"), TURN))).isEqualTo("c1:1:init");
            assertThat(text(ws.exchange(utf8("confirm"), TURN))).isEqualTo("c1:2:confirm");
        }
        FakeFederation.Talk talk = server.federation.conversations.getFirst();
        assertThat(talk.transport).isEqualTo("ws");
        assertThat(talk.closed.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void webSocketTransport_finishedConversation_replyThenConnectionGone() throws Exception {
        try (TransportConnection ws = new WebSocketTransport(http, Duration.ofSeconds(5), 1 << 20)
                .connect(server.ws())) {
            assertThat(text(ws.exchange(utf8("bye"), TURN))).isEqualTo("c1:1:bye");
            await().atMost(TURN).until(() -> !ws.isOpen());
        }
    }
}
