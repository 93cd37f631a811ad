package sempgw.semp.ingress.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class H2TunnelTest {
    private TestServer server;
    private HttpClient client;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start();
        client = TestServer.client(HttpClient.Version.HTTP_2);
    }

    @AfterEach
    void stop() {
        server.federation.release();
        client.close();
        server.close();
    }

    private HttpRequest post(String path, String tunnel, String message) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(server.uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(message));
        if (tunnel != null) {
            builder.header("Semp-Session-Id", tunnel);
        }
        return builder.build();
    }

    private HttpResponse<String> send(String tunnel, String message) throws Exception {
        return TestServer.send(client, post("/v1/federate", tunnel, message));
    }

    @Test
    void firstPost_withoutTunnelHeader_opensH2ConversationAndReturnsTunnelId() throws Exception {
        HttpResponse<String> response = send(null, "init");

        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("c1:1:init");
        assertThat(response.headers().firstValue("semp-session-id")).hasValueSatisfying(id -> assertThat(id).hasSize(22));
        assertThat(server.federation.conversations).singleElement()
                .satisfies(talk -> assertThat(talk.transport).isEqualTo("h2"));
    }

    @Test
    void laterPosts_withTunnelHeader_reachSameConversationInOrder() throws Exception {
        String tunnel = send(null, "m1").headers().firstValue("semp-session-id").orElseThrow();
        List<String> replies = new ArrayList<>();
        for (String message : List.of("m2", "m3", "m4")) {
            replies.add(TestServer.send(client, post("/v1/handshake", tunnel, message)).body());
        }

        assertThat(replies).containsExactly("c1:2:m2", "c1:3:m3", "c1:4:m4");
        assertThat(server.federation.conversations).hasSize(1);
        assertThat(server.federation.offEventLoopViolations).hasValue(0);
    }

    @Test
    void concurrentPosts_inOneTunnel_handledOneAtATime() throws Exception {
        String tunnel = send(null, "first").headers().firstValue("semp-session-id").orElseThrow();
        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            pending.add(client.sendAsync(post("/v1/envelope", tunnel, "p" + i), HttpResponse.BodyHandlers.ofString()));
        }

        for (CompletableFuture<HttpResponse<String>> reply : pending) {
            assertThat(reply.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        FakeFederation.Talk talk = server.federation.conversations.getFirst();
        assertThat(talk.received).hasSize(7);
        assertThat(talk.maxActive).hasValue(1);
    }

    @Test
    void twoTunnels_getDifferentConversations() throws Exception {
        HttpResponse<String> first = send(null, "a");
        HttpResponse<String> second = send(null, "b");

        assertThat(first.headers().firstValue("semp-session-id"))
                .isNotEqualTo(second.headers().firstValue("semp-session-id"));
        assertThat(first.body()).isEqualTo("c1:1:a");
        assertThat(second.body()).isEqualTo("c2:1:b");
        assertThat(send(first.headers().firstValue("semp-session-id").orElseThrow(), "a2").body()).isEqualTo("c1:2:a2");
    }

    @Test
    void unknownTunnelId_badRequestWithoutConversation() throws Exception {
        HttpResponse<String> response = send("AAAAAAAAAAAAAAAAAAAAAA", "hello");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("{");
        assertThat(server.federation.conversations).isEmpty();
    }

    @Test
    void silentReply_holdsStreamThenResets_tunnelStaysUsable() throws Exception {
        String tunnel = send(null, "hello").headers().firstValue("semp-session-id").orElseThrow();
        long started = System.nanoTime();

        assertThatThrownBy(() -> send(tunnel, "silent")).isInstanceOf(IOException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(TestServer.SILENT_HOLD.minusMillis(50));
        assertThat(send(tunnel, "after").body()).isEqualTo("c1:3:after");
    }

    @Test
    void finishedConversation_replySentThenTunnelForgottenAndClosed() throws Exception {
        HttpResponse<String> bye = send(null, "bye");
        String tunnel = bye.headers().firstValue("semp-session-id").orElseThrow();

        assertThat(bye.body()).isEqualTo("c1:1:bye");
        assertThat(server.federation.conversations.getFirst().closed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(send(tunnel, "again").statusCode()).isEqualTo(400);
    }

    @Test
    void malformedMessage_badRequestWithoutSempBody_tunnelKeptUnlessTheConversationFinished() throws Exception {
        String tunnel = send(null, "hello").headers().firstValue("semp-session-id").orElseThrow();

        HttpResponse<String> malformed = send(tunnel, "garbage");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).isEqualTo("malformed SEMP message\n");
        assertThat(send(tunnel, "after").body()).isEqualTo("c1:3:after");

        assertThat(send(tunnel, "garbage-bye").statusCode()).isEqualTo(400);
        assertThat(server.federation.conversations.getFirst().closed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(send(tunnel, "again").statusCode()).isEqualTo(400);
        assertThat(server.federation.conversations.getFirst().received).containsExactly("hello", "garbage", "after", "garbage-bye");
    }

    @Test
    void failingConversation_serviceUnavailable() throws Exception {
        HttpResponse<String> response = send(null, "boom");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(server.federation.conversations.getFirst().closed.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void blockingConversation_doesNotBlockAnotherConnection() throws Exception {
        CompletableFuture<HttpResponse<String>> blocked = client.sendAsync(post("/v1/federate", null, "block"),
                HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(5)).until(() -> !server.federation.conversations.isEmpty()
                && !server.federation.conversations.getFirst().received.isEmpty());

        try (HttpClient other = TestServer.client(HttpClient.Version.HTTP_2)) {
            HttpResponse<String> response = other.sendAsync(post("/v1/federate", null, "meanwhile"),
                    HttpResponse.BodyHandlers.ofString()).get(5, TimeUnit.SECONDS);
            assertThat(response.body()).isEqualTo("c2:1:meanwhile");
        }
        assertThat(blocked).isNotDone();
        server.federation.release();
        assertThat(blocked.get(5, TimeUnit.SECONDS).body()).isEqualTo("c1:1:block");
    }

    @Test
    void bodyBudgetExhausted_serviceUnavailableUntilReturned() throws Exception {
        SempHttpConfig config = TestServer.config(Duration.ofSeconds(10), 64, Duration.ofSeconds(20),
                Duration.ofSeconds(5), Duration.ofSeconds(30), 1000);
        try (TestServer small = TestServer.start(config)) {
            String padding = "p".repeat(600);
            CompletableFuture<HttpResponse<String>> holding = client.sendAsync(HttpRequest.newBuilder(small.uri("/v1/federate"))
                    .POST(HttpRequest.BodyPublishers.ofString("block" + padding)).build(), HttpResponse.BodyHandlers.ofString());
            await().atMost(Duration.ofSeconds(5)).until(() -> !small.federation.conversations.isEmpty()
                    && !small.federation.conversations.getFirst().received.isEmpty());

            HttpResponse<String> refused = TestServer.send(client, HttpRequest.newBuilder(small.uri("/v1/federate"))
                    .POST(HttpRequest.BodyPublishers.ofString(padding)).build());
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(small.federation.conversations).hasSize(1);

            small.federation.release();
            assertThat(holding.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(TestServer.send(client,
                    HttpRequest.newBuilder(small.uri("/v1/federate")).POST(HttpRequest.BodyPublishers.ofString(padding))
                            .build()).statusCode()).isEqualTo(200));
        }
    }

    @Test
    void idleTunnel_expires_conversationClosedAndIdRefused() throws Exception {
        try (TestServer shortIdle = TestServer.start(TestServer.config(Duration.ofMillis(300), 64))) {
            HttpResponse<String> first = TestServer.send(client, HttpRequest.newBuilder(shortIdle.uri("/v1/federate"))
                    .POST(HttpRequest.BodyPublishers.ofString("hello")).build());
            String tunnel = first.headers().firstValue("semp-session-id").orElseThrow();

            assertThat(shortIdle.federation.conversations.getFirst().closed.await(5, TimeUnit.SECONDS)).isTrue();
            HttpResponse<String> late = TestServer.send(client, HttpRequest.newBuilder(shortIdle.uri("/v1/federate"))
                    .header("Semp-Session-Id", tunnel).POST(HttpRequest.BodyPublishers.ofString("late")).build());
            assertThat(late.statusCode()).isEqualTo(400);
            assertThat(shortIdle.federation.conversations.getFirst().closeCalls).hasValue(1);
        }
    }
}
