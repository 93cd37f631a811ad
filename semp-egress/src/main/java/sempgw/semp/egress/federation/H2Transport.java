package sempgw.semp.egress.federation;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.net.ssl.SSLException;
import sempgw.core.SempReason;
import sempgw.semp.egress.discovery.BoundedBody;

/**
 * Federation over HTTP/2 (TRANSPORT.md §4.2) with the JDK {@link HttpClient}: each SEMP message
 * is one POST to the advertised {@code endpoints.federation.h2} URL, its response body the one
 * reply (docs/interop.md, federation over h2). The {@code Semp-Session-Id} header of the first response ties the
 * following POSTs to the same tunnel (TRANSPORT.md §4.2.3); we echo it on every later POST.
 * HTTP status is transport-level only (§4.2.2): anything but 200 with a body is a failure,
 * transient except 413, which says the message exceeds the peer's {@code max_envelope_size}: the
 * same bytes would be refused again, so that is the terminal {@code envelope_size_exceeded}.
 * A reply that does not come in time is "silent", and so is a stream the server resets after
 * holding it (our server holds a silent reply for 35 s, then resets the stream); the tunnel stays open.
 *
 * <p>Turns: handshake and rekey messages ({@link TransportConnection#exchange}) go one at a time
 * and alone; envelopes ({@link TransportConnection#exchangeConcurrently}) go up to
 * {@code maxConcurrent} at once, each POST its own stream (TRANSPORT.md §4.3.2: concurrent
 * envelope deliveries proceed independently, §8.3). A rekey waits for the envelopes in flight,
 * and envelopes after it wait for its answer (a read/write lock; a queued writer holds back new
 * readers, so a rekey is not starved): no envelope is on the wire while the rekey is, and one
 * sealed under the old session id just before it is accepted in the transition window (SESSION.md
 * §3.4).
 *
 * <p>TLS: the injected {@link javax.net.ssl.SSLContext} is the trust store; host names are
 * verified; redirects are never followed. Replies are bounded ({@link FederationSettings#maxReplyBytes()}).
 */
public final class H2Transport implements FederationTransport {

    /** The tunnel correlation header (TRANSPORT.md §4.2.3). */
    public static final String SESSION_HEADER = "Semp-Session-Id";

    private final HttpClient client;
    private final int maxReplyBytes;
    private final int maxConcurrent;

    /** With {@link FederationSettings#DEFAULT_MAX_CONCURRENT_ENVELOPES} envelopes in flight per tunnel at most. */
    public H2Transport(HttpClient client, int maxReplyBytes) {
        this(client, maxReplyBytes, FederationSettings.DEFAULT_MAX_CONCURRENT_ENVELOPES);
    }

