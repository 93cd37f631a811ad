package sempgw.semp.ingress.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class WebSocketFederationTest {
    private TestServer server;
    private HttpClient client;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start();
        client = TestServer.client(HttpClient.Version.HTTP_1_1);
    }

    @AfterEach
    void stop() {
        server.close();
        client.close();
    }

    private WebSocket connect(RecordingListener listener) throws Exception {
        return client.newWebSocketBuilder().subprotocols(WebSocketGate.SUBPROTOCOL)
                .buildAsync(server.ws(), listener).get(5, TimeUnit.SECONDS);
    }

    @Test
    void textMessages_answeredInOrderByOneWsConversation() throws Exception {
        RecordingListener listener = new RecordingListener();
        WebSocket socket = connect(listener);

        socket.sendText("hello", true).get(5, TimeUnit.SECONDS);
        socket.sendText("again", true).get(5, TimeUnit.SECONDS);

        assertThat(socket.getSubprotocol()).isEqualTo("semp.v1");
        assertThat(listener.next()).isEqualTo("c1:1:hello");
        assertThat(listener.next()).isEqualTo("c1:2:again");
        assertThat(server.federation.conversations).singleElement()
                .satisfies(talk -> assertThat(talk.transport).isEqualTo("ws"));
        assertThat(server.federation.offEventLoopViolations).hasValue(0);
    }

    @Test
    void pipelinedMessages_answeredInArrivalOrderOneAtATime() throws Exception {
        RecordingListener listener = new RecordingListener();
        WebSocket socket = connect(listener);

        for (int i = 1; i <= 5; i++) {
            socket.sendText("m" + i, true).get(5, TimeUnit.SECONDS);
        }

        for (int i = 1; i <= 5; i++) {
            assertThat(listener.next()).isEqualTo("c1:" + i + ":m" + i);
        }
        assertThat(server.federation.conversations.getFirst().maxActive).hasValue(1);
    }

    @Test
    void silentReply_sendsNothing() throws Exception {
        RecordingListener listener = new RecordingListener();
        WebSocket socket = connect(listener);

        socket.sendText("silent", true).get(5, TimeUnit.SECONDS);
        socket.sendText("next", true).get(5, TimeUnit.SECONDS);

        assertThat(listener.next()).isEqualTo("c1:2:next");
    }

    @Test
    void malformedMessage_closedWithInvalidPayloadDataAndNoReply() throws Exception {
        RecordingListener listener = new RecordingListener();
        WebSocket socket = connect(listener);

        socket.sendText("hello", true).get(5, TimeUnit.SECONDS);
        assertThat(listener.next()).isEqualTo("c1:1:hello");
        socket.sendText("garbage", true).get(5, TimeUnit.SECONDS);

        assertThat(listener.awaitClose()).isEqualTo(1007);
        assertThat(listener.messages).isEmpty();
        assertThat(server.federation.conversations.getFirst().closed.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void upgrade_withoutSubprotocol_refused() {
        assertThatThrownBy(() -> client.newWebSocketBuilder().buildAsync(server.ws(), new RecordingListener())
                .get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(400));
        assertThat(server.federation.conversations).isEmpty();
    }

    @Test
    void upgrade_whenTheWebSocketBindingIsNotServed_notFoundWhileH2Works() throws Exception {
        try (TestServer h2Only = TestServer.start(TestServer.config(Duration.ofSeconds(10), 64).withWebSocket(false));
             HttpClient h2 = TestServer.client(HttpClient.Version.HTTP_2)) {
            assertThatThrownBy(() -> client.newWebSocketBuilder().subprotocols(WebSocketGate.SUBPROTOCOL)
                    .buildAsync(h2Only.ws(), new RecordingListener()).get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(WebSocketHandshakeException.class)
                    .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(404));
            assertThat(TestServer.send(h2, java.net.http.HttpRequest.newBuilder(h2Only.uri(HttpRoutes.FEDERATE))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("hello")).build()).body()).isEqualTo("c1:1:hello");
            assertThat(h2Only.federation.conversations).singleElement()
                    .satisfies(talk -> assertThat(talk.transport).isEqualTo("h2"));
        }
    }

    @Test
    void upgrade_withOtherSubprotocolOnly_refused() {
        assertThatThrownBy(() -> client.newWebSocketBuilder().subprotocols("chat")
                .buildAsync(server.ws(), new RecordingListener()).get(5, TimeUnit.SECONDS))
                .cause().isInstanceOf(WebSocketHandshakeException.class);
    }

    @Test
    void binaryMessage_closedWithUnsupportedData() throws Exception {
        RecordingListener listener = new RecordingListener();
        WebSocket socket = connect(listener);

        socket.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).get(5, TimeUnit.SECONDS);

        assertThat(listener.awaitClose()).isEqualTo(1003);
    }

    @Test
    void oversizedMessage_closedWithMessageTooBig() throws Exception {
        RecordingListener listener = new RecordingListener();
        WebSocket socket = connect(listener);

        socket.sendText("x".repeat(200 * 1024), true);

        assertThat(listener.awaitClose()).isEqualTo(1009);
    }

    @Test
    void finishedConversation_replyThenNormalClose() throws Exception {
        RecordingListener listener = new RecordingListener();
        WebSocket socket = connect(listener);

        socket.sendText("bye", true).get(5, TimeUnit.SECONDS);

        assertThat(listener.next()).isEqualTo("c1:1:bye");
        assertThat(listener.awaitClose()).isEqualTo(1000);
        assertThat(server.federation.conversations.getFirst().closed.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void clientClose_closesConversationOnce() throws Exception {
        RecordingListener listener = new RecordingListener();
        WebSocket socket = connect(listener);
        socket.sendText("hello", true).get(5, TimeUnit.SECONDS);
        assertThat(listener.next()).isEqualTo("c1:1:hello");

        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);

        FakeFederation.Talk talk = server.federation.conversations.getFirst();
        assertThat(talk.closed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(talk.closeCalls).hasValue(1);
    }

    @Test
    void serverPings_atTheConfiguredInterval() throws Exception {
        SempHttpConfig config = TestServer.config(Duration.ofSeconds(10), 64, Duration.ofSeconds(20),
                Duration.ofSeconds(5), Duration.ofMillis(100));
        try (TestServer pinging = TestServer.start(config)) {
            CountDownLatch pings = new CountDownLatch(2);
            RecordingListener listener = new RecordingListener() {
                @Override
                public CompletionStage<?> onPing(WebSocket socket, ByteBuffer message) {
                    pings.countDown();
                    return super.onPing(socket, message);
                }
            };
            WebSocket socket = client.newWebSocketBuilder().subprotocols(WebSocketGate.SUBPROTOCOL)
                    .buildAsync(pinging.ws(), listener).get(5, TimeUnit.SECONDS);
            socket.sendText("hello", true).get(5, TimeUnit.SECONDS);

            assertThat(pings.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(listener.closeCode).isNotDone();
        }
    }

    @Test
    void peerThatSendsNothing_closedAtTheSecondKeepaliveTick() throws Exception {
        SempHttpConfig config = TestServer.config(Duration.ofSeconds(10), 64, Duration.ofSeconds(20),
                Duration.ofSeconds(5), Duration.ofMillis(100));
        try (TestServer pinging = TestServer.start(config)) {
            RecordingListener listener = new RecordingListener();
            client.newWebSocketBuilder().subprotocols(WebSocketGate.SUBPROTOCOL).buildAsync(pinging.ws(), listener).get(5, TimeUnit.SECONDS);

            assertThat(listener.awaitClose()).isEqualTo(1008);
            assertThat(pinging.federation.conversations).isEmpty();
        }
    }

    @Test
    void failingConversation_closedWithInternalError() throws Exception {
        RecordingListener listener = new RecordingListener();
        WebSocket socket = connect(listener);

        socket.sendText("boom", true).get(5, TimeUnit.SECONDS);

        assertThat(listener.awaitClose()).isEqualTo(1011);
    }
}
