package sempgw.semp.ingress.http;

import io.netty.handler.codec.http.HttpMethod;
import java.util.Optional;

/**
 * Resolves a request to an {@link HttpRoute}. Pure: no I/O. The query string is ignored; the
 * request target must be in origin form (RFC 9112 §3.2.1).
 */
final class HttpRoutes {
    static final String CONFIGURATION = "/.well-known/semp/configuration";
    static final String DOMAIN_KEYS = "/.well-known/semp/domain-keys";
    static final String KEYS = "/.well-known/semp/keys/";
    static final String FEDERATE = "/v1/federate";
    static final String HANDSHAKE = "/v1/handshake";
    static final String ENVELOPE = "/v1/envelope";

    /** The longest raw (still encoded) address segment looked at. */
    static final int MAX_ENCODED_ADDRESS = 1024;
    /** RFC 5321 §4.5.3.1.1 and §4.5.3.1.2: 64 octets of local part, {@code @}, 255 of domain. */
    static final int MAX_ADDRESS = 320;

    private HttpRoutes() {}

    /** As {@link #resolve(HttpMethod, String, boolean, boolean)} with the WebSocket binding served. */
    static HttpRoute resolve(HttpMethod method, String uri, boolean h2) {
        return resolve(method, uri, h2, true);
    }

    /**
     * @param uri the request target as received
     * @param h2 whether the request arrived on HTTP/2 (tunnels) or HTTP/1.1 (WebSocket upgrade)
     * @param webSocket whether the {@code ws} binding is served; when not, its path on HTTP/1.1 is
     *     not found, as the configuration document does not advertise it (DISCOVERY.md §3.2.1)
     */
    static HttpRoute resolve(HttpMethod method, String uri, boolean h2, boolean webSocket) {
        String path = path(uri);
        return switch (path) {
            case CONFIGURATION -> only(method, HttpMethod.GET, new HttpRoute.Configuration());
            case DOMAIN_KEYS -> only(method, HttpMethod.GET, new HttpRoute.DomainKeys());
            case KEYS -> only(method, HttpMethod.POST, new HttpRoute.UserKeysBatch());
            case FEDERATE -> h2
                    ? only(method, HttpMethod.POST, new HttpRoute.Tunnel())
                    : webSocket ? only(method, HttpMethod.GET, new HttpRoute.WebSocketUpgrade()) : new HttpRoute.NotFound();
            case HANDSHAKE, ENVELOPE -> h2
                    ? only(method, HttpMethod.POST, new HttpRoute.Tunnel())
                    : new HttpRoute.NotFound();
            default -> path.startsWith(KEYS) ? userKeys(method, path.substring(KEYS.length()))
                    : new HttpRoute.NotFound();
        };
    }

    private static HttpRoute userKeys(HttpMethod method, String encoded) {
        if (encoded.indexOf('/') >= 0) {
            return new HttpRoute.NotFound();
        }
        if (!HttpMethod.GET.equals(method)) {
            return new HttpRoute.MethodNotAllowed(HttpMethod.GET.name());
        }
        if (encoded.length() > MAX_ENCODED_ADDRESS) {
            return new HttpRoute.BadRequest("address too long");
        }
        Optional<String> address = PercentDecoding.decode(encoded);
        if (address.isEmpty()) {
            return new HttpRoute.BadRequest("malformed percent-encoding");
        }
        if (address.get().length() > MAX_ADDRESS) {
            return new HttpRoute.BadRequest("address too long");
        }
        return new HttpRoute.UserKeys(address.get());
    }

    private static HttpRoute only(HttpMethod method, HttpMethod allowed, HttpRoute route) {
        return allowed.equals(method) ? route : new HttpRoute.MethodNotAllowed(allowed.name());
    }

    static String path(String uri) {
        int end = uri.length();
        int query = uri.indexOf('?');
        if (query >= 0) {
            end = query;
        }
        int fragment = uri.indexOf('#');
        if (fragment >= 0 && fragment < end) {
            end = fragment;
        }
        return uri.substring(0, end);
    }
}
