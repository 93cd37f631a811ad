package sempgw.semp.egress.keys;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import sempgw.core.SempTimestamps;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SignatureContext;
import sempgw.core.crypto.SuiteId;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.JsonArray;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonParser;
import sempgw.core.json.JsonString;
import sempgw.core.json.JsonValue;
import sempgw.core.keys.DomainEncryptionPrivateKey;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.core.keys.IdentityPrivateKey;
import sempgw.core.keys.KeyRecordSignatures;
import sempgw.core.keys.UserEncryptionPrivateKey;
import sempgw.semp.egress.discovery.DiscoveryResult;
import sempgw.semp.egress.peers.PeerFixtures;
import sempgw.semp.egress.testing.TestHttpsServer;

/**
 * A peer domain's key publication, built with semp-core primitives and served by a
 * {@link TestHttpsServer}: {@code /domain-keys} (both suites' encryption keys), {@code POST /keys/}
 * (batch) and {@code GET /keys/<address>}, in the spec form, semp-go's form, or both at once.
 * Public for the gateway's tests, which need a sender whose identity key can be fetched.
 */
public final class KeysPeer implements TestHttpsServer.Responder {
    static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant EXPIRES = Instant.parse("2027-01-01T00:00:00Z");

    /** Which response form to serve. */
    enum Form { SPEC, GO, BOTH }

    /** A published user's private keys. */
    public record User(IdentityPrivateKey identity, UserEncryptionPrivateKey x25519, UserEncryptionPrivateKey pq) {
    }

    final String domain;
    final AtomicReference<DomainSigningPrivateKey> signing;
    final DomainEncryptionPrivateKey domainX25519;
    final DomainEncryptionPrivateKey domainPq;
    final AtomicReference<Form> form = new AtomicReference<>(Form.BOTH);
    final AtomicReference<UnaryOperator<JsonObject>> tamper = new AtomicReference<>(UnaryOperator.identity());
    final AtomicReference<Integer> batchStatus = new AtomicReference<>(200);
    final AtomicInteger posts = new AtomicInteger();
    final AtomicInteger gets = new AtomicInteger();
    final AtomicInteger domainKeyFetches = new AtomicInteger();
    final List<List<String>> batches = new CopyOnWriteArrayList<>();
    private final Map<String, List<JsonObject>> records = new ConcurrentHashMap<>();
    private final RandomSource random;

    public KeysPeer(String domain, long seed) {
        this.domain = domain;
        this.random = PeerFixtures.seeded(seed);
        this.signing = new AtomicReference<>(DomainSigningPrivateKey.generate(random));
        this.domainX25519 = DomainEncryptionPrivateKey.generate(SuiteId.X25519_CHACHA20_POLY1305, random);
        this.domainPq = DomainEncryptionPrivateKey.generate(SuiteId.PQ_KYBER768_X25519, random);
    }

    /** Discovery's answer: the configuration advertising this server's keys and domain keys URLs. */
    public DiscoveryResult.Semp discovery(int port, List<String> suites, Duration ttl) {
        return PeerFixtures.sempAt(domain, "https://localhost:" + port, suites, ttl);
    }

    /** Publishes identity, X25519 and PQ encryption keys for {@code address}, all valid now. */
    public User user(String address) {
        User u = new User(IdentityPrivateKey.generate(random), UserEncryptionPrivateKey.generate(SuiteId.X25519_CHACHA20_POLY1305, random),
                UserEncryptionPrivateKey.generate(SuiteId.PQ_KYBER768_X25519, random));
        List<JsonObject> list = new ArrayList<>();
        list.add(record(address, "identity", "ed25519", u.identity().publicKey().bytes(), CREATED, EXPIRES));
        list.add(record(address, "encryption", "x25519", u.x25519().publicKey().bytes(), CREATED, EXPIRES));
        list.add(record(address, "encryption", "pq-kyber768-x25519", u.pq().publicKey().bytes(), CREATED, EXPIRES));
        records.put(address, list);
        return u;
    }

    /** Adds a signed record to {@code address}'s list. */
    void publish(String address, JsonObject record) {
        records.compute(address, (a, list) -> {
            List<JsonObject> out = new ArrayList<>(list == null ? List.of() : list);
            out.add(record);
            return out;
        });
    }

    /** A record signed by the current domain key in semp-go's record form. */
    JsonObject record(String address, String type, String algorithm, byte[] key, Instant created, Instant expires) {
        JsonObject r = JsonObject.builder()
                .put("address", address)
                .put("key_type", type)
                .put("algorithm", algorithm)
                .put("public_key", Base64.getEncoder().encodeToString(key))
                .put("key_id", sempgw.core.keys.KeyId.of(key).hex())
                .put("created", SempTimestamps.format(created))
                .put("expires", SempTimestamps.format(expires))
                .build();
        return KeyRecordSignatures.sign(r, domain, signing.get(), SempTimestamps.format(CREATED));
    }

