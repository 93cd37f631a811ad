package sempgw.semp.ingress.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sempgw.semp.egress.federation.H2Transport;
import sempgw.semp.egress.federation.TransportConnection;
import sempgw.semp.egress.federation.WebSocketTransport;
import sempgw.semp.egress.testing.TestTls;

/** Our own federation client transports (semp-egress) against this server: the wire contract both sides share. */
final class EgressTransportInteropTest {
    private static final Duration TURN = Duration.ofSeconds(5);

    private TestServer server;
    private HttpClient http;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start();
        http = H2Transport.client(TestTls.localhost().trustingContext(), Duration.ofSeconds(5));
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

    /** Sends {@code texts} as envelopes from their own virtual threads. */
    private static List<Future<Optional<byte[]>>> envelopes(ExecutorService pool, TransportConnection c, List<String> texts) {
        List<Future<Optional<byte[]>>> replies = new ArrayList<>();
        for (String t : texts) {
            replies.add(pool.submit(() -> c.exchangeConcurrently(utf8(t), TURN)));
        }
        return replies;
    }

    @Test
    void h2Transport_envelopes_overlapOnOneTunnelUpToTheClientLimit() throws Exception {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            texts.add("env-block-" + i);
        }
        try (TransportConnection tunnel = new H2Transport(http, 1 << 20, 8).connect(server.uri("/v1/federate"));
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            assertThat(text(tunnel.exchange(utf8("init"), TURN))).isEqualTo("c1:1:init");
            List<Future<Optional<byte[]>>> replies = envelopes(pool, tunnel, texts);
            FakeFederation.Talk talk = server.federation.conversations.getFirst();
            await().atMost(TURN).until(() -> talk.active() == 8);
            Thread.sleep(150);
            assertThat(talk.maxActive).hasValue(8);
            server.federation.release();

            for (int i = 0; i < texts.size(); i++) {
                assertThat(text(replies.get(i).get(10, TimeUnit.SECONDS))).isEqualTo("c1:" + texts.get(i));
            }
        }
        assertThat(server.federation.conversations).hasSize(1);
    }

    @Test
    void h2Transport_rekeyWhileEnvelopesInFlight_waitsForThemAndLaterEnvelopesWaitForIt() throws Exception {
        try (TransportConnection tunnel = new H2Transport(http, 1 << 20, 8).connect(server.uri("/v1/federate"));
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            tunnel.exchange(utf8("init"), TURN);
            List<Future<Optional<byte[]>>> first = envelopes(pool, tunnel, List.of("env-block-1", "env-block-2"));
            FakeFederation.Talk talk = server.federation.conversations.getFirst();
            await().atMost(TURN).until(() -> talk.active() == 2);
            List<Optional<byte[]>> rekeyReply = new ArrayList<>();
            Thread rekey = Thread.ofPlatform().start(() -> {
                try {
                    rekeyReply.add(tunnel.exchange(utf8("rekey"), TURN));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(TURN).until(() -> rekey.getState() == Thread.State.WAITING);
            List<Future<Optional<byte[]>>> later = envelopes(pool, tunnel, List.of("env-after"));
            Thread.sleep(150);
            assertThat(talk.received).containsExactlyInAnyOrder("init", "env-block-1", "env-block-2");

            server.federation.release();
            rekey.join(10_000);
            assertThat(text(first.get(0).get(10, TimeUnit.SECONDS))).isEqualTo("c1:env-block-1");
            assertThat(text(first.get(1).get(10, TimeUnit.SECONDS))).isEqualTo("c1:env-block-2");
            assertThat(text(later.getFirst().get(10, TimeUnit.SECONDS))).isEqualTo("c1:env-after");
            assertThat(text(rekeyReply.getFirst())).isEqualTo("c1:4:rekey");
            assertThat(talk.received).endsWith("rekey", "env-after");
            assertThat(talk.notAlone).hasValue(0);
        }
    }

    @Test
    void webSocketTransport_envelopesFromManyThreads_stillOneAtATimeEachWithItsOwnReply() throws Exception {
        List<String> texts = List.of("env-1", "env-2", "env-3", "env-4", "env-5", "env-6");
        try (TransportConnection ws = new WebSocketTransport(http, Duration.ofSeconds(5), 1 << 20).connect(server.ws());
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Optional<byte[]>>> replies = envelopes(pool, ws, texts);
            for (int i = 0; i < texts.size(); i++) {
                assertThat(text(replies.get(i).get(10, TimeUnit.SECONDS))).matches("c1:\\d:" + texts.get(i));
            }
        }
        FakeFederation.Talk talk = server.federation.conversations.getFirst();
        assertThat(talk.offered).hasValue(0);
        assertThat(talk.maxActive).hasValue(1);
    }
}
