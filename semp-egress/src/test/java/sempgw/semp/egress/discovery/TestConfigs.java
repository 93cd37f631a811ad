package sempgw.semp.egress.discovery;

import java.nio.charset.StandardCharsets;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.JsonArray;
import sempgw.core.json.JsonObject;

/** Configuration documents shaped like the example of DISCOVERY.md §3, for tests to vary. */
final class TestConfigs {

    private TestConfigs() {
    }

    static JsonObject document(String domain, long revision, long ttlSeconds) {
        String base = "https://semp." + domain;
        return JsonObject.builder()
                .put("type", "SEMP_CONFIGURATION")
                .put("version", "1.0.0")
                .put("domain", domain)
                .put("revision", revision)
                .put("ttl_seconds", ttlSeconds)
                .put("endpoints", JsonObject.builder()
                        .put("client", JsonObject.builder().put("h2", base + "/v1/h2").put("ws", "wss://semp." + domain + "/v1/ws").build())
                        .put("federation", JsonObject.builder().put("h2", base + "/v1/h2/federate")
                                .put("ws", "wss://semp." + domain + "/v1/federate").build())
                        .put("register", base + "/v1/register")
                        .put("device_register", base + "/v1/device/register")
                        .put("blocklist", base + "/v1/blocklist")
                        .put("keys", base + "/v1/keys/")
                        .put("domain_keys", base + "/v1/domain-keys")
                        .put("reputation", base + "/v1/reputation/")
                        .build())
                .put("suites", JsonArray.ofStrings(java.util.List.of("pq-kyber768-x25519", "x25519-chacha20-poly1305")))
                .put("limits", JsonObject.builder().put("max_envelope_size", 26_214_400L).build())
                .put("extensions", JsonArray.EMPTY)
                .build();
    }

    static String json(JsonObject o) {
        return new String(CanonicalJson.encode(o), StandardCharsets.UTF_8);
    }

    static byte[] bytes(JsonObject o) {
        return CanonicalJson.encode(o);
    }

    /** {@code o} with {@code object.member} replaced or removed ({@code value == null}). */
    static JsonObject withNested(JsonObject o, String object, String member, sempgw.core.json.JsonValue value) {
        JsonObject inner = (JsonObject) o.getOrNull(object);
        return o.with(object, value == null ? inner.without(member) : inner.with(member, value));
    }
}
