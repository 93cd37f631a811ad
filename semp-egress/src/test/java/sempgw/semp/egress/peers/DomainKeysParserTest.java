package sempgw.semp.egress.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import sempgw.core.crypto.SuiteId;
import sempgw.core.json.JsonArray;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonString;
import sempgw.core.keys.DomainEncryptionPrivateKey;
import sempgw.core.keys.DomainSigningPrivateKey;

final class DomainKeysParserTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final DomainSigningPrivateKey SIGNING = DomainSigningPrivateKey.generate(PeerFixtures.seeded(1));
    private static final DomainEncryptionPrivateKey ENCRYPTION = DomainEncryptionPrivateKey.generate(SuiteId.X25519_CHACHA20_POLY1305,
            PeerFixtures.seeded(2));
    private static final JsonObject DOC = PeerFixtures.domainKeysDocument("b.example", SIGNING.publicKey(), ENCRYPTION.publicKey());

    private static PublishedDomainKeys parse(JsonObject doc) throws DomainKeysException {
        return DomainKeysParser.parse(PeerFixtures.json(doc).getBytes(StandardCharsets.UTF_8), "b.example", NOW, Duration.ofHours(1));
    }

    private static JsonObject withKeyField(String key, String field, String value) {
        return DOC.with(key, DOC.getOrNull(key) instanceof JsonObject o ? o.with(field, new JsonString(value)) : null);
    }

    @Test
    void parse_specShapedDocument_signingAndEncryptionKeysWithTtl() throws Exception {
        PublishedDomainKeys k = parse(DOC);
        assertThat(k.signing()).isEqualTo(SIGNING.publicKey());
        assertThat(k.encryption()).contains(ENCRYPTION.publicKey());
        assertThat(k.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void parse_goX25519Algorithm_acceptedAsBaselineSuite() throws Exception {
        assertThat(parse(withKeyField("encryption_key", "algorithm", "x25519")).encryption())
                .hasValueSatisfying(e -> assertThat(e.suite()).isEqualTo(SuiteId.X25519_CHACHA20_POLY1305));
    }

    @Test
    void parse_unknownEncryptionAlgorithm_signingKeyStillUsable() throws Exception {
        PublishedDomainKeys k = parse(withKeyField("encryption_key", "algorithm", "future-kem"));
        assertThat(k.encryption()).isEmpty();
        assertThat(k.signing()).isEqualTo(SIGNING.publicKey());
    }

    @Test
    void parse_wrongType_refused() {
        assertThatThrownBy(() -> parse(DOC.with("type", new JsonString("SEMP_CONFIGURATION"))))
                .isInstanceOf(DomainKeysException.class).hasMessageContaining("type");
    }

    @Test
    void parse_otherDomain_refused() {
        assertThatThrownBy(() -> parse(DOC.with("domain", new JsonString("evil.example"))))
                .isInstanceOf(DomainKeysException.class).hasMessageContaining("another domain");
    }

    @Test
    void parse_majorVersion2_refused() {
        assertThatThrownBy(() -> parse(DOC.with("version", new JsonString("2.0.0")))).isInstanceOf(DomainKeysException.class);
    }

    @Test
    void parse_keyIdNotTheFingerprint_refused() {
        assertThatThrownBy(() -> parse(withKeyField("signing_key", "key_id", "0".repeat(64))))
                .isInstanceOf(DomainKeysException.class).hasMessageContaining("fingerprint");
        assertThatThrownBy(() -> parse(withKeyField("encryption_key", "key_id", "0".repeat(64))))
                .isInstanceOf(DomainKeysException.class).hasMessageContaining("fingerprint");
    }

    @Test
    void parse_signingAlgorithmNotEd25519_refused() {
        assertThatThrownBy(() -> parse(withKeyField("signing_key", "algorithm", "rsa"))).isInstanceOf(DomainKeysException.class);
    }

    @Test
    void parse_nonCanonicalBase64_refused() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        String b64 = SIGNING.publicKey().toBase64();
        char last = b64.charAt(b64.length() - 2);
        String respelled = b64.substring(0, b64.length() - 2) + alphabet.charAt(alphabet.indexOf(last) + 1) + "=";
        assertThatThrownBy(() -> parse(withKeyField("signing_key", "public_key", respelled)))
                .isInstanceOf(DomainKeysException.class).hasMessageContaining("canonical");
    }

    @Test
    void parse_missingEncryptionKeyOrNotJson_refusedAsPermanent() {
        assertThatThrownBy(() -> parse(DOC.without("encryption_key")))
                .isInstanceOfSatisfying(DomainKeysException.class, e -> assertThat(e.isTransient()).isFalse());
        assertThatThrownBy(() -> DomainKeysParser.parse("<html>".getBytes(StandardCharsets.UTF_8), "b.example", NOW, Duration.ofHours(1)))
                .isInstanceOf(DomainKeysException.class);
    }

    private static final DomainEncryptionPrivateKey PQ = DomainEncryptionPrivateKey.generate(SuiteId.PQ_KYBER768_X25519, PeerFixtures.seeded(3));

    private static JsonObject key(DomainEncryptionPrivateKey k) {
        return JsonObject.builder().put("algorithm", k.publicKey().suite().wireName()).put("public_key", k.publicKey().toBase64())
                .put("key_id", k.publicKey().keyId().hex()).build();
    }

    @Test
    void parse_encryptionKeysArray_oneKeyPerSuite() throws Exception {
        PublishedDomainKeys k = parse(DOC.with("encryption_keys", JsonArray.of(key(PQ), key(ENCRYPTION))));
        assertThat(k.encryption()).contains(ENCRYPTION.publicKey());
        assertThat(k.encryption(SuiteId.PQ_KYBER768_X25519)).contains(PQ.publicKey());
        assertThat(k.encryption(SuiteId.X25519_CHACHA20_POLY1305)).contains(ENCRYPTION.publicKey());
        assertThat(parse(DOC).encryption(SuiteId.PQ_KYBER768_X25519)).as("without the array, only encryption_key").isEmpty();
    }

    @Test
    void parse_encryptionKeysArrayDisagreeingWithEncryptionKeyOrMalformed_refused() {
        DomainEncryptionPrivateKey other = DomainEncryptionPrivateKey.generate(SuiteId.X25519_CHACHA20_POLY1305, PeerFixtures.seeded(4));
        assertThatThrownBy(() -> parse(DOC.with("encryption_keys", JsonArray.of(key(other)))))
                .isInstanceOf(DomainKeysException.class).hasMessageContaining("two different");
        assertThatThrownBy(() -> parse(DOC.with("encryption_keys", JsonArray.of(JsonString.of("x")))))
                .isInstanceOf(DomainKeysException.class).hasMessageContaining("not an object");
        assertThatThrownBy(() -> parse(DOC.with("encryption_keys", JsonArray.of(key(PQ).with("key_id", JsonString.of("0".repeat(64)))))))
                .isInstanceOf(DomainKeysException.class).hasMessageContaining("fingerprint");
    }
}
