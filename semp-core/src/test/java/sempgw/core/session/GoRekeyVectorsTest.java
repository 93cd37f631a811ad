package sempgw.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static sempgw.core.testing.SharedFiles.hex;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import sempgw.core.crypto.CryptoSuite;
import sempgw.core.crypto.InsecureSecretAccess;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SessionKeys;
import sempgw.core.crypto.SuiteId;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonParser;
import sempgw.core.testing.ScriptedRandom;
import sempgw.core.testing.SharedFiles;

/** semp-go rekey.json: the sealed format, both directions, and the go-label key derivation. */
final class GoRekeyVectorsTest {
    private static final JsonNode V = SharedFiles.goVectors("rekey.json");
    private static final Instant NOW = Instant.parse("2026-04-29T12:00:00Z");
    private static final CryptoSuite SUITE = CryptoSuite.of(SuiteId.X25519_CHACHA20_POLY1305);
    private static final String OLD_ID = V.get("old_session_id").asText();
    private static final String NEW_ID = V.get("new_session_id").asText();

    static SessionKeys keys(String field) {
        JsonNode k = V.get(field);
        return new SessionKeys(s(k, "K_enc_c2s_hex"), s(k, "K_enc_s2c_hex"), s(k, "K_mac_c2s_hex"), s(k, "K_mac_s2c_hex"), s(k, "K_env_mac_hex"));
    }

    private static SecretBytes s(JsonNode k, String name) {
        return SecretBytes.copyOf(hex(k.get(name).asText()));
    }

    static List<String> hexKeys(SessionKeys k) {
        return List.of(h(k.encC2s()), h(k.encS2c()), h(k.macC2s()), h(k.macS2c()), h(k.envMac()));
    }

    private static String h(SecretBytes b) {
        return hex(b.toByteArray(InsecureSecretAccess.get()));
    }

    private static byte[] wire(int i) {
        return V.get("messages").get(i).get("wire_text").asText().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonObject plaintext(int i) throws Exception {
        return JsonParser.parseObject(V.get("messages").get(i).get("plaintext_text").asText().getBytes(StandardCharsets.UTF_8));
    }

    private static Session session(Session.Side side) {
        return Session.establish(Session.Kind.CLIENT, side, OLD_ID, "peer", SuiteId.X25519_CHACHA20_POLY1305, keys("old_session_keys"),
                NOW.minusSeconds(200), Duration.ofSeconds(300), Session.Terms.NONE);
    }

    private static byte[] rng(int i) {
        return hex(V.get("rng").get("reads").get(i).get("hex").asText());
    }

    @Test
    void goMessages_openUnderOldKeysWithTheDocumentedAad() throws Exception {
        SessionKeys old = keys("old_session_keys");
        assertThat(hex(RekeyDirection.C2S.associatedData(OLD_ID, old))).isEqualTo(V.get("messages").get(0).get("aad_hex").asText());
        assertThat(hex(RekeyDirection.S2C.associatedData(OLD_ID, old))).isEqualTo(V.get("messages").get(1).get("aad_hex").asText());
        assertThat(SealedRekey.open(SUITE, old, OLD_ID, RekeyDirection.C2S, wire(0))).isEqualTo(plaintext(0));
        assertThat(SealedRekey.open(SUITE, old, OLD_ID, RekeyDirection.S2C, wire(1))).isEqualTo(plaintext(1));
    }

    @Test
    void javaResponder_goInit_answersWithTheSameAcceptedAndDerivesGoKeys() throws Exception {
        Session server = session(Session.Side.RESPONDER);
        ScriptedRandom random = new ScriptedRandom(hex(V.get("responder_encapsulation_secrets").get("x25519_ephemeral_private_hex").asText()),
                rng(4), rng(6));
        RekeyStep step = RekeyResponder.handle(server, wire(0), NOW, random, (now, r) -> NEW_ID);

        assertThat(step).isInstanceOf(RekeyStep.Rekeyed.class);
        RekeyStep.Rekeyed done = (RekeyStep.Rekeyed) step;
        assertThat(done.newSessionId()).isEqualTo(NEW_ID);
        JsonObject reply = SealedRekey.open(SUITE, keys("old_session_keys"), OLD_ID, RekeyDirection.S2C, done.message().orElseThrow());
        assertThat(reply).isEqualTo(plaintext(1));
        assertThat(JsonParser.parseObject(done.message().orElseThrow()).requireString("nonce"))
                .isEqualTo(JsonParser.parseObject(wire(1)).requireString("nonce"));
        assertThat(server.id()).isEqualTo(NEW_ID);
        assertThat(hexKeys(server.keys())).isEqualTo(hexKeys(keys("new_session_keys")));
        assertThat(random.exhausted()).isTrue();
    }

    @Test
    void javaInitiator_goAccepted_sendsTheSameInitAndDerivesGoKeys() throws Exception {
        Session client = session(Session.Side.INITIATOR);
        ScriptedRandom random = new ScriptedRandom(rng(0), rng(1), rng(2));
        RekeyInitiator initiator = new RekeyInitiator(client, random);
        RekeyStep first = initiator.begin(NOW);

        assertThat(first).isInstanceOf(RekeyStep.Send.class);
        byte[] ours = ((RekeyStep.Send) first).message();
        assertThat(SealedRekey.open(SUITE, keys("old_session_keys"), OLD_ID, RekeyDirection.C2S, ours)).isEqualTo(plaintext(0));
        assertThat(JsonParser.parseObject(ours).requireString("nonce")).isEqualTo(JsonParser.parseObject(wire(0)).requireString("nonce"));

        RekeyStep second = initiator.onMessage(wire(1), NOW);
        assertThat(second).isEqualTo(new RekeyStep.Rekeyed(NEW_ID, java.util.Optional.empty()));
        assertThat(client.id()).isEqualTo(NEW_ID);
        assertThat(hexKeys(client.keys())).isEqualTo(hexKeys(keys("new_session_keys")));
        assertThat(random.exhausted()).isTrue();
    }

    @Test
    void goLabels_rekeyDerivation_matchesThePrkAndKeysOfTheVector() {
        SecretBytes ss = SecretBytes.copyOf(hex(V.get("shared_secret_hex").asText()));
        byte[] salt = hex(V.get("hkdf_salt_hex").asText());
        assertThat(h(SUITE.kdf().extract(salt, ss))).isEqualTo(V.get("hkdf_prk_hex").asText());
        SessionKeys k = sempgw.core.crypto.KeySchedule.rekey(SUITE, ss, java.util.Arrays.copyOf(salt, 32),
                java.util.Arrays.copyOfRange(salt, 32, 64));
        assertThat(hexKeys(k)).isEqualTo(hexKeys(keys("new_session_keys")));
    }
}
