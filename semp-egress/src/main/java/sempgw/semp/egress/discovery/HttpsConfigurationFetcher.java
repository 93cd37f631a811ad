package sempgw.semp.egress.discovery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches {@code https://<target>[:port]/.well-known/semp/configuration} with the JDK HttpClient
 * (DISCOVERY.md §3, §5.5) and validates it with {@link ConfigurationParser}.
 *
 * <ul>
 *   <li>HTTPS only; HTTP/2 negotiated by ALPN, HTTP/1.1 accepted (the document is plain HTTPS;
 *       h2 is mandatory for SEMP sessions, TRANSPORT.md §4).</li>
 *   <li>The certificate chain is the trust anchor (DISCOVERY.md §3): the injected
 *       {@link SSLContext} decides what is trusted; host names are always verified.</li>
 *   <li>Redirects are not followed: the path is fixed by the protocol (DISCOVERY.md §3.2) and a
 *       redirect would move trust to a host the SRV record did not name.</li>
 *   <li>The body is bounded ({@link #DEFAULT_MAX_BYTES} unless configured), and the exchange by a
 *       connect and a request timeout.</li>
 *   <li>The request is anonymous: no cookies, no credentials, nothing about the sender
 *       (DISCOVERY.md §1.2).</li>
 * </ul>
 */
public final class HttpsConfigurationFetcher implements ConfigurationSource, AutoCloseable {

    /** 64 KiB: a full document with every optional endpoint is about 2 KiB. */
    public static final int DEFAULT_MAX_BYTES = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(HttpsConfigurationFetcher.class);

    private final HttpClient client;
    private final Duration requestTimeout;
    private final int maxBytes;

    /**
     * @param tls            the trust for the fetch: {@code SSLContext.getDefault()} in production
     * @param connectTimeout bound on TCP + TLS setup
     * @param requestTimeout bound on the whole exchange
     * @param maxBytes       the largest body accepted
     */
    public HttpsConfigurationFetcher(SSLContext tls, Duration connectTimeout, Duration requestTimeout, int maxBytes) {
        Objects.requireNonNull(tls, "tls");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.maxBytes = maxBytes;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(tls)
                .connectTimeout(Objects.requireNonNull(connectTimeout, "connectTimeout"))
                .build();
    }

    /** Production settings: 5 s to connect, 10 s for the exchange, {@link #DEFAULT_MAX_BYTES}. */
    public static HttpsConfigurationFetcher withDefaults(SSLContext tls) {
        return new HttpsConfigurationFetcher(tls, Duration.ofSeconds(5), Duration.ofSeconds(10), DEFAULT_MAX_BYTES);
    }

    @Override
    public ConfigFetch fetch(ServerTarget target, String domain) {
        String url = target.configurationUrl();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, BoundedBody.handler(maxBytes));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ConfigFetch.Failed(ConfigError.TIMEOUT, url + ": interrupted");
        } catch (IOException e) {
            ConfigFetch.Failed failed = classify(url, e);
            log.debug("configuration fetch {} failed: {} {}", url, failed.error(), failed.detail());
            return failed;
        }
        return switch (response.statusCode()) {
            case 200 -> parse(url, response.body(), domain);
            case 404 -> new ConfigFetch.Failed(ConfigError.NOT_FOUND, url + ": HTTP 404");
            default -> new ConfigFetch.Failed(ConfigError.HTTP_STATUS, url + ": HTTP " + response.statusCode());
        };
    }

    private static ConfigFetch parse(String url, byte[] body, String domain) {
        try {
            return new ConfigFetch.Fetched(ConfigurationParser.parse(body, domain));
        } catch (ConfigurationException e) {
            return new ConfigFetch.Failed(e.error(), url + ": " + e.getMessage());
        }
    }

    private static ConfigFetch.Failed classify(String url, IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BoundedBody.TooLargeException) {
                return new ConfigFetch.Failed(ConfigError.TOO_LARGE, url + ": " + t.getMessage());
            }
            if (t instanceof SSLException) {
                return new ConfigFetch.Failed(ConfigError.TLS, url + ": " + t.getMessage());
            }
            if (t instanceof HttpTimeoutException) {
                return new ConfigFetch.Failed(ConfigError.TIMEOUT, url + ": " + t.getMessage());
            }
        }
        return new ConfigFetch.Failed(ConfigError.UNREACHABLE, url + ": " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }

    @Override
    public void close() {
        client.close();
    }
}
