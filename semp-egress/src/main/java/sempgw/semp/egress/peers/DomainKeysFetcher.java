package sempgw.semp.egress.peers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import sempgw.semp.egress.discovery.BoundedBody;

/**
 * GETs {@code endpoints.domain_keys} (KEY.md §2.3, HANDSHAKE.md §5.3 step 3) the way
 * {@code HttpsConfigurationFetcher} fetches the configuration: HTTPS only, the injected trust
 * store is the anchor (host names verified), no redirects, a bounded body, connect and request
 * timeouts, an anonymous request.
 */
final class DomainKeysFetcher implements AutoCloseable {

    private final HttpClient client;
    private final Duration requestTimeout;
    private final int maxBytes;

    DomainKeysFetcher(SSLContext tls, Duration connectTimeout, Duration requestTimeout, int maxBytes) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(Objects.requireNonNull(tls, "tls"))
                .connectTimeout(connectTimeout)
                .build();
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.maxBytes = maxBytes;
    }

    PublishedDomainKeys fetch(URI url, String domain, Instant now, Duration ttl) throws DomainKeysException {
        if (!"https".equalsIgnoreCase(url.getScheme())) {
            throw new DomainKeysException("domain keys URL is not https: " + url, false);
        }
        HttpRequest request = HttpRequest.newBuilder(url).timeout(requestTimeout).header("Accept", "application/json").GET().build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, BoundedBody.handler(maxBytes));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DomainKeysException(url + ": interrupted", e);
        } catch (IOException e) {
            throw new DomainKeysException(url + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
        if (response.statusCode() != 200) {
            throw new DomainKeysException(url + ": HTTP " + response.statusCode(), true);
        }
        return DomainKeysParser.parse(response.body(), domain, now, ttl);
    }

    @Override
    public void close() {
        client.close();
    }
}
