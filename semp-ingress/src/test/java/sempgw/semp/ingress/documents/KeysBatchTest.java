package sempgw.semp.ingress.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.JsonArray;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonString;
import sempgw.core.json.JsonValue;
import sempgw.core.keys.IdentityPrivateKey;
import sempgw.core.keys.KeyRecordSignatures;
import sempgw.core.keys.KeyType;
import sempgw.core.keys.UserEncryptionPrivateKey;
import sempgw.semp.ingress.HttpAnswer;
import sempgw.semp.ingress.Indistinguishability;

final class KeysBatchTest {
    private final DocumentsFixture f = new DocumentsFixture();
    private Documents documents;

    @BeforeEach
    void publishAlice() throws Exception {
        var alice = DocumentsFixture.address("alice@a.example");
        f.directory.publish(alice, KeyType.IDENTITY, "ed25519", IdentityPrivateKey.generate(RandomSource.secure()).publicKey().bytes(),
                DocumentsFixture.CREATED, DocumentsFixture.EXPIRES, DocumentsFixture.NOW);
        f.directory.publish(alice, KeyType.ENCRYPTION, "x25519",
                UserEncryptionPrivateKey.generate(SuiteId.X25519_CHACHA20_POLY1305, RandomSource.secure()).publicKey().bytes(),
                DocumentsFixture.CREATED, DocumentsFixture.EXPIRES, DocumentsFixture.NOW);
        f.directory.provision(DocumentsFixture.address("bobby@a.example"));
        documents = f.documents();
    }

    @Test
    void batch_threeAddressesWithKeyTypes_answersEachInOrderAndSignsEverything() throws Exception {
        HttpAnswer answer = documents.userKeysBatch(request("req-1", List.of("alice@a.example", "bobby@a.example", "carol@A.EXAMPLE"),
                "\"key_types\":[\"encryption\"],"));
        JsonObject r = DocumentsFixture.json(answer.body());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(r.requireString("id")).isEqualTo("req-1");
        assertThat(KeysResponseSignature.verify(r, f.signing.publicKey())).isTrue();
        List<JsonValue> results = r.requireArray("results").elements();
        assertThat(results).extracting(v -> field(v, "address"))
                .containsExactly("alice@a.example", "bobby@a.example", "carol@a.example");
        assertThat(results).extracting(v -> field(v, "status")).containsExactly("found", "not_found", "not_found");
        for (JsonValue v : results) {
            assertThat(KeyRecordSignatures.verifyResult((JsonObject) v, f.signing.publicKey())).isTrue();
        }
        assertThat(r.requireArray("keys").elements()).hasSize(1)
                .allMatch(k -> field(k, "key_type").equals("encryption"));
    }

    @Test
    void batch_keyTypesTheAddressDoesNotHave_isNotFoundLikeAnUnknownAddress() throws Exception {
        JsonObject r = DocumentsFixture.json(documents.userKeysBatch(
                request("req-2", List.of("alice@a.example", "carol@a.example"), "\"key_types\":[\"device\"],")).body());

        List<JsonValue> results = r.requireArray("results").elements();
        assertThat(Indistinguishability.shape(results.get(0))).isEqualTo(Indistinguishability.shape(results.get(1)));
        assertThat(((JsonObject) results.get(0)).requireString("status")).isEqualTo("not_found");
    }

    @Test
    void batch_includeDomainKeysFalse_omitsDomainKeyRecords() throws Exception {
        JsonObject r = DocumentsFixture.json(documents.userKeysBatch(
                request("req-3", List.of("alice@a.example"), "\"include_domain_keys\":false,")).body());

        JsonObject result = (JsonObject) r.requireArray("results").get(0);
        assertThat(result.requireString("status")).isEqualTo("found");
        assertThat(result.keys()).doesNotContain("domain_key", "domain_enc_key");
    }

    @Test
    void batch_hundredAddressesAccepted_hundredAndOneIs413() {
        List<String> hundred = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            hundred.add("user" + i + "@a.example");
        }
        List<String> hundredAndOne = new ArrayList<>(hundred);
        hundredAndOne.add("one-more@a.example");

