package sempgw.semp.egress.peers;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import sempgw.core.SempTimestamps;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SignatureContext;
import sempgw.core.handshake.DomainKeyLookup;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.Elision;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonNumber;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonParser;
import sempgw.core.json.JsonString;
import sempgw.core.keys.DomainEncryptionPublicKey;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.core.keys.DomainSigningPublicKey;
import sempgw.core.keys.KeyId;
import sempgw.semp.egress.discovery.DiscoveryResult;
import sempgw.semp.egress.discovery.SempConfiguration;
import sempgw.semp.egress.discovery.ServerTarget;
import sempgw.semp.egress.discovery.SessionTtl;
import sempgw.semp.egress.discovery.TransportEndpoints;

/** Discovery answers, domain key documents, a misbehaving responder's challenge and peer keys for the peers and federation tests. */
public final class PeerFixtures {

    private PeerFixtures() {
    }

    /** A {@code Semp} discovery result for {@code domain} with the given federation endpoints (h2 required). */
    public static DiscoveryResult.Semp semp(String domain, Map<String, String> federation, String domainKeys, List<String> suites,
                                            Duration ttl) {
        return semp(domain, federation, domainKeys, suites, ttl, List.of());
    }

    /** The same, advertising {@code extensions} (DISCOVERY.md §3.1.4). */
    public static DiscoveryResult.Semp semp(String domain, Map<String, String> federation, String domainKeys, List<String> suites,
                                            Duration ttl, List<SempConfiguration.Extension> extensions) {
        Map<String, URI> fed = new LinkedHashMap<>();
        federation.forEach((k, v) -> fed.put(k, URI.create(v)));
        URI base = URI.create("https://semp." + domain + "/");
        SempConfiguration config = new SempConfiguration("1.0.0", domain, 1, ttl, new TransportEndpoints(Map.of("h2", base)),
                new TransportEndpoints(fed), base.resolve("register"), base.resolve("keys/"), URI.create(domainKeys), Map.of(),
                suites, 26_214_400L, extensions);
        return new DiscoveryResult.Semp(config, List.of(new ServerTarget("semp." + domain, 443, 0, 0)),
                new ServerTarget("semp." + domain, 443, 0, 0), Optional.empty(), SessionTtl.DEFAULT, List.of());
    }

    /**
     * A {@code Semp} result for {@code domain} whose server is {@code base} (e.g.
     * {@code https://localhost:8443}): keys at {@code base/keys/}, domain keys at {@code base/domain-keys}.
     */
    public static DiscoveryResult.Semp sempAt(String domain, String base, List<String> suites, Duration ttl) {
        URI b = URI.create(base + "/");
        SempConfiguration config = new SempConfiguration("1.0.0", domain, 1, ttl, new TransportEndpoints(Map.of("h2", b.resolve("v1/h2"))),
                new TransportEndpoints(Map.of("h2", b.resolve("v1/federate"))), b.resolve("register"), b.resolve("keys/"),
                b.resolve("domain-keys"), Map.of(), suites, 26_214_400L, List.of());
        ServerTarget host = new ServerTarget(b.getHost(), b.getPort(), 0, 0);
        return new DiscoveryResult.Semp(config, List.of(host), host, Optional.empty(), SessionTtl.DEFAULT, List.of());
    }

    /** {@code semp} with its configuration document at {@code revision} (DISCOVERY.md §3.5.1), all else the same. */
    public static DiscoveryResult.Semp withRevision(DiscoveryResult.Semp semp, long revision) {
        SempConfiguration c = semp.configuration();
        return new DiscoveryResult.Semp(new SempConfiguration(c.version(), c.domain(), revision, c.ttl(), c.client(), c.federation(),
                c.register(), c.keys(), c.domainKeys(), c.otherEndpoints(), c.suites(), c.maxEnvelopeSize(), c.extensions()),
                semp.targets(), semp.configurationHost(), semp.capability(), semp.sessionTtl(), semp.discrepancies());
    }

