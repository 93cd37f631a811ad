package sempgw.semp.ingress.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sempgw.core.ClockState;
import sempgw.semp.egress.testing.MutableClock;
import sempgw.semp.ingress.ClockWatch;

/** CONFORMANCE.md §9.3.5 at the listener: while the clock state is unknown no federation message gets in. */
final class ClockStateAdmissionTest {
    private final MutableClock wall = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
    private final AtomicLong monotonic = new AtomicLong();
    private final ClockWatch watch = new ClockWatch(wall, monotonic::get);
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.watching(watch);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void wallClockStands() {
        for (int span = 0; span < ClockState.STOPPED_SPANS; span++) {
            monotonic.addAndGet(ClockState.MIN_SPAN.toNanos());
            watch.sample();
        }
    }

    private void wallClockRuns() {
        monotonic.addAndGet(ClockState.MIN_SPAN.toNanos());
        wall.advance(ClockState.MIN_SPAN);
        watch.sample();
    }

    private HttpResponse<String> post() throws Exception {
        try (HttpClient client = TestServer.client(HttpClient.Version.HTTP_2)) {
            return TestServer.send(client, HttpRequest.newBuilder(server.uri("/v1/federate"))
                    .POST(HttpRequest.BodyPublishers.ofString("init")).build());
        }
    }

    @Test
    void h2Message_whileTheWallClockStands_503WithoutAConversation_admittedOnceItRunsAgain() throws Exception {
        wallClockStands();

        HttpResponse<String> refused = post();

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).contains("clock state unknown");
        assertThat(server.federation.conversations).isEmpty();

        wallClockRuns();

        assertThat(post().statusCode()).isEqualTo(200);
        assertThat(server.federation.conversations).hasSize(1);
    }

    @Test
    void wsMessage_whileTheWallClockStands_closedTryAgainLaterWithoutAnAnswer() throws Exception {
        wallClockStands();
        RecordingListener listener = new RecordingListener();
        try (HttpClient client = TestServer.client(HttpClient.Version.HTTP_1_1)) {
            WebSocket socket = client.newWebSocketBuilder().subprotocols(WebSocketGate.SUBPROTOCOL)
                    .buildAsync(server.ws(), listener).get(5, TimeUnit.SECONDS);

            socket.sendText("init", true).get(5, TimeUnit.SECONDS);

            assertThat(listener.awaitClose()).isEqualTo(1013);
        }
        assertThat(server.federation.conversations).allSatisfy(talk -> assertThat(talk.received).isEmpty());
    }

    @Test
    void documents_stillServedWhileTheClockStateIsUnknown() throws Exception {
        wallClockStands();

        try (HttpClient client = TestServer.client(HttpClient.Version.HTTP_2)) {
            HttpResponse<String> configuration = TestServer.send(client,
                    HttpRequest.newBuilder(server.uri(HttpRoutes.CONFIGURATION)).timeout(Duration.ofSeconds(5)).build());
            assertThat(configuration.statusCode()).isEqualTo(200);
        }
    }
}
