package sempgw.semp.egress.keys;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import sempgw.core.SempTimestamps;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.JsonArray;
import sempgw.core.json.JsonObject;
import sempgw.semp.egress.peers.PeerHttps;

/**
 * The peer's {@code endpoints.keys} URL (DISCOVERY.md §3.1.1, §3.4), the only place user keys are
 * asked for (§3.2.1: never a guessed path):
 *
 * <ul>
 *   <li>batch: {@code POST <endpoints.keys>} with a {@code SEMP_KEYS} request for identity and
 *   encryption keys (KEY.md §3.1, §4.1, §4.2); 405 means the server has no batch fetch (KEY.md
 *   §3.1), and 404 or 501 are read the same way (servers that route only the per-address GET);</li>
 *   <li>single: {@code GET <endpoints.keys><address>}, the address percent-encoded where RFC 3986
 *   §3.3 requires; 404 means no keys (the reference server's answer for an unknown user).</li>
 * </ul>
 * Any other status is HTTP_STATUS; network, TLS and timeout failures UNREACHABLE; an oversize body
 * TOO_LARGE. The request is anonymous and names only the asked addresses (KEY.md §4.1).
 */
final class KeysEndpoint {
    private static final Set<Integer> NO_BATCH = Set.of(404, 405, 501);

    /** A batch answer: the response body, or "use the per-address URL". */
    sealed interface Batch {
        record Body(byte[] bytes) implements Batch {
        }

        record Unsupported(int status) implements Batch {
        }
    }

    private final PeerHttps https;
    private final URI base;
    private final int maxBytes;

    KeysEndpoint(PeerHttps https, URI base, int maxBytes) {
        this.https = https;
        this.base = base;
        this.maxBytes = maxBytes;
    }

    Batch batch(String requestId, List<String> addresses, Instant now) throws KeyLookupException {
        byte[] request = CanonicalJson.encode(JsonObject.builder()
                .put("type", "SEMP_KEYS")
                .put("step", "request")
                .put("version", "1.0.0")
                .put("id", requestId)
                .put("timestamp", SempTimestamps.format(now))
                .put("addresses", JsonArray.ofStrings(addresses))
                .put("key_types", JsonArray.ofStrings(List.of("identity", "encryption")))
                .put("include_domain_keys", false)
                .build());
        PeerHttps.Response r = send(base, Optional.of(request));
        if (r.status() == 200) {
            return new Batch.Body(r.body());
        }
        if (NO_BATCH.contains(r.status())) {
            return new Batch.Unsupported(r.status());
        }
        throw new KeyLookupException(KeyLookupError.HTTP_STATUS, "keys " + base.getHost() + ": HTTP " + r.status() + " to a batch request");
    }

    /** The response for one address, or empty when the server has none (404). */
    Optional<byte[]> single(String address) throws KeyLookupException {
        PeerHttps.Response r = send(URI.create(base + encode(address)), Optional.empty());
        return switch (r.status()) {
            case 200 -> Optional.of(r.body());
            case 404 -> Optional.empty();
            default -> throw new KeyLookupException(KeyLookupError.HTTP_STATUS, "keys " + base.getHost() + ": HTTP " + r.status());
        };
    }

    private PeerHttps.Response send(URI url, Optional<byte[]> post) throws KeyLookupException {
        try {
            return post.isPresent() ? https.post(url, post.get(), maxBytes) : https.get(url, maxBytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeyLookupException(KeyLookupError.UNREACHABLE, "keys " + base.getHost() + ": interrupted");
        } catch (IOException e) {
            if (PeerHttps.tooLarge(e)) {
                throw new KeyLookupException(KeyLookupError.TOO_LARGE, "keys " + base.getHost() + ": response over " + maxBytes + " bytes");
            }
            throw new KeyLookupException(KeyLookupError.UNREACHABLE, "keys " + base.getHost() + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    /** {@code address} as a path segment: unreserved, sub-delims, ":" and "@" kept, every other byte %XX (RFC 3986 §3.3). */
    static String encode(String address) {
        StringBuilder out = new StringBuilder();
        for (byte b : address.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~!$&'()*+,;=:@".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }
}