    /** Whether {@code message} is a handshake {@code challenge} (HANDSHAKE.md §2.2a). */
    public static boolean isChallenge(byte[] message) {
        return new String(message, StandardCharsets.UTF_8).contains("\"step\":\"challenge\"");
    }

    /**
     * What a misbehaving responder sends: its {@code challenge} with {@code difficulty} and
     * {@code expires} set as given, which may break HANDSHAKE.md §2.2a.2 (a difficulty above 28,
     * an expiry below the floor), signed again with its domain key, so that the initiator holds
     * a genuine signed challenge it must refuse. semp-core's responder cannot issue one.
     */
    public static byte[] reissuedChallenge(byte[] challenge, long difficulty, Instant expires, DomainSigningPrivateKey key) {
        try {
            JsonObject m = JsonParser.parseObject(challenge);
            JsonObject changed = m.with("parameters", m.requireObject("parameters").with("difficulty", JsonNumber.of(difficulty)))
                    .with("expires", JsonString.of(SempTimestamps.format(expires)));
            byte[] signed = key.sign(SignatureContext.HANDSHAKE,
                    CanonicalJson.encode(changed, Elision.builder().blank("server_signature").build()));
            return CanonicalJson.encode(changed.with("server_signature", JsonString.of(Base64.getEncoder().encodeToString(signed))));
        } catch (JsonException e) {
            throw new IllegalArgumentException("not a challenge", e);
        }
    }

    /** The {@code SEMP_DOMAIN_KEYS} document of KEY.md §2.3. */
    public static JsonObject domainKeysDocument(String domain, DomainSigningPublicKey signing, DomainEncryptionPublicKey encryption) {
        return JsonObject.builder()
                .put("type", "SEMP_DOMAIN_KEYS")
                .put("version", "1.0.0")
                .put("domain", domain)
                .put("signing_key", JsonObject.builder().put("algorithm", "ed25519").put("public_key", signing.toBase64())
                        .put("key_id", signing.keyId().hex()).build())
                .put("encryption_key", JsonObject.builder().put("algorithm", encryption.suite().wireName())
                        .put("public_key", encryption.toBase64()).put("key_id", encryption.keyId().hex()).build())
                .build();
    }

    public static String json(JsonObject o) {
        return new String(CanonicalJson.encode(o), StandardCharsets.UTF_8);
    }

    /** A deterministic random source (not for production). */
    public static RandomSource seeded(long seed) {
        java.util.Random r = new java.util.Random(seed);
        return r::nextBytes;
    }

    /** {@code domain}'s published signing key, and nothing to forget on {@code invalidate}. */
    public static PeerKeys keys(String domain, DomainSigningPublicKey key) {
        DomainKeyLookup published = DomainKeyLookup.of(domain, key);
        return new PeerKeys() {
            @Override
            public Optional<DomainSigningPublicKey> find(String d, Optional<KeyId> keyId) {
                return published.find(d, keyId);
            }

            @Override
            public void invalidate(String d) {
            }
        };
    }

    /** Answers every domain with one result; records invalidations. */
    public static final class FixedDiscovery implements PeerDiscovery {
        private final AtomicReference<DiscoveryResult> result;
        private final AtomicInteger lookups = new AtomicInteger();
        private final List<String> invalidated = new CopyOnWriteArrayList<>();

        public FixedDiscovery(DiscoveryResult result) {
            this.result = new AtomicReference<>(result);
        }

        @Override
        public DiscoveryResult discover(String domain) {
            lookups.incrementAndGet();
            return result.get();
        }

        @Override
        public void invalidate(String domain) {
            invalidated.add(domain);
        }

        public void answer(DiscoveryResult r) {
            result.set(r);
        }

        public int lookups() {
            return lookups.get();
        }

        public List<String> invalidated() {
            return List.copyOf(invalidated);
        }
    }
}