    /**
     * @param client        an HTTP/2 client with the gateway's trust store; see {@link #client}
     * @param maxConcurrent envelopes in flight at once on one tunnel
     */
    public H2Transport(HttpClient client, int maxReplyBytes, int maxConcurrent) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be positive");
        }
        this.client = Objects.requireNonNull(client, "client");
        this.maxReplyBytes = maxReplyBytes;
        this.maxConcurrent = maxConcurrent;
    }

    /** The HTTP client both bindings share: HTTP/2, {@code tls} as trust, no redirects, {@code connectTimeout}. */
    public static HttpClient client(javax.net.ssl.SSLContext tls, Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(Objects.requireNonNull(tls, "tls"))
                .connectTimeout(connectTimeout)
                .build();
    }

    @Override
    public String id() {
        return "h2";
    }

    @Override
    public TransportConnection connect(URI endpoint) throws DeliveryException {
        if (!"https".equalsIgnoreCase(endpoint.getScheme())) {
            throw DeliveryException.connectFailed("h2 endpoint is not https: " + endpoint, null);
        }
        return new Tunnel(endpoint);
    }

    /**
     * The server reset this request's stream (RFC 9113 §6.4): its way to stay silent. The JDK
     * client reports a reset as an {@link IOException} reading {@code "Received RST_STREAM: <code>"}
     * or {@code "RST_STREAM received <code>"}, possibly wrapped; {@code REFUSED_STREAM} the client
     * retries by itself.
     */
    static boolean isStreamReset(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("RST_STREAM")) {
                return true;
            }
        }
        return false;
    }

    /** One tunnel: POSTs correlated by the session header; handshake and rekey alone, envelopes side by side. */
    private final class Tunnel implements TransportConnection {
        private final URI endpoint;
        private final ReentrantReadWriteLock turns = new ReentrantReadWriteLock();
        private final Semaphore lanes = new Semaphore(maxConcurrent);
        private volatile String tunnelId;
        private volatile boolean open = true;
        private volatile boolean answered;

        Tunnel(URI endpoint) {
            this.endpoint = endpoint;
        }

        @Override
        public Optional<byte[]> exchange(byte[] message, Duration timeout) throws DeliveryException {
            return post(turns.writeLock(), message, timeout);
        }

        /** Alone until the tunnel has its id, then beside other envelopes, at most {@code maxConcurrent}. */
        @Override
        public Optional<byte[]> exchangeConcurrently(byte[] message, Duration timeout) throws DeliveryException {
            if (tunnelId == null) {
                return exchange(message, timeout);
            }
            try {
                lanes.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw fail("h2 exchange interrupted", e);
            }
            try {
                return post(turns.readLock(), message, timeout);
            } finally {
                lanes.release();
            }
        }

        private Optional<byte[]> post(Lock turn, byte[] message, Duration timeout) throws DeliveryException {
            turn.lock();
            try {
                if (!open) {
                    throw new DeliveryException("h2 tunnel to " + endpoint.getHost() + " is closed");
                }
                HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                        .timeout(timeout)
                        .header("Content-Type", "application/json; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(message));
                String id = tunnelId;
                if (id != null) {
                    request.header(SESSION_HEADER, id);
                }
                HttpResponse<byte[]> response = client.send(request.build(), BoundedBody.handler(maxReplyBytes));
                if (response.statusCode() == 413) {
                    open = false;
                    throw DeliveryException.refusedByPeer(SempReason.ENVELOPE_SIZE_EXCEEDED, "h2 " + endpoint.getHost()
                            + ": HTTP 413, the message exceeds the peer's max_envelope_size (TRANSPORT.md §4.2.2)");
                }
                if (response.statusCode() != 200 || response.body().length == 0) {
                    throw fail("h2 " + endpoint.getHost() + ": HTTP " + response.statusCode()
                            + (response.body().length == 0 ? " without a body" : ""), null);
                }
                if (id == null) {
                    tunnelId = response.headers().firstValue(SESSION_HEADER).orElse(null);
                }
                answered = true;
                return Optional.of(response.body());
            } catch (HttpConnectTimeoutException | ConnectException e) {
                throw fail("h2 connect to " + endpoint.getHost() + " failed: " + e.getClass().getSimpleName(), e);
            } catch (HttpTimeoutException e) {
                return Optional.empty();
            } catch (SSLException e) {
                throw fail("h2 TLS to " + endpoint.getHost() + " failed: " + e.getMessage(), e);
            } catch (IOException e) {
                if (isStreamReset(e)) {
                    return Optional.empty();
                }
                throw fail("h2 " + endpoint.getHost() + ": " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw fail("h2 exchange interrupted", e);
            } finally {
                turn.unlock();
            }
        }

        /** Closes the tunnel; before any reply, a failure is a connect failure (fallback allowed). */
        private DeliveryException fail(String detail, Throwable cause) {
            open = false;
            return answered || !(cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException || cause instanceof SSLException)
                    ? new DeliveryException(detail, cause)
                    : DeliveryException.connectFailed(detail, cause);
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }
}
