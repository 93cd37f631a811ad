package sempgw.semp.ingress.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import sempgw.semp.egress.testing.TestTls;

final class ServerRobustnessTest {

    private static int getConfiguration(TestServer server) throws Exception {
        try (HttpClient client = TestServer.client(HttpClient.Version.HTTP_2)) {
            return TestServer.send(client, HttpRequest.newBuilder(server.uri("/.well-known/semp/configuration")).build())
                    .statusCode();
        }
    }

    private static SSLSocket tls(TestServer server) throws Exception {
        SSLSocket socket = (SSLSocket) TestTls.localhost().trustingContext().getSocketFactory()
                .createSocket("localhost", server.server.port());
        socket.setSoTimeout(5000);
        socket.startHandshake();
        return socket;
    }

    /** Reads until the server closes the connection; returns what it sent. */
    private static String drain(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    /** The first byte the server sends (21: a TLS alert), or -1 once it closed or reset the connection. */
    private static int firstByteOrClosed(InputStream in) {
        try {
            return in.read();
        } catch (IOException reset) {
            return -1;
        }
    }

    @Test
    void plainTcpGarbage_connectionClosed_serverKeepsServing() throws Exception {
        try (TestServer server = TestServer.start(); Socket socket = new Socket("localhost", server.server.port())) {
            socket.setSoTimeout(5000);
            byte[] junk = new byte[4096];
            new Random(7).nextBytes(junk);
            OutputStream out = socket.getOutputStream();
            out.write(junk);
            out.flush();

            assertThat(firstByteOrClosed(socket.getInputStream())).isIn(-1, 21);
            assertThat(getConfiguration(server)).isEqualTo(200);
        }
    }

    @Test
    void garbageOverTls_badRequestAndClosed_serverKeepsServing() throws Exception {
        try (TestServer server = TestServer.start(); SSLSocket socket = tls(server)) {
            OutputStream out = socket.getOutputStream();
            out.write("\u0001\u0002 GARBAGE \u00ff\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();

            assertThat(drain(socket.getInputStream())).startsWith("HTTP/1.1 400");
            assertThat(getConfiguration(server)).isEqualTo(200);
        }
    }

    /** Whether a new TLS connection is admitted and stays open (no EOF within 100 ms). */
    private static boolean admitted(TestServer server) {
        try (SSLSocket socket = tls(server)) {
            socket.setSoTimeout(100);
            return socket.getInputStream().read() >= 0;
        } catch (SocketTimeoutException stillOpen) {
            return true;
        } catch (Exception refused) {
            return false;
        }
    }

    @Test
    void connectionsPerAddress_overLimit_refusedUntilOneCloses() throws Exception {
        try (TestServer server = TestServer.start(TestServer.config(Duration.ofSeconds(10), 2));
                SSLSocket first = tls(server)) {
            SSLSocket second = tls(server);

            assertThat(admitted(server)).isFalse();
            second.close();
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> admitted(server));
            assertThat(first.isClosed()).isFalse();
        }
    }

    @Test
    void silentPlainConnection_closedAfterTlsHandshakeTimeout() throws Exception {
        SempHttpConfig config = TestServer.config(Duration.ofSeconds(10), 64, Duration.ofSeconds(10),
                Duration.ofMillis(300), Duration.ofSeconds(30));
        try (TestServer server = TestServer.start(config); Socket socket = new Socket("localhost", server.server.port())) {
            socket.setSoTimeout(5000);
            long started = System.nanoTime();

            assertThat(firstByteOrClosed(socket.getInputStream())).isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void idleTlsConnection_closedAfterIdleTimeout() throws Exception {
        SempHttpConfig config = TestServer.config(Duration.ofSeconds(10), 64, Duration.ofMillis(700),
                Duration.ofSeconds(5), Duration.ofSeconds(30));
        try (TestServer server = TestServer.start(config)) {
            long connecting = System.nanoTime();
            try (SSLSocket socket = tls(server)) {
                assertThat(firstByteOrClosed(socket.getInputStream())).isEqualTo(-1);
                // the idle timer starts when the connection is accepted, before the TLS handshake
                assertThat(Duration.ofNanos(System.nanoTime() - connecting)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(4));
            }
        }
    }

    @Test
    void start_portInUse_throwsAndCanStartLater() throws Exception {
        try (TestServer running = TestServer.start()) {
            SempHttpConfig taken = SempHttpConfig.defaults(new InetSocketAddress("127.0.0.1", running.server.port()));
            SempHttpServer second = new SempHttpServer(taken, TestServer.serverTls(), new FakeDocuments(),
                    new FakeFederation(), Clock.systemUTC());

            assertThatThrownBy(second::start).isInstanceOf(BindException.class);
            assertThatThrownBy(second::port).isInstanceOf(IllegalStateException.class);
            second.close();
        }
    }

    @Test
    void stop_letsInFlightReplyFinishThenRefusesConnections() throws Exception {
        TestServer server = TestServer.start();
        int port = server.server.port();
        try (HttpClient client = TestServer.client(HttpClient.Version.HTTP_2)) {
            CompletableFuture<HttpResponse<String>> reply = client.sendAsync(HttpRequest.newBuilder(server.uri("/v1/federate"))
                    .POST(HttpRequest.BodyPublishers.ofString("block")).build(), HttpResponse.BodyHandlers.ofString());
            await().atMost(Duration.ofSeconds(5)).until(() -> !server.federation.conversations.isEmpty()
                    && !server.federation.conversations.getFirst().received.isEmpty());
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
            Thread.sleep(200);
            server.federation.release();

            assertThat(reply.get(5, TimeUnit.SECONDS).body()).isEqualTo("c1:1:block");
            stopping.get(10, TimeUnit.SECONDS);
            assertThat(server.federation.conversations.getFirst().closed.await(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThatThrownBy(() -> new Socket("localhost", port).close()).isInstanceOf(IOException.class);
    }
}
