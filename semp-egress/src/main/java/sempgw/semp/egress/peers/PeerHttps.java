package sempgw.semp.egress.peers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import sempgw.semp.egress.discovery.BoundedBody;

/**
 * Plain HTTPS requests to the API endpoints a peer's configuration advertises ({@code domain_keys},
 * {@code keys}; DISCOVERY.md §3.1.1), made the way {@code HttpsConfigurationFetcher} fetches the
 * configuration: HTTPS only, the injected trust store is the anchor (host names verified), no
 * redirects (DISCOVERY.md §3.2.1: the advertised URL is the only one), a bounded body
 * ({@link BoundedBody}), connect and request timeouts, and anonymous requests (no cookies, no
 * credentials; KEY.md §4.1). Thread-safe.
 */
public final class PeerHttps implements AutoCloseable {

    /** A response: its status and its body, at most the limit asked for. */
    public record Response(int status, byte[] body) {
        public Response {
            Objects.requireNonNull(body, "body");
        }
    }

    private final HttpClient client;
    private final Duration requestTimeout;

    /**
     * @param tls            the trust for every request ({@code semp.trust_file} and the platform's)
     * @param connectTimeout bound on TCP and TLS setup
     * @param requestTimeout bound on each whole exchange
     */
    public PeerHttps(SSLContext tls, Duration connectTimeout, Duration requestTimeout) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(Objects.requireNonNull(tls, "tls"))
                .connectTimeout(Objects.requireNonNull(connectTimeout, "connectTimeout"))
                .build();
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /**
     * {@code GET url}.
     *
     * @throws IOException on a URL that is not https, a network, TLS or timeout failure, or a body
     *     over {@code maxBytes} ({@link BoundedBody.TooLargeException} in the cause chain)
     */
    public Response get(URI url, int maxBytes) throws IOException, InterruptedException {
        return send(request(url).GET().build(), maxBytes);
    }

    /** {@code POST url} with a JSON body; failures as {@link #get}. */
    public Response post(URI url, byte[] json, int maxBytes) throws IOException, InterruptedException {
        return send(request(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build(), maxBytes);
    }

    private HttpRequest.Builder request(URI url) throws IOException {
        if (!"https".equalsIgnoreCase(url.getScheme())) {
            throw new IOException("not an https URL: " + url);
        }
        return HttpRequest.newBuilder(url).timeout(requestTimeout).header("Accept", "application/json");
    }

    private Response send(HttpRequest request, int maxBytes) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(request, BoundedBody.handler(maxBytes));
        return new Response(response.statusCode(), response.body());
    }

    /** True when {@code e} or a cause is a body over the limit. */
    public static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BoundedBody.TooLargeException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        client.close();
    }
}
