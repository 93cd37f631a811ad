package sempgw.semp.ingress.documents;

import sempgw.core.crypto.SuiteId;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.JsonArray;
import sempgw.core.json.JsonNumber;
import sempgw.core.json.JsonObject;

/**
 * The configuration document (DISCOVERY.md §3, §3.1): the sole registry of this server's endpoints
 * (DISCOVERY.md §3.2.1), advertising exactly what the gateway serves (docs/interop.md):
 *
 * <ul>
 *   <li>{@code endpoints.federation}: {@code h2} {@code https://host/v1/federate} and, when the
 *   listener serves WebSocket ({@link DocumentSettings#transports()}), {@code ws}
 *   {@code wss://host/v1/federate} (TRANSPORT.md §4.1, §4.2.3); a transport not served is not
 *   advertised (DISCOVERY.md §3.2.1).</li>
 *   <li>{@code endpoints.keys}: {@code https://host/.well-known/semp/keys/} (GET with an address
 *   appended, POST for a batch, KEY.md §3.1); {@code endpoints.domain_keys}:
 *   {@code https://host/.well-known/semp/domain-keys} (KEY.md §2.3).</li>
 *   <li>{@code endpoints.client.h2} and {@code endpoints.register} are required fields
 *   (DISCOVERY.md §3.1.1, §3.2) for a service the gateway does not offer yet (native clients).
 *   Both name the federation tunnel URL, which exists and answers a client handshake or a
 *   registration POST with an explicit SEMP rejection; no URL is advertised that is not served
 *   (DISCOVERY.md §3.2.1). Decision and alternatives: docs/interop.md.</li>
 * </ul>
 *
 * <p>The document has no timestamps: its bytes change only when the settings do, which is what
 * lets {@link ConfigurationRevision} keep the revision across restarts (DISCOVERY.md §3.5.1).
 */
public final class ConfigurationDocument {
    static final String TYPE = "SEMP_CONFIGURATION";
    static final String VERSION = "1.0.0";
    static final String CONFIGURATION_PATH = "/.well-known/semp/configuration";
    static final String DOMAIN_KEYS_PATH = "/.well-known/semp/domain-keys";
    static final String KEYS_PATH = "/.well-known/semp/keys/";
    static final String FEDERATION_PATH = "/v1/federate";

    private ConfigurationDocument() {
    }

    /** The document without {@code revision}: the content the revision is derived from. */
    public static JsonObject content(DocumentSettings s) {
        String federationH2 = s.url("https", FEDERATION_PATH);
        JsonObject.Builder federation = JsonObject.builder();
        for (String transport : s.transports()) {
            federation.put(transport, s.url(DocumentSettings.WS.equals(transport) ? "wss" : "https", FEDERATION_PATH));
        }
        JsonObject endpoints = JsonObject.builder()
                .put("client", JsonObject.builder().put("h2", federationH2).build())
                .put("federation", federation.build())
                .put("register", federationH2)
                .put("keys", s.url("https", KEYS_PATH))
                .put("domain_keys", s.url("https", DOMAIN_KEYS_PATH))
                .build();
        return JsonObject.builder()
                .put("type", TYPE)
                .put("version", VERSION)
                .put("domain", s.domain())
                .put("ttl_seconds", s.ttlSeconds())
                .put("endpoints", endpoints)
                .put("suites", JsonArray.ofStrings(s.suites().stream().map(SuiteId::wireName).toList()))
                .put("limits", JsonObject.builder().put("max_envelope_size", s.maxEnvelopeSize()).build())
                .put("extensions", JsonArray.EMPTY)
                .build();
    }

    /** The published bytes: canonical JSON of {@code content} with {@code revision} (DISCOVERY.md §3.5.1). */
    public static byte[] encode(JsonObject content, long revision) {
        if (revision < 1) {
            throw new IllegalArgumentException("revision starts at 1");
        }
        return CanonicalJson.encode(content.with("revision", JsonNumber.of(revision)));
    }
}
