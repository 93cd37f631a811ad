package sempgw.semp.ingress.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonParser;
import sempgw.core.json.JsonString;
import sempgw.core.json.JsonValue;
import sempgw.core.keys.DomainEncryptionPublicKey;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.core.keys.KeyRecordSignatures;
import sempgw.core.keys.KeyType;

/** Our key responses against semp-go's (vectors keys.json): go's records served through us give go's signed bytes. */
final class GoKeysInteropTest {

    @Test
    void goRecords_servedThroughOurResponse_giveGoResultBytesAndOriginSignatures() throws Exception {
        JsonObject v = DocumentsFixture.goVector("keys.json");
        JsonObject goResponse = JsonParser.parseObject(v.requireString("keys_response_text").getBytes(StandardCharsets.UTF_8));
        JsonObject goAlice = (JsonObject) goResponse.requireArray("results").get(0);
        JsonObject goNobody = (JsonObject) goResponse.requireArray("results").get(1);
        List<PublishedKey> aliceKeys = goAlice.requireArray("user_keys").elements().stream()
                .map(JsonObject.class::cast)
                .map(r -> new PublishedKey(r, KeyType.parse(r.getOrNull("key_type") instanceof JsonString s ? s.value() : "").orElseThrow(),
                        ((JsonString) r.getOrNull("key_id")).value()))
                .toList();
        DomainKeySet keys = goDomainKeys(v);
        UserKeyDirectory goDirectory = address -> address.toString().equals("alice@a.example") ? aliceKeys : List.of();
        Documents documents = new Documents(DocumentSettings.defaults("a.example", DocumentsFixture.BASE)
                .withSuites(List.of(SuiteId.X25519_CHACHA20_POLY1305)), keys, goDirectory, 1,
                Clock.fixed(Instant.parse("2026-11-25T21:33:48Z"), ZoneOffset.UTC), RandomSource.secure());

        JsonObject ours = DocumentsFixture.json(documents.userKeys("alice@a.example").body());
        JsonObject oursNobody = DocumentsFixture.json(documents.userKeys("nobody@a.example").body());

        JsonObject alice = (JsonObject) ours.requireArray("results").get(0);
        JsonObject nobody = (JsonObject) oursNobody.requireArray("results").get(0);
        assertThat(new String(KeyRecordSignatures.resultSignedBytes(alice), StandardCharsets.UTF_8))
                .isEqualTo(v.requireString("result_0_signed_bytes_text"));
        assertThat(new String(KeyRecordSignatures.resultSignedBytes(nobody), StandardCharsets.UTF_8))
                .isEqualTo(v.requireString("result_1_signed_bytes_text"));
        assertThat(alice.requireObject("origin_signature").requireString("value"))
                .isEqualTo(goAlice.requireObject("origin_signature").requireString("value"));
        assertThat(nobody.requireObject("origin_signature").requireString("value"))
                .isEqualTo(goNobody.requireObject("origin_signature").requireString("value"));
    }

    @Test
    void publish_goIdentityKeyWithGoDates_givesGoRecordSignature() throws Exception {
        JsonObject v = DocumentsFixture.goVector("keys.json");
        JsonObject goRecord = JsonParser.parseObject(((JsonObject) v.requireArray("signed_user_records").get(0))
                .requireString("record_json_text").getBytes(StandardCharsets.UTF_8));
        DomainKeySet keys = goDomainKeys(v);
        InMemoryUserKeyDirectory directory = new InMemoryUserKeyDirectory("a.example", keys.signingKey(), DirectoryJournal.volatileOnly());

        PublishedKey ours = directory.publish(DocumentsFixture.address("alice@a.example"), KeyType.IDENTITY, "ed25519",
                Base64.getDecoder().decode(goRecord.requireString("public_key")), DocumentsFixture.CREATED, DocumentsFixture.EXPIRES,
                Instant.parse("2026-11-25T21:33:48Z"));

        JsonValue ourSig = ours.record().requireArray("signatures").get(0);
        JsonValue goSig = goRecord.requireArray("signatures").get(0);
        assertThat(((JsonObject) ourSig).requireString("value")).isEqualTo(((JsonObject) goSig).requireString("value"));
        assertThat(KeyRecordSignatures.recordSignedBytes(ours.record())).isEqualTo(KeyRecordSignatures.recordSignedBytes(goRecord));
    }

    private static DomainKeySet goDomainKeys(JsonObject v) throws Exception {
        JsonObject k = v.requireObject("keys");
        DomainSigningPrivateKey signing = DomainSigningPrivateKey.fromSeed(
                HexFormat.of().parseHex(k.requireObject("domain_signing_key a.example").requireString("seed_hex")));
        DomainEncryptionPublicKey enc = DomainEncryptionPublicKey.of(SuiteId.X25519_CHACHA20_POLY1305,
                HexFormat.of().parseHex(k.requireObject("domain_encryption_key a.example").requireString("public_key_hex")));
        return new DomainKeySet(signing, DocumentsFixture.CREATED, DocumentsFixture.EXPIRES,
                List.of(new DomainKeySet.Encryption(enc, DocumentsFixture.CREATED, DocumentsFixture.EXPIRES)));
    }
}
