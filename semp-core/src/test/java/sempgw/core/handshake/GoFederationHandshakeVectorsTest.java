package sempgw.core.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static sempgw.core.testing.SharedFiles.b64;
import static sempgw.core.testing.SharedFiles.hex;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sempgw.core.crypto.SignatureContext;
import sempgw.core.crypto.SuiteId;
import sempgw.core.json.CanonicalJson;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.core.session.Session;
import sempgw.core.testing.ScriptedRandom;
import sempgw.core.testing.SharedFiles;

/**
 * semp-go handshake-federation.json (a.example initiates, b.example responds), both suites,
 * replayed against our Responder and our Initiator; every message is re-created byte for byte.
 */
final class GoFederationHandshakeVectorsTest {
    private static final JsonNode V = SharedFiles.goVectors("handshake-federation.json");
    private static final Instant NOW = Instant.parse("2026-04-29T12:00:00Z");
    static final FederationPolicy GO_POLICY = new FederationPolicy("7d", "allowed", false);

    static Stream<GoTranscript> transcripts() {
        List<GoTranscript> out = new ArrayList<>();
        V.get("transcripts").forEach(t -> out.add(new GoTranscript(t)));
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("transcripts")
    void javaResponder_goInitiatorMessages_reproducesResponseAndAcceptedByteForByte(GoTranscript g) throws Exception {
        DomainSigningPrivateKey a = g.domainKey("initiator_domain_signing_key");
        DomainSigningPrivateKey b = g.domainKey("responder_domain_signing_key");
        Responder.Config cfg = new Responder.Config(new LocalDomain("b.example", "server-b-1", b),
                new Capabilities(List.of(g.suite), List.of(), OptionalLong.empty(), OptionalLong.empty()),
                ResponderGuards.of(new SeenNonces(Duration.ofHours(1), 100), new UsedChallenges(100)),
                DomainKeyLookup.of("a.example", a.publicKey()), DomainProofVerifier.signedWithHttpsPublishedKey(), GO_POLICY,
                Duration.ofSeconds(3600), CollisionArbiter.none());
        List<byte[]> chunks = new ArrayList<>(g.encapsulationRandomness("responder_encapsulation_secrets"));
        chunks.add(hex(g.text("responder_nonce_hex")));
        ScriptedRandom random = new ScriptedRandom(chunks.toArray(byte[][]::new));
        Responder responder = Responder.create(cfg, random, NOW, (now, r) -> g.text("session_id"));

        Step response = responder.onMessage(g.wire(0), NOW);
        assertThat(response).isInstanceOf(Step.Send.class);
        assertThat(GoTranscript.utf8(((Step.Send) response).message())).isEqualTo(GoTranscript.utf8(g.wire(1)));

        Step accepted = responder.onMessage(g.wire(2), NOW);
        assertThat(accepted).isInstanceOf(Step.Established.class);
        Step.Established e = (Step.Established) accepted;
        assertThat(GoTranscript.utf8(e.message().orElseThrow())).isEqualTo(GoTranscript.utf8(g.wire(3)));
        assertThat(e.session().kind()).isEqualTo(Session.Kind.FEDERATION);
        assertThat(e.session().peer()).isEqualTo("a.example");
        assertThat(e.session().ttl()).isEqualTo(Duration.ofHours(1));
        assertThat(GoTranscript.hexKeys(e.session().keys())).isEqualTo(g.expectedKeys("session_keys"));
        assertThat(random.exhausted()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("transcripts")
    void javaInitiator_goResponderMessages_reproducesInitAndConfirmByteForByte(GoTranscript g) throws Exception {
        DomainSigningPrivateKey a = g.domainKey("initiator_domain_signing_key");
        DomainSigningPrivateKey b = g.domainKey("responder_domain_signing_key");
        Initiator.Config cfg = new Initiator.Config(g.suite,
                new Capabilities(List.of(SuiteId.PQ_KYBER768_X25519, SuiteId.X25519_CHACHA20_POLY1305), List.of(),
                        OptionalLong.empty(), OptionalLong.empty()),
                new LocalDomain("a.example", "server-a-1", a), "b.example", DomainKeyLookup.of("b.example", b.publicKey()),
                new DomainProof("test-trust", "a.example"), FederationPolicy.Acceptor.acceptAny(), CollisionArbiter.none(),
                Duration.ofSeconds(30), Duration.ofDays(1));
        ScriptedRandom random = new ScriptedRandom(hex(g.text("initiator_nonce_hex")));
        Initiator initiator = Initiator.create(cfg, random, NOW, g.recordedEphemeral("initiator_ephemeral_private"));

        assertThat(GoTranscript.utf8(initiator.begin().message())).isEqualTo(GoTranscript.utf8(g.wire(0)));
        Step confirm = initiator.onMessage(g.wire(1), NOW);
        assertThat(confirm).isInstanceOf(Step.Send.class);
        assertThat(GoTranscript.utf8(((Step.Send) confirm).message())).isEqualTo(GoTranscript.utf8(g.wire(2)));
        Step done = initiator.onMessage(g.wire(3), NOW);
        assertThat(done).isInstanceOf(Step.Established.class);
        Session s = ((Step.Established) done).session();
        assertThat(s.id()).isEqualTo(g.text("session_id"));
        assertThat(s.peer()).isEqualTo("b.example");
        assertThat(s.side()).isEqualTo(Session.Side.INITIATOR);
        assertThat(s.ttl()).isEqualTo(Duration.ofHours(1));
        assertThat(GoTranscript.hexKeys(s.keys())).isEqualTo(g.expectedKeys("session_keys"));
        assertThat(random.exhausted()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("transcripts")
    void goTranscript_signedInputsProofsAndHash_matchOurComputation(GoTranscript g) throws Exception {
        var aPub = g.domainKey("initiator_domain_signing_key").publicKey();
        var bPub = g.domainKey("responder_domain_signing_key").publicKey();
        String[] names = {"init", "response", "confirm", "accepted"};
        for (int i = 0; i < 4; i++) {
            assertThat(CanonicalJson.encode(g.tree(i))).isEqualTo(g.wire(i));
            assertThat(ServerSignature.signedBytes(g.tree(i))).isEqualTo(b64(g.t.get("server_signature_inputs").get(names[i]).get("b64").asText()));
            assertThat(ServerSignature.verify(g.tree(i), i % 2 == 0 ? aPub : bPub)).isTrue();
            assertThat(ServerSignature.verify(g.tree(i), i % 2 == 0 ? bPub : aPub)).isFalse();
        }
        byte[] eph = b64(g.text("initiator_ephemeral_public_b64"));
        byte[] nonce = hex(g.text("initiator_nonce_hex"));
        assertThat(SignatureContext.IDENTITY.prefixed(GoClientHandshakeVectorsTest.concat(eph, nonce)))
                .isEqualTo(b64(g.text("init_inner_identity_proof_input_b64")));
        byte[] respEph = b64(g.text("responder_ephemeral_key_field_b64"));
        byte[] respNonce = hex(g.text("responder_nonce_hex"));
        assertThat(SignatureContext.IDENTITY.prefixed(GoClientHandshakeVectorsTest.concat(respEph, respNonce, nonce)))
                .isEqualTo(b64(g.text("response_inner_identity_proof_input_b64")));
        assertThat(SharedFiles.b64(ConfirmationHash.of(g.tree(0), g.tree(1)))).isEqualTo(g.text("confirmation_hash_b64"));
    }
}
