package sempgw.semp.egress.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import sempgw.core.crypto.SuiteId;
import sempgw.core.json.JsonArray;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonString;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.core.keys.KeyRecordSignatures;
import sempgw.semp.egress.discovery.DiscoveryResult;
import sempgw.semp.egress.peers.HttpsDomainKeys;
import sempgw.semp.egress.peers.PeerFixtures;
import sempgw.semp.egress.testing.LoopbackHttps;
import sempgw.semp.egress.testing.MutableClock;

/** User keys over a real HTTPS server serving responses signed with semp-core primitives. */
final class UserKeysClientTest {
    private static final String D = "b.example";
    private static final String BOB = "bob@b.example";
    private static final String NOBODY = "nobody@b.example";
    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    @RegisterExtension
    static final LoopbackHttps HTTPS = new LoopbackHttps();

    private KeysPeer peer;
    private MutableClock clock;
    private PeerFixtures.FixedDiscovery discovery;
    private HttpsDomainKeys domainKeys;
    private UserKeysClient client;

    @BeforeEach
    void setUp() throws Exception {
        peer = new KeysPeer(D, 21);
        HTTPS.server().respond(peer);
        clock = new MutableClock(NOW);
        discovery = new PeerFixtures.FixedDiscovery(peer.discovery(HTTPS.server().port(), List.of("pq-kyber768-x25519", "x25519-chacha20-poly1305"),
                Duration.ofHours(1)));
        domainKeys = new HttpsDomainKeys(discovery, HTTPS.tls().trustingContext(), clock, Duration.ofSeconds(2), Duration.ofSeconds(2), 64 * 1024);
        client = new UserKeysClient(discovery, domainKeys, HTTPS.tls().trustingContext(), clock, Duration.ofSeconds(2), Duration.ofSeconds(2), 100);
    }

    @AfterEach
    void tearDown() {
        client.close();
        domainKeys.close();
    }

    private static KeyLookupError error(ThrowingLookup lookup) {
        try {
            lookup.run();
        } catch (KeyLookupException e) {
            assertThat(e.getMessage()).doesNotContain("bob@", "nobody@");
            return e.error();
        }
        throw new AssertionError("no exception");
    }

    @FunctionalInterface
    private interface ThrowingLookup {
        void run() throws KeyLookupException;
    }

    @Test
    void lookup_knownAndUnknownAddress_oneBatchRequestBothAnswered() throws Exception {
        KeysPeer.User bob = peer.user(BOB);

        Map<String, UserKeys> keys = client.lookup(D, List.of(BOB, "nobody@B.Example."));

        assertThat(keys).containsOnlyKeys(BOB, NOBODY);
        assertThat(keys.get(BOB).encryptionKeys(SuiteId.PQ_KYBER768_X25519, NOW)).containsExactly(bob.pq().publicKey());
        assertThat(keys.get(BOB).encryptionKeys(SuiteId.X25519_CHACHA20_POLY1305, NOW)).containsExactly(bob.x25519().publicKey());
        assertThat(keys.get(BOB).identityKey(bob.identity().keyId().hex())).contains(bob.identity().publicKey());
        assertThat(keys.get(NOBODY).found()).isFalse();
        assertThat(peer.posts).hasValue(1);
        assertThat(peer.gets).hasValue(0);
        assertThat(peer.batches).containsExactly(List.of(BOB, NOBODY));
    }

    @ParameterizedTest
    @EnumSource(KeysPeer.Form.class)
    void lookup_eachResponseForm_givesTheSameKeys(KeysPeer.Form form) throws Exception {
        peer.form.set(form);
        KeysPeer.User bob = peer.user(BOB);

        UserKeys keys = client.lookup(BOB);

        assertThat(keys.encryption()).extracting(UserKeys.EncryptionKey::key).containsExactly(bob.x25519().publicKey(), bob.pq().publicKey());
        assertThat(keys.identity()).extracting(UserKeys.IdentityKey::key).containsExactly(bob.identity().publicKey());
    }

