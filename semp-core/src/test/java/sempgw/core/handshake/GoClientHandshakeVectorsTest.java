package sempgw.core.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static sempgw.core.testing.SharedFiles.b64;
import static sempgw.core.testing.SharedFiles.hex;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sempgw.core.crypto.InsecureSecretAccess;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SuiteId;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonParser;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.core.keys.IdentityPrivateKey;
import sempgw.core.session.Session;
import sempgw.core.testing.ScriptedRandom;
import sempgw.core.testing.SharedFiles;

/**
 * semp-go handshake-client.json, both suites, replayed against our server and our client
 * (vectors README "handshake-client.json" consumer checks).
 */
final class GoClientHandshakeVectorsTest {
    private static final JsonNode V = SharedFiles.goVectors("handshake-client.json");
    private static final Instant NOW = Instant.parse("2026-04-29T12:00:00Z");

    static Stream<GoTranscript> transcripts() {
        List<GoTranscript> out = new ArrayList<>();
        V.get("transcripts").forEach(t -> out.add(new GoTranscript(t)));
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("transcripts")
    void javaServer_goClientMessages_reproducesResponseAndAcceptedByteForByte(GoTranscript g) throws Exception {
        DomainSigningPrivateKey domain = g.domainKey("server_domain_signing_key");
        IdentityPrivateKey alice = g.identityKey("client_identity_key");
        ServerHandshake.Config cfg = new ServerHandshake.Config(new LocalDomain("example.com", "server-1", domain),
                new Capabilities(List.of(g.suite), List.of(), OptionalLong.empty(), OptionalLong.empty()),
                ResponderGuards.of(new SeenNonces(Duration.ofHours(1), 100), new UsedChallenges(100)),
                (address, keyId) -> address.equals("alice@example.com") && keyId.equals(alice.keyId())
                        ? Optional.of(alice.publicKey()) : Optional.empty(),
                (address, now) -> new ClientAuthorizer.Granted(Duration.ofSeconds(300), List.of("send", "receive")));
        List<byte[]> chunks = new ArrayList<>(g.encapsulationRandomness("server_encapsulation_secrets"));
        chunks.add(hex(g.text("server_nonce_hex")));
        ScriptedRandom random = new ScriptedRandom(chunks.toArray(byte[][]::new));
        ServerHandshake server = ServerHandshake.create(cfg, random, NOW, (now, r) -> g.text("session_id"));

        Step response = server.onMessage(g.wire(0), NOW);
        assertThat(response).isInstanceOf(Step.Send.class);
        assertThat(GoTranscript.utf8(((Step.Send) response).message())).isEqualTo(GoTranscript.utf8(g.wire(1)));

        Step accepted = server.onMessage(g.wire(2), NOW);
        assertThat(accepted).isInstanceOf(Step.Established.class);
        Step.Established e = (Step.Established) accepted;
        assertThat(GoTranscript.utf8(e.message().orElseThrow())).isEqualTo(GoTranscript.utf8(g.wire(3)));
        Session s = e.session();
        assertThat(s.id()).isEqualTo(g.text("session_id"));
        assertThat(s.peer()).isEqualTo("alice@example.com");
        assertThat(s.suite()).isEqualTo(g.suite);
        assertThat(s.expiresAt()).isEqualTo(NOW.plusSeconds(300));
        assertThat(s.terms().permissions()).containsExactly("send", "receive");
        assertThat(GoTranscript.hexKeys(s.keys())).isEqualTo(g.expectedKeys("session_keys"));
        assertThat(random.exhausted()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("transcripts")
    void javaClient_goServerMessages_reproducesInitAndConfirmAndEstablishes(GoTranscript g) throws Exception {
        DomainSigningPrivateKey domain = g.domainKey("server_domain_signing_key");
        IdentityPrivateKey alice = g.identityKey("client_identity_key");
        Capabilities goOffer = new Capabilities(List.of(SuiteId.PQ_KYBER768_X25519, SuiteId.X25519_CHACHA20_POLY1305),
                List.of(), OptionalLong.empty(), OptionalLong.empty());
        ClientHandshake.Config cfg = new ClientHandshake.Config(g.suite, goOffer, "websocket", "alice@example.com", alice,
                "example.com", DomainKeyLookup.of("example.com", domain.publicKey()), Duration.ofSeconds(30), Duration.ofDays(1));
        ScriptedRandom random = new ScriptedRandom(hex(g.text("client_nonce_hex")), hex(g.text("identity_proof_nonce_hex")));
        ClientHandshake client = ClientHandshake.create(cfg, random, NOW, g.recordedEphemeral("client_ephemeral_private"));

        assertThat(GoTranscript.utf8(client.begin().message())).isEqualTo(GoTranscript.utf8(g.wire(0)));

        Step confirmStep = client.onMessage(g.wire(1), NOW);
        assertThat(confirmStep).isInstanceOf(Step.Send.class);
        JsonObject ours = JsonParser.parseObject(((Step.Send) confirmStep).message());
        JsonObject theirs = g.tree(2);
        assertThat(ours.without("identity_proof")).isEqualTo(theirs.without("identity_proof"));
        byte[] proof = b64(ours.requireString("identity_proof"));
        assertThat(hex(java.util.Arrays.copyOf(proof, 12))).isEqualTo(g.text("identity_proof_nonce_hex"));
        SecretBytes encC2s = SecretBytes.copyOf(hex(g.t.get("session_keys").get("K_enc_c2s_hex").asText()));
        byte[] plain = g.cryptoSuite().aead().openWithPrefixedNonce(encC2s, proof, g.text("session_id").getBytes(StandardCharsets.UTF_8));
        assertThat(JsonParser.parseObject(plain)).isEqualTo(JsonParser.parseObject(g.text("identity_proof_plaintext_text").getBytes(StandardCharsets.UTF_8)));

        Step done = client.onMessage(g.wire(3), NOW);
        assertThat(done).isInstanceOf(Step.Established.class);
        Session s = ((Step.Established) done).session();
        assertThat(s.id()).isEqualTo(g.text("session_id"));
        assertThat(s.peer()).isEqualTo("example.com");
        assertThat(s.side()).isEqualTo(Session.Side.INITIATOR);
        assertThat(s.ttl()).isEqualTo(Duration.ofSeconds(300));
        assertThat(GoTranscript.hexKeys(s.keys())).isEqualTo(g.expectedKeys("session_keys"));
        assertThat(random.exhausted()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("transcripts")
    void goTranscript_everyMessage_isCanonicalAndEverySignatureAndHashVerifies(GoTranscript g) throws Exception {
        var serverKey = g.domainKey("server_domain_signing_key").publicKey();
        for (int i = 0; i < 4; i++) {
            assertThat(CanonicalJson.encode(g.tree(i))).isEqualTo(g.wire(i));
        }
        assertThat(ServerSignature.verify(g.tree(1), serverKey)).isTrue();
        assertThat(ServerSignature.verify(g.tree(3), serverKey)).isTrue();
        assertThat(ServerSignature.signedBytes(g.tree(1))).isEqualTo(b64(g.text("response_server_signature_input_b64")));
        assertThat(ServerSignature.signedBytes(g.tree(3))).isEqualTo(b64(g.text("accepted_server_signature_input_b64")));
        byte[] hash = ConfirmationHash.of(g.tree(0), g.tree(1));
        assertThat(SharedFiles.b64(hash)).isEqualTo(g.text("confirmation_hash_b64"));
        assertThat(ConfirmationHash.of(g.wire(0), g.wire(1))).isEqualTo(hash);
        byte[] identityInput = sempgw.core.crypto.SignatureContext.IDENTITY.prefixed(IdentityProof.signedBytes(g.text("session_id"), hash));
        assertThat(identityInput).isEqualTo(b64(g.text("identity_signature_input_b64")));
        JsonObject response = g.tree(1);
        byte[] innerInput = sempgw.core.crypto.SignatureContext.IDENTITY.prefixed(concat(
                b64(g.text("server_ephemeral_key_field_b64")), hex(g.text("server_nonce_hex")), hex(g.text("client_nonce_hex"))));
        assertThat(innerInput).isEqualTo(b64(g.text("response_inner_identity_proof_input_b64")));
        assertThat(InnerProof.verify(serverKey, b64(response.requireObject("server_identity_proof").requireString("signature")),
                b64(g.text("server_ephemeral_key_field_b64")), hex(g.text("server_nonce_hex")), hex(g.text("client_nonce_hex")))).isTrue();
        assertThat(hex(g.t.get("key_derivation").get("salt_hex").asText()))
                .isEqualTo(concat(hex(g.text("client_nonce_hex")), hex(g.text("server_nonce_hex"))));
        assertThat(InsecureSecretAccess.get()).isNotNull();
    }

    static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