    /** Marks {@code keyId} of {@code address} revoked with {@code reason} (KEY.md §8.4), signature untouched. */
    void revoke(String address, String keyId, String reason) {
        records.computeIfPresent(address, (a, list) -> list.stream().map(r -> ((JsonString) r.getOrNull("key_id")).value().equals(keyId)
                ? r.with("revocation", JsonObject.builder().put("reason", reason).put("revoked_at", "2026-04-01T00:00:00Z").build())
                : r).toList());
    }

    JsonObject domainKeysDocument() {
        return PeerFixtures.domainKeysDocument(domain, signing.get().publicKey(), domainX25519.publicKey())
                .with("encryption_keys", JsonArray.of(encryptionKey(domainPq), encryptionKey(domainX25519)));
    }

    private static JsonObject encryptionKey(DomainEncryptionPrivateKey k) {
        return JsonObject.builder().put("algorithm", k.publicKey().suite().wireName()).put("public_key", k.publicKey().toBase64())
                .put("key_id", k.publicKey().keyId().hex()).build();
    }

    @Override
    public void respond(HttpExchange e) throws IOException {
        String path = e.getRequestURI().getRawPath();
        if (path.equals("/domain-keys")) {
            domainKeyFetches.incrementAndGet();
            send(e, 200, domainKeysDocument());
        } else if (path.equals("/keys/") && e.getRequestMethod().equals("POST")) {
            posts.incrementAndGet();
            if (batchStatus.get() != 200) {
                TestHttpsServer.send(e, batchStatus.get(), new byte[0]);
                return;
            }
            try {
                JsonObject request = JsonParser.parseObject(e.getRequestBody().readAllBytes());
                List<String> addresses = request.requireArray("addresses").requireStrings();
                batches.add(addresses);
                send(e, 200, response(request.requireString("id"), addresses));
            } catch (JsonException ex) {
                TestHttpsServer.send(e, 400, new byte[0]);
            }
        } else if (path.startsWith("/keys/") && e.getRequestMethod().equals("GET")) {
            gets.incrementAndGet();
            String address = URLDecoder.decode(path.substring("/keys/".length()), StandardCharsets.UTF_8);
            if (!records.containsKey(address)) {
                TestHttpsServer.send(e, 404, new byte[0]);
                return;
            }
            send(e, 200, response("01JSERVERCHOSENID000000000", List.of(address)));
        } else {
            TestHttpsServer.send(e, 404, new byte[0]);
        }
    }

    /** The signed response for {@code addresses} in the current form, then {@link #tamper}. */
    JsonObject response(String id, List<String> addresses) {
        Form f = form.get();
        JsonObject.Builder b = JsonObject.builder().put("type", "SEMP_KEYS").put("step", "response").put("version", "1.0.0")
                .put("id", id).put("timestamp", "2026-05-01T10:00:00Z");
        List<JsonValue> keys = new ArrayList<>();
        List<JsonValue> results = new ArrayList<>();
        for (String a : addresses) {
            List<JsonObject> rs = records.getOrDefault(a, List.of());
            keys.addAll(rs);
            JsonObject result = JsonObject.builder().put("address", a).put("status", rs.isEmpty() ? "not_found" : "found")
                    .put("domain", domain)
                    .put("user_keys", JsonArray.of(rs.stream().filter(r -> !r.has("revocation")).toList())).build();
            results.add(KeyRecordSignatures.signResult(result, domain, signing.get(), "2026-05-01T10:00:00Z"));
        }
        if (f != Form.GO) {
            b.put("keys", JsonArray.of(keys));
        }
        if (f != Form.SPEC) {
            b.put("results", JsonArray.of(results));
        }
        JsonObject response = b.build();
        if (f != Form.GO) {
            response = signSpec(response, signing.get());
        }
        return tamper.get().apply(response);
    }

    static JsonObject signSpec(JsonObject response, DomainSigningPrivateKey key) {
        JsonObject sig = JsonObject.builder().put("algorithm", "ed25519").put("key_id", key.keyId().hex()).put("value", "").build();
        byte[] value = key.sign(SignatureContext.KEYS, CanonicalJson.encode(response.with("signature", sig)));
        return response.with("signature", sig.with("value", JsonString.of(Base64.getEncoder().encodeToString(value))));
    }

    private static void send(HttpExchange e, int status, JsonObject body) throws IOException {
        TestHttpsServer.send(e, status, CanonicalJson.encode(body));
    }

    /** Ordered view of the served records, for assertions. */
    Map<String, List<JsonObject>> records() {
        return new LinkedHashMap<>(records);
    }
}
