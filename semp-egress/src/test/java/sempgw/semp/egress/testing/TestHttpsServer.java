package sempgw.semp.egress.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;

/** A tiny HTTPS server on loopback (the JDK's HttpsServer) answering every path with a programmable response. */
public final class TestHttpsServer implements AutoCloseable {

    /** How to answer one exchange. */
    @FunctionalInterface
    public interface Responder {
        void respond(HttpExchange exchange) throws IOException;
    }

    private final HttpsServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicReference<Responder> responder = new AtomicReference<>(e -> send(e, 404, new byte[0]));
    private final List<String> paths = new CopyOnWriteArrayList<>();

    public TestHttpsServer(SSLContext tls) throws IOException {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            try (exchange) {
                responder.get().respond(exchange);
            }
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Every request path seen, in order. */
    public List<String> paths() {
        return List.copyOf(paths);
    }

    public TestHttpsServer respond(Responder r) {
        responder.set(r);
        return this;
    }

    public TestHttpsServer respond(int status, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return respond(e -> send(e, status, bytes));
    }

    public static void send(HttpExchange e, int status, byte[] body) throws IOException {
        e.getResponseHeaders().set("Content-Type", "application/json");
        e.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = e.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }
}
