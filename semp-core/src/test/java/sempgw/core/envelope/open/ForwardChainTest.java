package sempgw.core.envelope.open;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.TestWorld;
import sempgw.core.envelope.brief.Brief;
import sempgw.core.envelope.compose.Draft;
import sempgw.core.envelope.compose.Sender;
import sempgw.core.envelope.enclosure.Enclosure;
import sempgw.core.envelope.enclosure.EnclosureSignatures;
import sempgw.core.envelope.enclosure.ForwardedFrom;
import sempgw.core.envelope.enclosure.IdentitySignature;
import sempgw.core.json.JsonObject;
import sempgw.core.keys.IdentityPrivateKey;
import sempgw.core.keys.IdentityPublicKey;

/** Forwarded envelopes (ENVELOPE.md §6.6.3-6.6.5): attestation, original signature, chains. */
final class ForwardChainTest {
    private static final TestWorld W = TestWorld.of(SuiteId.X25519_CHACHA20_POLY1305);
    private static final IdentityPrivateKey CAROL = IdentityPrivateKey.generate(RandomSource.secure());
    private static final IdentityPrivateKey DAVE = IdentityPrivateKey.generate(RandomSource.secure());
    private static final Instant RECEIVED = Instant.parse("2026-06-01T12:30:00Z");

    /** alice -> carol, opened by carol: the original enclosure tree carol received. */
    private static JsonObject aliceToCarol() throws Exception {
        var composed = W.compose(TestWorld.draft("Original", "from alice", "carol@b.example")).getFirst().envelope();
        return W.opener("carol@b.example").open(W.seal(composed)).enclosureTree();
    }

    private static Enclosure forward(JsonObject original, String originalSender, IdentityPrivateKey forwarder, IdentityPrivateKey attester) {
        ForwardedFrom unsigned = new ForwardedFrom(original, Optional.empty(), Optional.empty(), originalSender, RECEIVED,
                IdentitySignature.unsigned(""));
        return Enclosure.of("Fwd: Original", "text/plain", "see below").withForwardedFrom(EnclosureSignatures.attest(unsigned, attester));
    }

    private static OpenedEnvelope deliver(Enclosure enclosure, String from, IdentityPrivateKey signer, Map<String, IdentityPublicKey> known)
            throws Exception {
        Draft d = new Draft(Brief.of("m-fwd", from, List.of("erin@c.example"), RECEIVED), enclosure);
        var composed = W.composer().compose(d, Sender.of(signer), W.keysFor(d), TestWorld.SESSION, TestWorld.NOW).getFirst().envelope();
        IdentityKeys keys = (a, id) -> Optional.ofNullable(known.get(a)).filter(k -> k.keyId().hex().equals(id));
        return new EnvelopeOpener(List.of(W.clientKey("erin@c.example")), keys, Set.of()).open(W.seal(composed));
    }

    private static Map<String, IdentityPublicKey> everyone() {
        return Map.of(TestWorld.SENDER, W.identityKey.publicKey(), "carol@b.example", CAROL.publicKey(), "dave@b.example", DAVE.publicKey());
    }

    @Test
    void forward_attestedByForwarderWithOriginalSignature_isVerified() throws Exception {
        OpenedEnvelope o = deliver(forward(aliceToCarol(), TestWorld.SENDER, CAROL, CAROL), "carol@b.example", CAROL, everyone());
        assertThat(o.forward()).isEqualTo(new ForwardCheck(ForwardCheck.Status.VERIFIED, 1));
        assertThat(o.enclosure().forwardedFrom()).map(ForwardedFrom::originalSenderAddress).hasValue(TestWorld.SENDER);
    }

    @Test
    void forward_attestedByAnotherKeyThanTheSender_isAttestationInvalid() throws Exception {
        OpenedEnvelope o = deliver(forward(aliceToCarol(), TestWorld.SENDER, CAROL, DAVE), "carol@b.example", CAROL, everyone());
        assertThat(o.forward().status()).isEqualTo(ForwardCheck.Status.ATTESTATION_INVALID);
    }

    @Test
    void forward_claimingAnotherOriginalSender_isOriginalUnverified() throws Exception {
        OpenedEnvelope o = deliver(forward(aliceToCarol(), "dave@b.example", CAROL, CAROL), "carol@b.example", CAROL, everyone());
        assertThat(o.forward().status()).isEqualTo(ForwardCheck.Status.ORIGINAL_UNVERIFIED);
        OpenedEnvelope unknown = deliver(forward(aliceToCarol(), TestWorld.SENDER, CAROL, CAROL), "carol@b.example", CAROL,
                Map.of("carol@b.example", CAROL.publicKey()));
        assertThat(unknown.forward().status()).isEqualTo(ForwardCheck.Status.ORIGINAL_UNVERIFIED);
    }

    @Test
    void forward_modifiedOriginal_isOriginalUnverified() throws Exception {
        JsonObject original = aliceToCarol();
        JsonObject tampered = original.with("subject", sempgw.core.json.JsonString.of("Altered"));
        OpenedEnvelope o = deliver(forward(tampered, TestWorld.SENDER, CAROL, CAROL), "carol@b.example", CAROL, everyone());
        assertThat(o.forward().status()).isEqualTo(ForwardCheck.Status.ORIGINAL_UNVERIFIED);
    }

    @Test
    void forward_ofAForward_verifiesBothLevels() throws Exception {
        Enclosure carolsForward = EnclosureSignatures.sign(forward(aliceToCarol(), TestWorld.SENDER, CAROL, CAROL), CAROL);
        JsonObject carolsTree = sempgw.core.envelope.enclosure.EnclosureCodec.toJson(carolsForward);
        OpenedEnvelope o = deliver(forward(carolsTree, "carol@b.example", DAVE, DAVE), "dave@b.example", DAVE, everyone());
        assertThat(o.forward()).isEqualTo(new ForwardCheck(ForwardCheck.Status.VERIFIED, 2));
    }
}
