package sempgw.semp.ingress.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;
import sempgw.core.json.JsonArray;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonString;
import sempgw.core.json.JsonValue;
import sempgw.core.keys.IdentityPrivateKey;
import sempgw.core.keys.KeyRecord;
import sempgw.core.keys.KeyRecordSignatures;
import sempgw.core.keys.KeyType;
import sempgw.core.keys.RevocationReason;
import sempgw.core.keys.UserEncryptionPrivateKey;
import sempgw.semp.ingress.HttpAnswer;
import sempgw.semp.ingress.Indistinguishability;

final class UserKeysTest {
    private final DocumentsFixture f = new DocumentsFixture();
    private final IdentityPrivateKey identity = IdentityPrivateKey.generate(RandomSource.secure());
    private final UserEncryptionPrivateKey x25519 = UserEncryptionPrivateKey.generate(SuiteId.X25519_CHACHA20_POLY1305, RandomSource.secure());
    private final UserEncryptionPrivateKey pq = UserEncryptionPrivateKey.generate(SuiteId.PQ_KYBER768_X25519, RandomSource.secure());
    private Documents documents;

    @BeforeEach
    void publishAliceAndProvisionBobby() throws Exception {
        var alice = DocumentsFixture.address("alice@a.example");
        f.directory.publish(alice, KeyType.IDENTITY, "ed25519", identity.publicKey().bytes(), DocumentsFixture.CREATED, DocumentsFixture.EXPIRES, DocumentsFixture.NOW);
        f.directory.publish(alice, KeyType.ENCRYPTION, "x25519", x25519.publicKey().bytes(), DocumentsFixture.CREATED, DocumentsFixture.EXPIRES, DocumentsFixture.NOW);
        f.directory.publish(alice, KeyType.ENCRYPTION, "pq-kyber768-x25519", pq.publicKey().bytes(), DocumentsFixture.CREATED, DocumentsFixture.EXPIRES, DocumentsFixture.NOW);
        f.directory.provision(DocumentsFixture.address("bobby@a.example"));
        documents = f.documents();
    }

    @Test
    void userKeys_knownWithKeys_parsesBackAndEverySignatureVerifies() throws Exception {
        HttpAnswer answer = documents.userKeys("alice@a.example");
        JsonObject r = DocumentsFixture.json(answer.body());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(r.requireString("type")).isEqualTo("SEMP_KEYS");
        assertThat(r.requireString("step")).isEqualTo("response");
        assertThat(r.requireString("timestamp")).isEqualTo("2026-11-26T01:00:00Z");
        assertThat(r.requireString("id")).hasSize(26);
        assertThat(KeysResponseSignature.verify(r, f.signing.publicKey())).isTrue();
        List<JsonValue> keys = r.requireArray("keys").elements();
        assertThat(keys).hasSize(3);
        for (JsonValue v : keys) {
            assertThat(KeyRecordSignatures.verify((JsonObject) v, f.signing.publicKey())).isTrue();
            assertThat(KeyRecord.parse((JsonObject) v).keyIdMatches()).isTrue();
        }
        assertThat(KeyRecord.parse((JsonObject) keys.get(0)).identityKey()).isEqualTo(identity.publicKey());
        assertThat(KeyRecord.parse((JsonObject) keys.get(1)).encryptionKey()).isEqualTo(x25519.publicKey());
        assertThat(KeyRecord.parse((JsonObject) keys.get(2)).encryptionKey()).isEqualTo(pq.publicKey());
        JsonObject result = (JsonObject) r.requireArray("results").get(0);
        assertThat(result.requireString("status")).isEqualTo("found");
        assertThat(KeyRecordSignatures.verifyResult(result, f.signing.publicKey())).isTrue();
        assertThat(result.requireArray("user_keys").elements()).isEqualTo(keys);
        assertThat(result.requireObject("domain_key").requireString("key_id")).isEqualTo(f.signing.keyId().hex());
        assertThat(result.requireObject("domain_enc_key").requireString("algorithm")).isEqualTo("x25519");
        assertThat(r.requireObject("first_contact_policy")).isEqualTo(JsonObject.builder().put("mode", "open").build());
    }

    @Test
    void userKeys_tamperedResponse_failsTheResponseSignature() throws Exception {
        JsonObject r = DocumentsFixture.json(documents.userKeys("alice@a.example").body());

        assertThat(KeysResponseSignature.verify(r.with("first_contact_policy", JsonObject.EMPTY), f.signing.publicKey())).isFalse();
        assertThat(KeysResponseSignature.verify(r.with("keys", JsonArray.EMPTY), f.signing.publicKey())).isFalse();
        assertThat(KeysResponseSignature.verify(r, new DocumentsFixture().signing.publicKey())).isFalse();
    }