        assertThat(documents.userKeysBatch(request("big", hundred, "")).status()).isEqualTo(200);
        HttpAnswer refused = documents.userKeysBatch(request("too-big", hundredAndOne, ""));
        assertThat(refused.status()).isEqualTo(413);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("too_many_addresses");
    }

    @Test
    void batch_bodyOver64KiB_is413() {
        byte[] body = new byte[KeysRequestReader.MAX_BODY + 1];
        Arrays.fill(body, (byte) ' ');

        assertThat(documents.userKeysBatch(body).status()).isEqualTo(413);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not json",
        "[]",
        "{\"type\":\"SEMP_KEYS\",\"step\":\"response\",\"version\":\"1.0.0\",\"id\":\"x\",\"timestamp\":\"2026-11-26T01:00:00Z\",\"addresses\":[\"a@a.example\"]}",
        "{\"type\":\"SEMP_KEYS\",\"step\":\"request\",\"version\":\"2.0.0\",\"id\":\"x\",\"timestamp\":\"2026-11-26T01:00:00Z\",\"addresses\":[\"a@a.example\"]}",
        "{\"type\":\"SEMP_KEYS\",\"step\":\"request\",\"version\":\"1.0.0\",\"timestamp\":\"2026-11-26T01:00:00Z\",\"addresses\":[\"a@a.example\"]}",
        "{\"type\":\"SEMP_KEYS\",\"step\":\"request\",\"version\":\"1.0.0\",\"id\":\"x\",\"timestamp\":\"yesterday\",\"addresses\":[\"a@a.example\"]}",
        "{\"type\":\"SEMP_KEYS\",\"step\":\"request\",\"version\":\"1.0.0\",\"id\":\"x\",\"timestamp\":\"2026-11-26T01:00:00Z\",\"addresses\":[]}",
        "{\"type\":\"SEMP_KEYS\",\"step\":\"request\",\"version\":\"1.0.0\",\"id\":\"x\",\"timestamp\":\"2026-11-26T01:00:00Z\",\"addresses\":[\"no-at\"]}",
        "{\"type\":\"SEMP_KEYS\",\"step\":\"request\",\"version\":\"1.0.0\",\"id\":\"x\",\"timestamp\":\"2026-11-26T01:00:00Z\",\"addresses\":[7]}",
        "{\"type\":\"SEMP_KEYS\",\"step\":\"request\",\"version\":\"1.0.0\",\"id\":\"x\",\"timestamp\":\"2026-11-26T01:00:00Z\",\"addresses\":[\"a@a.example\"],\"key_types\":[\"secret\"]}",
        "{\"type\":\"SEMP_KEYS\",\"step\":\"request\",\"version\":\"1.0.0\",\"id\":\"x\",\"timestamp\":\"2026-11-26T01:00:00Z\",\"addresses\":[\"a@a.example\"],\"include_domain_keys\":\"yes\"}",
    })
    void batch_malformedRequest_is400(String body) {
        HttpAnswer answer = documents.userKeysBatch(body.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(DocumentsFixture.json(answer.body()).keys()).containsExactlyInAnyOrder("error", "message");
    }

    @Test
    void batch_goRequestFromTheVectors_isAcceptedAndAnswered() throws Exception {
        byte[] goRequest = DocumentsFixture.goVector("keys.json").requireString("keys_request_text").getBytes(StandardCharsets.UTF_8);

        HttpAnswer answer = documents.userKeysBatch(goRequest);

        assertThat(answer.status()).isEqualTo(200);
        JsonObject r = DocumentsFixture.json(answer.body());
        assertThat(r.requireString("id")).isEqualTo("req-vecgen-1");
        assertThat(r.requireArray("results").elements()).extracting(v -> field(v, "status")).containsExactly("found", "not_found");
    }

    private static String field(JsonValue v, String key) {
        return ((JsonObject) v).getOrNull(key) instanceof JsonString s ? s.value() : null;
    }

    private static byte[] request(String id, List<String> addresses, String extra) {
        String list = new String(CanonicalJson.encode(JsonArray.ofStrings(addresses)), StandardCharsets.UTF_8);
        return ("{\"type\":\"SEMP_KEYS\",\"step\":\"request\",\"version\":\"1.0.0\",\"id\":\"" + id
                + "\",\"timestamp\":\"2026-11-26T01:00:00.123456789Z\"," + extra + "\"addresses\":" + list + "}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
