package sempgw.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static sempgw.core.testing.SharedFiles.b64;
import static sempgw.core.testing.SharedFiles.hex;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import sempgw.core.crypto.SuiteId;
import sempgw.core.json.JsonArray;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonParser;
import sempgw.core.json.JsonValue;
import sempgw.core.testing.SharedFiles;

/** semp-go keys.json: record signatures, result origin signatures and fingerprints (KEY.md §4.4, SPEC-DIGEST-WIRE §8). */
final class GoKeysVectorsTest {
    private static final JsonNode V = SharedFiles.goVectors("keys.json");

    private static DomainSigningPublicKey domainKey() throws Exception {
        return DomainSigningPublicKey.of(b64(V.get("keys").get("domain_signing_key a.example").get("public_key_b64").asText()));
    }

    private static JsonObject parse(String text) throws Exception {
        return JsonParser.parseObject(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void recordSignatures_everySignedRecord_verifiesOverTreeCanonicalBytes() throws Exception {
        DomainSigningPublicKey domain = domainKey();
        for (JsonNode r : V.get("signed_user_records")) {
            JsonObject record = parse(r.get("record_json_text").asText());
            assertThat(KeyRecordSignatures.recordSignedBytes(record)).isEqualTo(b64(r.get("signed_bytes_b64").asText()));
            assertThat(KeyRecordSignatures.verify(record, domain)).isTrue();
            KeyRecord parsed = KeyRecord.parse(record);
            assertThat(parsed.keyIdMatches()).isTrue();
            assertThat(parsed.isRevoked()).isFalse();
        }
    }

    @Test
    void recordSignatures_alteredRecord_doesNotVerify() throws Exception {
        JsonObject record = parse(V.get("signed_user_records").get(0).get("record_json_text").asText());
        assertThat(KeyRecordSignatures.verify(record.with("expires", sempgw.core.json.JsonString.of("2099-01-01T00:00:00Z")), domainKey())).isFalse();
        DomainSigningPrivateKey other = DomainSigningPrivateKey.generate(sempgw.core.crypto.RandomSource.secure());
        assertThat(KeyRecordSignatures.verify(record, other.publicKey())).isFalse();
    }

    @Test
    void sign_withGoDomainKey_reproducesGoSignatureBytes() throws Exception {
        DomainSigningPrivateKey key = DomainSigningPrivateKey.fromSeed(hex(V.get("keys").get("domain_signing_key a.example").get("seed_hex").asText()));
        for (JsonNode r : V.get("signed_user_records")) {
            JsonObject record = parse(r.get("record_json_text").asText());
            JsonObject goSig = (JsonObject) record.requireArray("signatures").get(0);
            JsonObject signed = KeyRecordSignatures.sign(record.without("signatures"), "a.example", key, goSig.requireString("timestamp"));
            assertThat(signed.requireArray("signatures").get(0)).isEqualTo(goSig);
        }
    }

    @Test
    void keysResponse_everyResultOriginSignature_verifies() throws Exception {
        JsonObject response = parse(V.get("keys_response_text").asText());
        JsonArray results = response.requireArray("results");
        DomainSigningPublicKey domain = domainKey();
        int i = 0;
        for (JsonValue v : results.elements()) {
            JsonObject result = (JsonObject) v;
            assertThat(new String(KeyRecordSignatures.resultSignedBytes(result), StandardCharsets.UTF_8))
                    .isEqualTo(V.get("result_" + i + "_signed_bytes_text").asText());
            assertThat(KeyRecordSignatures.verifyResult(result, domain)).isTrue();
            for (JsonValue u : result.requireArray("user_keys").elements()) {
                assertThat(KeyRecordSignatures.verify((JsonObject) u, domain)).isTrue();
            }
            i++;
        }
        assertThat(i).isEqualTo(2);
    }

    @Test
    void fingerprints_everyListedKey_matches() {
        for (JsonNode f : V.get("fingerprints")) {
            assertThat(KeyId.of(b64(f.get("public_key_b64").asText())).hex()).isEqualTo(f.get("fingerprint").asText());
        }
    }

    @Test
    void typedKeys_goKeyMaterial_haveGoFingerprints() throws Exception {
        JsonNode k = V.get("keys");
        assertThat(IdentityPrivateKey.fromSeed(hex(k.get("identity_key alice@a.example").get("private_key_go_hex").asText())).keyId().hex())
                .isEqualTo(k.get("identity_key alice@a.example").get("fingerprint").asText());
        assertThat(DomainEncryptionPrivateKey.fromRaw(SuiteId.X25519_CHACHA20_POLY1305,
                hex(k.get("domain_encryption_key a.example").get("private_key_hex").asText())).keyId().hex())
                .isEqualTo(k.get("domain_encryption_key a.example").get("fingerprint").asText());
        JsonNode pq = k.get("pq_encryption_key alice@a.example");
        UserEncryptionPrivateKey user = UserEncryptionPrivateKey.fromRaw(SuiteId.PQ_KYBER768_X25519, b64(pq.get("hybrid_private_key_go_b64").asText()));
        assertThat(user.keyId().hex()).isEqualTo(pq.get("fingerprint").asText());
        assertThat(user.publicKey().bytes()).isEqualTo(b64(pq.get("hybrid_public_key_b64").asText()));
    }

    @Test
    void keyRecord_goEncryptionRecords_giveTypedKeysOfTheRightSuite() throws Exception {
        for (JsonNode r : V.get("signed_user_records")) {
            KeyRecord rec = KeyRecord.parse(parse(r.get("record_json_text").asText()));
            switch (rec.keyType()) {
                case IDENTITY -> assertThat(rec.identityKey().keyId().hex()).isEqualTo(rec.keyId());
                case ENCRYPTION -> assertThat(rec.encryptionKey().suite()).isEqualTo(
                        "x25519".equals(rec.algorithm()) ? SuiteId.X25519_CHACHA20_POLY1305 : SuiteId.PQ_KYBER768_X25519);
                default -> throw new AssertionError("unexpected record type " + rec.keyType());
            }
        }
    }
}