    @Test
    void lookup_fortyAddresses_batchesOfThirtyTwo() throws Exception {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add("u" + i + "@b.example");
        }
        assertThat(client.lookup(D, many)).hasSize(40).allSatisfy((a, k) -> assertThat(k.found()).isFalse());
        assertThat(peer.batches).extracting(List::size).containsExactly(32, 8);
    }

    @Test
    void lookup_recordWhoseSignatureDoesNotVerify_isSignatureInvalidAndTransient() throws Exception {
        peer.user(BOB);
        peer.publish(BOB, peer.record(BOB, "encryption", "x25519", new byte[32], KeysPeer.CREATED, KeysPeer.EXPIRES)
                .with("expires", JsonString.of("2030-01-01T00:00:00Z")));

        assertThat(error(() -> client.lookup(BOB))).isEqualTo(KeyLookupError.SIGNATURE_INVALID);
        assertThatThrownBy(() -> client.lookup(BOB)).isInstanceOfSatisfying(KeyLookupException.class, e -> assertThat(e.isTransient()).isTrue());
    }

    @Test
    void lookup_tamperedResponseSignature_isSignatureInvalid() {
        peer.user(BOB);
        peer.tamper.set(r -> r.with("timestamp", JsonString.of("2026-05-01T10:00:01Z")));
        assertThat(error(() -> client.lookup(BOB))).isEqualTo(KeyLookupError.SIGNATURE_INVALID);
    }

    @Test
    void lookup_goFormWithTamperedOriginSignature_isSignatureInvalid() {
        peer.form.set(KeysPeer.Form.GO);
        peer.user(BOB);
        peer.tamper.set(r -> r.with("results", JsonArray.of(((JsonObject) ((JsonArray) r.getOrNull("results")).get(0))
                .with("domain", JsonString.of("c.example")))));
        assertThat(error(() -> client.lookup(BOB))).isEqualTo(KeyLookupError.SIGNATURE_INVALID);
    }

    @Test
    void lookup_responseNotEchoingOurId_isMalformed() {
        peer.tamper.set(r -> r.with("id", JsonString.of("someone-elses")));
        assertThat(error(() -> client.lookup(BOB))).isEqualTo(KeyLookupError.MALFORMED);
    }

    @Test
    void lookup_peerAnswersStatusError_isPeerError() {
        peer.form.set(KeysPeer.Form.GO);
        peer.tamper.set(r -> r.with("results", JsonArray.of(JsonObject.builder().put("address", BOB).put("status", "error")
                .put("domain", D).put("user_keys", JsonArray.EMPTY).build())));
        assertThat(error(() -> client.lookup(BOB))).isEqualTo(KeyLookupError.PEER_ERROR);
    }

    @Test
    void lookup_recordForAnotherAddressInsideAnAskedResult_isIgnored() throws Exception {
        peer.form.set(KeysPeer.Form.GO);
        JsonObject mallory = peer.record("mallory@b.example", "encryption", "x25519", filled(7), KeysPeer.CREATED, KeysPeer.EXPIRES);
        peer.tamper.set(r -> r.with("results", JsonArray.of(KeyRecordSignatures.signResult(JsonObject.builder().put("address", BOB)
                .put("status", "found").put("domain", D).put("user_keys", JsonArray.of(mallory)).build(), D, peer.signing.get(), "x"))));

        assertThat(client.lookup(BOB).found()).isFalse();
    }

    @Test
    void lookup_revokedKeys_encryptionNeverUsedIdentityOnlyWhenSuperseded() throws Exception {
        KeysPeer.User bob = peer.user(BOB);
        KeysPeer.User carol = peer.user("carol@b.example");
        peer.revoke(BOB, bob.x25519().keyId().hex(), "key_compromise");
        peer.revoke(BOB, bob.identity().keyId().hex(), "superseded");
        peer.revoke("carol@b.example", carol.identity().keyId().hex(), "key_compromise");

        Map<String, UserKeys> keys = client.lookup(D, List.of(BOB, "carol@b.example"));

        assertThat(keys.get(BOB).encryptionKeys(SuiteId.X25519_CHACHA20_POLY1305, NOW)).isEmpty();
        assertThat(keys.get(BOB).encryptionKeys(SuiteId.PQ_KYBER768_X25519, NOW)).containsExactly(bob.pq().publicKey());
        assertThat(keys.get(BOB).identity()).containsExactly(new UserKeys.IdentityKey(bob.identity().publicKey(), true));
        assertThat(keys.get("carol@b.example").identityKey(carol.identity().keyId().hex())).isEmpty();
    }

    @Test
    void lookup_expiredOrNotYetValidKeys_dropped_keyExpiringLater_filteredOncePastIt() throws Exception {
        peer.publish(BOB, peer.record(BOB, "encryption", "x25519", new byte[32], KeysPeer.CREATED, NOW.minusSeconds(1)));
        peer.publish(BOB, peer.record(BOB, "encryption", "x25519", filled(1), NOW.plusSeconds(3600), KeysPeer.EXPIRES));
        peer.publish(BOB, peer.record(BOB, "encryption", "x25519", filled(2), KeysPeer.CREATED, NOW.plusSeconds(60)));

        UserKeys keys = client.lookup(BOB);

        assertThat(keys.encryptionKeys(SuiteId.X25519_CHACHA20_POLY1305, NOW)).singleElement()
                .satisfies(k -> assertThat(k.bytes()).isEqualTo(filled(2)));
        assertThat(keys.encryptionKeys(SuiteId.X25519_CHACHA20_POLY1305, NOW.plusSeconds(60))).hasSize(1);
        assertThat(keys.encryptionKeys(SuiteId.X25519_CHACHA20_POLY1305, NOW.plusSeconds(61))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 300})
    void lookup_onlyKeyCreatedWithinFiveMinutesAheadOfOurClock_isUsed(long aheadSeconds) throws Exception {
        peer.publish(BOB, peer.record(BOB, "encryption", "x25519", filled(3), NOW.plusSeconds(aheadSeconds), KeysPeer.EXPIRES));

        UserKeys keys = client.lookup(BOB);

        assertThat(keys.found()).isTrue();
        assertThat(keys.encryptionKeys(SuiteId.X25519_CHACHA20_POLY1305, NOW)).singleElement()
                .satisfies(k -> assertThat(k.bytes()).isEqualTo(filled(3)));
    }

    @Test
    void lookup_keyCreatedMoreThanFiveMinutesAheadOfOurClock_isDropped() throws Exception {
        peer.publish(BOB, peer.record(BOB, "encryption", "x25519", filled(3), NOW.plusSeconds(301), KeysPeer.EXPIRES));

        assertThat(client.lookup(BOB).found()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 300})
    void lookup_responseTimestampUpToFiveMinutesAheadOfOurClock_used(long aheadSeconds) throws Exception {
        peer.form.set(KeysPeer.Form.GO);
        peer.user(BOB);
        peer.tamper.set(r -> r.with("timestamp", JsonString.of(NOW.plusSeconds(aheadSeconds).toString())));

        assertThat(client.lookup(BOB).found()).isTrue();
    }

    @Test
    void lookup_responseTimestampMoreThanFiveMinutesAheadOfOurClock_isClockSkewAndTransient() {
        peer.form.set(KeysPeer.Form.GO);
        peer.user(BOB);
        peer.tamper.set(r -> r.with("timestamp", JsonString.of(NOW.plusSeconds(301).toString())));

        assertThatThrownBy(() -> client.lookup(BOB)).isInstanceOfSatisfying(KeyLookupException.class, e -> {
            assertThat(e.error()).isEqualTo(KeyLookupError.CLOCK_SKEW);
            assertThat(e.isTransient()).isTrue();
        });
    }

    private static byte[] filled(int b) {
        byte[] k = new byte[32];
        java.util.Arrays.fill(k, (byte) b);
        return k;
    }

    @Test
    void lookup_withinTtl_cached_afterTtl_fetchedAgain_noKeysOnlyFiveMinutes() throws Exception {
        peer.user(BOB);
        client.lookup(D, List.of(BOB, NOBODY));
        clock.advance(UserKeysClient.NOT_FOUND_TTL.minusSeconds(1));
        client.lookup(D, List.of(BOB, NOBODY));
        assertThat(peer.posts).hasValue(1);
        clock.advance(Duration.ofSeconds(1));
        client.lookup(D, List.of(BOB, NOBODY));
        assertThat(peer.batches.getLast()).containsExactly(NOBODY);
        clock.advance(Duration.ofMinutes(55));
        assertThat(client.cached(BOB)).isEmpty();
        client.lookup(BOB);
        assertThat(peer.batches.getLast()).containsExactly(BOB);
        assertThat(peer.posts).hasValue(3);
    }

    @Test
    void invalidate_dropsTheAddress_nextLookupAsksAgain() throws Exception {
        peer.user(BOB);
        client.lookup(BOB);
        client.invalidate("bob@B.EXAMPLE");
        client.lookup(BOB);
        assertThat(peer.posts).hasValue(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 405, 501})
    void lookup_serverWithoutBatchFetch_asksEachAddressByGet_404IsNoKeys(int status) throws Exception {
        peer.batchStatus.set(status);
        KeysPeer.User bob = peer.user(BOB);

        Map<String, UserKeys> keys = client.lookup(D, List.of(BOB, NOBODY));

        assertThat(keys.get(BOB).encryptionKeys(SuiteId.PQ_KYBER768_X25519, NOW)).containsExactly(bob.pq().publicKey());
        assertThat(keys.get(NOBODY).found()).isFalse();
        assertThat(peer.posts).hasValue(1);
        assertThat(peer.gets).hasValue(2);
    }

    @Test
    void lookup_serverError_isHttpStatusAndTransient() {
        peer.batchStatus.set(500);
        assertThat(error(() -> client.lookup(BOB))).isEqualTo(KeyLookupError.HTTP_STATUS);
    }

    @Test
    void lookup_bodyOverTheLimit_isTooLarge() {
        peer.tamper.set(r -> r.with("filler", JsonString.of("x".repeat(UserKeysClient.MAX_BODY))));
        assertThat(error(() -> client.lookup(BOB))).isEqualTo(KeyLookupError.TOO_LARGE);
    }

    @Test
    void lookup_domainSigningKeyRotated_refetchesDomainKeysOnceAfterTheRefreshInterval() throws Exception {
        peer.user(BOB);
        client.lookup(BOB);
        peer.signing.set(DomainSigningPrivateKey.generate(PeerFixtures.seeded(99)));
        KeysPeer.User rotated = peer.user(BOB);
        client.invalidate(BOB);

        assertThat(error(() -> client.lookup(BOB))).as("inside the refresh interval").isEqualTo(KeyLookupError.SIGNATURE_INVALID);
        clock.advance(HttpsDomainKeys.REFRESH_INTERVAL);
        assertThat(client.lookup(BOB).identityKey(rotated.identity().keyId().hex())).contains(rotated.identity().publicKey());
        assertThat(peer.domainKeyFetches).hasValue(2);
    }

    @Test
    void lookup_legacyOrUnreachableDomain_discoveryError_transientOnlyWhenTemporary() {
        discovery.answer(new DiscoveryResult.Legacy("MX only"));
        assertThatThrownBy(() -> client.lookup(BOB)).isInstanceOfSatisfying(KeyLookupException.class, e -> {
            assertThat(e.error()).isEqualTo(KeyLookupError.DISCOVERY);
            assertThat(e.isTransient()).isFalse();
        });
        discovery.answer(new DiscoveryResult.Temporary(DiscoveryResult.Cause.DNS_TIMEOUT, "timeout"));
        assertThatThrownBy(() -> client.lookup(BOB)).isInstanceOfSatisfying(KeyLookupException.class,
                e -> assertThat(e.isTransient()).isTrue());
    }

    @Test
    void lookup_addressOfAnotherDomainOrMalformed_isRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> client.lookup(D, List.of("bob@c.example"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.lookup(D, List.of("no-at-sign"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(peer.posts).hasValue(0);
    }
}
