package sempgw.semp.egress.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sempgw.semp.egress.testing.TestHttpsServer;
import sempgw.semp.egress.testing.TestTls;

/**
 * The h2 binding's turns against a server that enforces no order of its own and holds replies:
 * envelopes overlap up to the limit; a handshake or rekey message waits for the envelopes in
 * flight, and envelopes after it wait for its answer.
 */
final class H2ConcurrencyTest {
    private static final Duration TURN = Duration.ofSeconds(10);

    private static TestHttpsServer https;
    private static HttpClient http;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger maxActive = new AtomicInteger();
    private final CountDownLatch hold = new CountDownLatch(1);

    @BeforeAll
    static void start() throws Exception {
        TestTls tls = TestTls.selfSigned("localhost");
        https = new TestHttpsServer(tls.serverContext());
        http = H2Transport.client(tls.trustingContext(), Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() {
        http.close();
        https.close();
    }

    @BeforeEach
    void respond() {
        https.respond(this::reply);
    }

    /** Echoes the body; bodies starting {@code hold} wait for the test; logs start and end of each. */
    private void reply(HttpExchange e) throws IOException {
        String body = new String(e.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
        events.add("start " + body);
        try {
            if (body.startsWith("hold")) {
                hold.await(20, TimeUnit.SECONDS);
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        } finally {
            events.add("end " + body);
            active.decrementAndGet();
        }
        e.getResponseHeaders().set(H2Transport.SESSION_HEADER, "tunnel-1");
        TestHttpsServer.send(e, 200, body.getBytes(StandardCharsets.UTF_8));
    }

    private TransportConnection tunnel(int maxConcurrent) throws DeliveryException {
        return new H2Transport(http, 1 << 16, maxConcurrent).connect(URI.create("https://localhost:" + https.port() + "/v1/federate"));
    }

    private static List<Future<Optional<byte[]>>> envelopes(ExecutorService pool, TransportConnection c, List<String> bodies) {
        List<Future<Optional<byte[]>>> replies = new ArrayList<>();
        for (String b : bodies) {
            replies.add(pool.submit(() -> c.exchangeConcurrently(b.getBytes(StandardCharsets.UTF_8), TURN)));
        }
        return replies;
    }

    private static String text(Future<Optional<byte[]>> reply) throws Exception {
        return new String(reply.get(20, TimeUnit.SECONDS).orElseThrow(), StandardCharsets.UTF_8);
    }

    @Test
    void exchangeConcurrently_manyEnvelopes_overlapUpToTheLimitAndEachGetsItsReply() throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            bodies.add("hold " + i);
        }
        try (TransportConnection c = tunnel(4); ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            c.exchange("init".getBytes(StandardCharsets.UTF_8), TURN);
            List<Future<Optional<byte[]>>> replies = envelopes(pool, c, bodies);
            await().atMost(TURN).until(() -> active.get() == 4);
            Thread.sleep(150);
            assertThat(maxActive).hasValue(4);
            hold.countDown();
            for (int i = 0; i < bodies.size(); i++) {
                assertThat(text(replies.get(i))).isEqualTo(bodies.get(i));
            }
        }
    }

    @Test
    void exchangeConcurrently_beforeTheTunnelHasItsId_goesAlone() throws Exception {
        try (TransportConnection c = tunnel(4); ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Optional<byte[]>>> replies = envelopes(pool, c, List.of("hold a", "hold b"));
            await().atMost(TURN).until(() -> active.get() == 1);
            Thread.sleep(150);
            assertThat(maxActive).hasValue(1);
            hold.countDown();
            assertThat(text(replies.get(0))).isEqualTo("hold a");
            assertThat(text(replies.get(1))).isEqualTo("hold b");
        }
    }

    @Test
    void exchange_whileEnvelopesInFlight_waitsForThemAndHoldsBackLaterEnvelopes() throws Exception {
        try (TransportConnection c = tunnel(8); ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            c.exchange("init".getBytes(StandardCharsets.UTF_8), TURN);
            List<Future<Optional<byte[]>>> first = envelopes(pool, c, List.of("hold 1", "hold 2"));
            await().atMost(TURN).until(() -> active.get() == 2);
            List<String> rekeyReply = new CopyOnWriteArrayList<>();
            Thread rekey = Thread.ofPlatform().start(() -> {
                try {
                    rekeyReply.add(new String(c.exchange("rekey".getBytes(StandardCharsets.UTF_8), TURN).orElseThrow(),
                            StandardCharsets.UTF_8));
                } catch (DeliveryException e) {
                    rekeyReply.add(e.toString());
                }
            });
            await().atMost(TURN).until(() -> rekey.getState() == Thread.State.WAITING);
            List<Future<Optional<byte[]>>> later = envelopes(pool, c, List.of("after"));
            Thread.sleep(150);
            assertThat(events).containsExactlyInAnyOrder("start init", "end init", "start hold 1", "start hold 2");

            hold.countDown();
            rekey.join(20_000);
            assertThat(text(first.get(0))).isEqualTo("hold 1");
            assertThat(text(first.get(1))).isEqualTo("hold 2");
            assertThat(text(later.getFirst())).isEqualTo("after");
            assertThat(rekeyReply).containsExactly("rekey");
        }
        int rekeyStart = events.indexOf("start rekey");
        assertThat(rekeyStart).isGreaterThan(events.indexOf("end hold 1")).isGreaterThan(events.indexOf("end hold 2"));
        assertThat(events.get(rekeyStart + 1)).isEqualTo("end rekey");
        assertThat(events.indexOf("start after")).isGreaterThan(rekeyStart);
    }
}
