package sempgw.semp.ingress.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonValue;
import sempgw.core.keys.DomainEncryptionPrivateKey;
import sempgw.core.keys.DomainEncryptionPublicKey;
import sempgw.core.keys.DomainSigningPublicKey;
import sempgw.core.keys.KeyId;

final class DomainKeysDocumentTest {
    private final DocumentsFixture f = new DocumentsFixture();

    @Test
    void domainKeys_document_hasSpecFieldsWithBaselineEncryptionKeyAndOneKeyPerSuite() throws Exception {
        JsonObject doc = DocumentsFixture.json(f.documents().domainKeys().body());

        assertThat(doc.keys()).containsExactlyInAnyOrder("type", "version", "domain", "signing_key", "encryption_key", "encryption_keys");
        assertThat(doc.requireString("type")).isEqualTo("SEMP_DOMAIN_KEYS");
        assertThat(doc.requireString("domain")).isEqualTo("a.example");
        JsonObject signing = doc.requireObject("signing_key");
        assertThat(signing.keys()).containsExactlyInAnyOrder("algorithm", "public_key", "key_id");
        assertThat(DomainSigningPublicKey.of(Base64.getDecoder().decode(signing.requireString("public_key"))))
                .isEqualTo(f.signing.publicKey());
        assertThat(signing.requireString("key_id")).isEqualTo(f.signing.keyId().hex());

        JsonObject baseline = doc.requireObject("encryption_key");
        assertThat(baseline.requireString("algorithm")).isEqualTo("x25519-chacha20-poly1305");
        assertThat(read(baseline)).isEqualTo(f.keys.encryption(SuiteId.X25519_CHACHA20_POLY1305).orElseThrow().key());

        List<JsonValue> all = doc.requireArray("encryption_keys").elements();
        assertThat(all).hasSize(2);
        assertThat(read((JsonObject) all.get(0))).isEqualTo(f.keys.encryption(SuiteId.PQ_KYBER768_X25519).orElseThrow().key());
        assertThat(all.get(1)).isEqualTo(baseline);
    }

    @Test
    void domainKeys_everyKeyId_isTheSha256OfItsPublicKey() throws Exception {
        JsonObject doc = DocumentsFixture.json(f.documents().domainKeys().body());

        for (JsonValue v : doc.requireArray("encryption_keys").elements()) {
            JsonObject k = (JsonObject) v;
            assertThat(k.requireString("key_id")).isEqualTo(KeyId.of(Base64.getDecoder().decode(k.requireString("public_key"))).hex());
        }
    }

    @Test
    void domainKeySet_twoKeysOfOneSuite_isRefused() {
        DomainEncryptionPublicKey baseline = f.keys.encryption(SuiteId.X25519_CHACHA20_POLY1305).orElseThrow().key();
        DomainEncryptionPublicKey another = DomainEncryptionPrivateKey
                .generate(SuiteId.X25519_CHACHA20_POLY1305, RandomSource.secure()).publicKey();

        assertThatThrownBy(() -> DomainKeySet.of(f.signing, List.of(baseline, another),
                DocumentsFixture.CREATED, DocumentsFixture.EXPIRES)).isInstanceOf(IllegalArgumentException.class);
    }

    private static DomainEncryptionPublicKey read(JsonObject k) throws Exception {
        DomainEncryptionPublicKey key = DomainEncryptionPublicKey.of(SuiteId.fromKeyAlgorithm(k.requireString("algorithm")).orElseThrow(),
                Base64.getDecoder().decode(k.requireString("public_key")));
        assertThat(k.requireString("key_id")).isEqualTo(key.keyId().hex());
        return key;
    }
}
