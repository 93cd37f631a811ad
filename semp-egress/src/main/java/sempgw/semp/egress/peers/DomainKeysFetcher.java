package sempgw.semp.egress.peers;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLContext;

/**
 * GETs {@code endpoints.domain_keys} (KEY.md §2.3, HANDSHAKE.md §5.3 step 3) over
 * {@link PeerHttps}: HTTPS only, the injected trust store, no redirects, a bounded body, connect
 * and request timeouts, an anonymous request.
 */
final class DomainKeysFetcher implements AutoCloseable {

    private final PeerHttps https;
    private final int maxBytes;

    DomainKeysFetcher(SSLContext tls, Duration connectTimeout, Duration requestTimeout, int maxBytes) {
        this.https = new PeerHttps(tls, connectTimeout, requestTimeout);
        this.maxBytes = maxBytes;
    }

    PublishedDomainKeys fetch(URI url, String domain, Instant now, Duration ttl) throws DomainKeysException {
        if (!"https".equalsIgnoreCase(url.getScheme())) {
            throw new DomainKeysException("domain keys URL is not https: " + url, false);
        }
        PeerHttps.Response response;
        try {
            response = https.get(url, maxBytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DomainKeysException(url + ": interrupted", e);
        } catch (IOException e) {
            throw new DomainKeysException(url + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
        if (response.status() != 200) {
            throw new DomainKeysException(url + ": HTTP " + response.status(), true);
        }
        return DomainKeysParser.parse(response.body(), domain, now, ttl);
    }

    @Override
    public void close() {
        https.close();
    }
}