    @Test
    void userKeys_unknownAndKnownWithoutKeys_haveTheSameShapeAndSize() throws Exception {
        byte[] unknown = documents.userKeys("carol@a.example").body();
        byte[] provisioned = documents.userKeys("bobby@a.example").body();
        byte[] withKeys = documents.userKeys("alice@a.example").body();

        assertThat(Indistinguishability.shape(unknown)).isEqualTo(Indistinguishability.shape(provisioned));
        assertThat(unknown.length).isEqualTo(provisioned.length);
        assertThat(DocumentsFixture.json(withKeys).keys()).isEqualTo(DocumentsFixture.json(unknown).keys());
        JsonObject result = (JsonObject) DocumentsFixture.json(unknown).requireArray("results").get(0);
        assertThat(result.keys()).containsExactlyInAnyOrder("address", "status", "domain", "user_keys", "origin_signature");
        assertThat(result.requireString("status")).isEqualTo("not_found");
        assertThat(KeyRecordSignatures.verifyResult(result, f.signing.publicKey())).isTrue();
        assertThat(KeysResponseSignature.verify(DocumentsFixture.json(unknown), f.signing.publicKey())).isTrue();
    }

    @Test
    void userKeys_firstContactPolicy_isTheConfiguredOneForEveryAddress() throws Exception {
        Documents challenge = new Documents(f.settings.withFirstContact(new FirstContactPolicy.ProofOfWork(22)), f.keys,
                f.directory, 1, f.clock, RandomSource.secure());
        List<JsonObject> policies = new ArrayList<>();
        for (String a : List.of("alice@a.example", "bobby@a.example", "carol@a.example", "dave@elsewhere.example")) {
            policies.add(DocumentsFixture.json(challenge.userKeys(a).body()).requireObject("first_contact_policy"));
        }

        assertThat(policies).allMatch(p -> p.equals(policies.get(0)));
        assertThat(policies.get(0).requireString("challenge_type")).isEqualTo("proof_of_work");
        assertThat(policies.get(0).requireObject("parameters").requireLong("difficulty")).isEqualTo(22);
    }

    @Test
    void userKeys_malformedAddresses_allGetTheSame400() {
        List<HttpAnswer> answers = new ArrayList<>();
        for (String bad : List.of("", "no-at-sign", "a@@a.example", "alice@", "@a.example", "alice\u0000@a.example",
                "alice@" + "a".repeat(64) + ".example", "alice@a..example", "alice@-a.example", "x".repeat(5000) + "@a.example")) {
            answers.add(documents.userKeys(bad));
        }

        assertThat(answers).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.body()).isEqualTo(answers.get(0).body());
        });
    }

    @Test
    void userKeys_upperCaseOrUnicodeDomain_isCanonicalizedToTheSameAddress() throws Exception {
        for (String form : List.of("alice@A.EXAMPLE", "alice@a.example", "alice@A.example")) {
            JsonObject result = (JsonObject) DocumentsFixture.json(documents.userKeys(form).body()).requireArray("results").get(0);
            assertThat(result.requireString("address")).isEqualTo("alice@a.example");
            assertThat(result.requireString("status")).isEqualTo("found");
        }
        JsonObject idn = (JsonObject) DocumentsFixture.json(documents.userKeys("jörg@bücher.example").body()).requireArray("results").get(0);
        assertThat(idn.requireString("address")).isEqualTo("jörg@xn--bcher-kva.example");
    }

    @Test
    void userKeys_percentSignInLocalPart_isTakenLiterallyNotDecodedAgain() throws Exception {
        JsonObject result = (JsonObject) DocumentsFixture.json(documents.userKeys("%61lice@a.example").body()).requireArray("results").get(0);

        assertThat(result.requireString("address")).isEqualTo("%61lice@a.example");
        assertThat(result.requireString("status")).isEqualTo("not_found");
    }

    @Test
    void userKeys_revokedKey_staysListedWithRevocationButLeavesGoUserKeys() throws Exception {
        var alice = DocumentsFixture.address("alice@a.example");
        String oldId = x25519.publicKey().keyId().hex();
        f.directory.revoke(alice, oldId, RevocationReason.SUPERSEDED, DocumentsFixture.NOW, Optional.of(pq.publicKey().keyId().hex()));

        JsonObject r = DocumentsFixture.json(documents.userKeys("alice@a.example").body());

        JsonObject revoked = r.requireArray("keys").elements().stream().map(JsonObject.class::cast)
                .filter(k -> k.getOrNull("key_id").equals(JsonString.of(oldId))).findFirst().orElseThrow();
        assertThat(revoked.requireObject("revocation")).isEqualTo(JsonObject.builder()
                .put("reason", "superseded").put("revoked_at", "2026-11-26T01:00:00Z")
                .put("replacement_key_id", pq.publicKey().keyId().hex()).build());
        assertThat(KeyRecord.parse(revoked).isRevoked()).isTrue();
        assertThat(KeyRecordSignatures.verify(revoked, f.signing.publicKey())).isTrue();
        JsonObject result = (JsonObject) r.requireArray("results").get(0);
        assertThat(result.requireArray("user_keys").elements()).hasSize(2).noneMatch(k -> k.equals(revoked));
        assertThat(KeysResponseSignature.verify(r, f.signing.publicKey())).isTrue();
        assertThat(KeysResponseSignature.verify(r.with("keys", JsonArray.of(revoked.without("revocation"))), f.signing.publicKey())).isFalse();
    }

    @Test
    void userKeys_unknownVersusKnownWithoutKeys_takeTheSameTime() throws Exception {
        Indistinguishability.assertComparableTimings("unknown / known without keys", 100, 200, 3.0,
                i -> documents.userKeys("carol@a.example"), i -> documents.userKeys("bobby@a.example"));
    }
}
