package sempgw.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static sempgw.core.testing.SharedFiles.b64;
import static sempgw.core.testing.SharedFiles.hex;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sempgw.core.crypto.CryptoSuite;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.envelope.brief.Brief;
import sempgw.core.envelope.brief.BriefCodec;
import sempgw.core.envelope.compose.ComposeOptions;
import sempgw.core.envelope.compose.ComposedEnvelope;
import sempgw.core.envelope.compose.Draft;
import sempgw.core.envelope.compose.EnvelopeComposer;
import sempgw.core.envelope.compose.RecipientKeys;
import sempgw.core.envelope.compose.Sender;
import sempgw.core.envelope.enclosure.Enclosure;
import sempgw.core.envelope.enclosure.EnclosureCodec;
import sempgw.core.envelope.enclosure.EnclosureSignatures;
import sempgw.core.envelope.open.EnvelopeOpener;
import sempgw.core.envelope.open.ForwardCheck;
import sempgw.core.envelope.open.IdentityKeys;
import sempgw.core.envelope.open.OpenedEnvelope;
import sempgw.core.envelope.seal.EnvelopeSealer;
import sempgw.core.envelope.seal.EnvelopeVerifier;
import sempgw.core.envelope.seal.PolicyDecision;
import sempgw.core.envelope.seal.SenderDomainKeys;
import sempgw.core.envelope.seal.SessionState;
import sempgw.core.envelope.seal.Verdict;
import sempgw.core.envelope.seal.VerifierOptions;
import sempgw.core.json.CanonicalJson;
import sempgw.core.keys.DecryptionKey;
import sempgw.core.keys.DomainEncryptionPublicKey;
import sempgw.core.keys.EncryptionPublicKey;
import sempgw.core.keys.UserEncryptionPrivateKey;
import sempgw.core.keys.UserEncryptionPublicKey;
import sempgw.core.testing.ScriptedRandom;

/**
 * semp-go's sealed envelopes, both suites (vectors README "envelope-*.json", consumer checks 1-6),
 * plus re-creation of go's bytes from go's inputs and randomness.
 */
final class GoEnvelopeVectorsTest {
    private static final Instant SENT = Instant.parse("2026-05-01T12:00:00Z");

    static Stream<Named<GoEnvelopeVector>> vectors() {
        return GoEnvelopeVector.all();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void decode_goWire_canonicalBytesAndTypedReencodingEqualGo(GoEnvelopeVector v) throws Exception {
        ReceivedEnvelope r = EnvelopeCodec.decode(v.wire(), SizeBuckets.DEFAULT_MAX_ENVELOPE_SIZE);
        assertThat(r.canonicalBytes()).isEqualTo(v.bytes("canonical_b64"));
        assertThat(EnvelopeCanonical.of(r.envelope())).isEqualTo(v.bytes("canonical_b64"));
        assertThat(r.wireLength()).isEqualTo(v.node().get("wire_length").asInt());
        assertThat(SizeBuckets.standard().isBucket(r.wireLength())).isTrue();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void receive_goWire_passesEveryPipelineStep(GoEnvelopeVector v) throws Exception {
        String session = EnvelopeCodec.decode(v.wire(), Integer.MAX_VALUE).envelope().postmark().sessionId();
        var signing = v.signingKey().publicKey();
        var domainKey = v.recipientDomainKey();
        EnvelopeVerifier verifier = new EnvelopeVerifier(
                SenderDomainKeys.of(d -> d.equals("a.example") ? List.of(signing) : List.of()),
                id -> id.equals(session) ? SessionState.Active.of(v.envMac()) : new SessionState.Unknown(),
                d -> d.equals("b.example") ? List.of(domainKey) : List.of(),
                (p, b) -> PolicyDecision.deliver(), VerifierOptions.defaults());
        Verdict verdict = verifier.receive(v.wire(), SENT);
        assertThat(verdict).isInstanceOf(Verdict.Accepted.class);
        assertThat(((Verdict.Accepted) verdict).brief()).isEqualTo(BriefCodec.decode(v.bytes("brief_plaintext_b64")));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void seal_goUnsignedSubmission_reproducesGoSignatureMacAndSize(GoEnvelopeVector v) throws Exception {
        Envelope unsigned = EnvelopeCodec.decode(v.unsignedWire(), Integer.MAX_VALUE).envelope();
        ScriptedRandom noRandomness = new ScriptedRandom();
        Envelope sealed = new EnvelopeSealer(v.signingKey(), SizeBuckets.standard())
                .seal(unsigned, unsigned.postmark().sessionId(), v.envMac(), noRandomness);
        assertThat(sealed.seal().signature()).isEqualTo(v.text("expected_signature_b64"));
        assertThat(sealed.seal().sessionMac()).isEqualTo(v.text("expected_session_mac_b64"));
        assertThat(EnvelopeCodec.encode(sealed)).hasSize(v.node().get("wire_length").asInt());
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void unwrap_everyGoWrap_givesThePayloadKey(GoEnvelopeVector v) throws Exception {
        Map<String, DecryptionKey> keys = v.decryptionKeys();
        Envelope e = EnvelopeCodec.decode(v.wire(), Integer.MAX_VALUE).envelope();
        for (JsonNode w : v.node().get("wraps")) {
            boolean briefMap = w.get("map").asText().equals("brief_recipients");
            Map<String, String> map = briefMap ? e.seal().briefRecipients() : e.seal().enclosureRecipients();
            SecretBytes k = RecipientEntries.unwrap(map, keys.get(w.get("fingerprint").asText()));
            byte[] expected = v.bytes(briefMap ? "K_brief_hex" : "K_enclosure_hex");
            assertThat(k.equalsSecret(SecretBytes.copyOf(expected))).isTrue();
            assertThat(hex(w.get("unwrapped_key_hex").asText())).isEqualTo(expected);
        }
        for (JsonNode d : v.node().path("dummy_entries")) {
            String[] mapAndFp = d.asText().split("/");
            Map<String, String> map = mapAndFp[0].equals("brief_recipients") ? e.seal().briefRecipients() : e.seal().enclosureRecipients();
            assertThat(map).containsKey(mapAndFp[1]);
            assertThat(keys).doesNotContainKey(mapAndFp[1]);
        }
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void wrap_goEphemeralSecrets_reproducesGoEntriesByteForByte(GoEnvelopeVector v) throws Exception {
        Map<String, DecryptionKey> keys = v.decryptionKeys();
        for (JsonNode w : v.node().get("wraps")) {
            EncryptionPublicKey pub = keys.get(w.get("fingerprint").asText()).publicKey();
            ScriptedRandom eph = w.has("kyber768_encapsulation_seed_hex")
                    ? new ScriptedRandom(hex(w.get("sender_ephemeral_x25519_private_hex").asText()), hex(w.get("kyber768_encapsulation_seed_hex").asText()))
                    : new ScriptedRandom(hex(w.get("sender_ephemeral_x25519_private_hex").asText()));
            byte[] entry = pub.wrap(SecretBytes.copyOf(hex(w.get("unwrapped_key_hex").asText())), eph);
            assertThat(entry).isEqualTo(b64(w.get("wrapped_b64").asText()));
            assertThat(eph.exhausted()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void open_asEachRecipientClient_givesGoPlaintextsWithValidSenderSignature(GoEnvelopeVector v) throws Exception {
        Envelope e = EnvelopeCodec.decode(v.wire(), Integer.MAX_VALUE).envelope();
        var aead = CryptoSuite.of(v.suite()).aead();
        assertThat(PayloadCipher.open(aead, SecretBytes.copyOf(v.bytes("K_brief_hex")), e.brief(), v.text("aead_aad_text")))
                .isEqualTo(v.bytes("brief_plaintext_b64"));
        assertThat(PayloadCipher.open(aead, SecretBytes.copyOf(v.bytes("K_enclosure_hex")), e.enclosure(), v.text("aead_aad_text")))
                .isEqualTo(v.bytes("enclosure_plaintext_b64"));
        IdentityKeys alice = IdentityKeys.of(v.senderAddress(), v.identityKey().publicKey());
        for (UserEncryptionPrivateKey key : v.clientKeys().values()) {
            OpenedEnvelope opened = new EnvelopeOpener(List.of(key), alice, Set.of()).open(e);
            assertThat(opened.brief()).isEqualTo(BriefCodec.decode(v.bytes("brief_plaintext_b64")));
            assertThat(opened.enclosure()).isEqualTo(EnclosureCodec.fromJson(EnclosureCodec.parse(v.bytes("enclosure_plaintext_b64"))));
            assertThat(opened.forward().status()).isEqualTo(ForwardCheck.Status.NOT_FORWARDED);
        }
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void signEnclosure_goContent_reproducesGoSenderSignature(GoEnvelopeVector v) throws Exception {
        Enclosure received = EnclosureCodec.fromJson(EnclosureCodec.parse(v.bytes("enclosure_plaintext_b64")));
        Enclosure unsigned = new Enclosure(received.subject(), received.contentType(), received.body(), received.attachments(),
                received.forwardedFrom(), received.extensions(), java.util.Optional.empty());
        Enclosure signed = EnclosureSignatures.sign(unsigned, v.identityKey());
        assertThat(signed.senderSignature().orElseThrow().value()).isEqualTo(v.text("enclosure_sender_signature_b64"));
        Enclosure blanked = signed.withSenderSignature(new sempgw.core.envelope.enclosure.IdentitySignature(
                "ed25519", signed.senderSignature().get().keyId(), ""));
        assertThat(CanonicalJson.encode(EnclosureCodec.toJson(blanked))).isEqualTo(v.bytes("enclosure_signature_canonical_b64"));
        assertThat(EnclosureSignatures.verifySender(EnclosureCodec.parse(v.bytes("enclosure_plaintext_b64")), v.identityKey().publicKey())).isTrue();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void compose_goInputsAndRandomness_reproducesGoSealMapsPaddingAndSize(GoEnvelopeVector v) throws Exception {
        Envelope go = EnvelopeCodec.decode(v.wire(), Integer.MAX_VALUE).envelope();
        Brief brief = BriefCodec.decode(v.bytes("brief_plaintext_b64"));
        Enclosure received = EnclosureCodec.fromJson(EnclosureCodec.parse(v.bytes("enclosure_plaintext_b64")));
        Enclosure unsigned = new Enclosure(received.subject(), received.contentType(), received.body(), received.attachments(),
                received.forwardedFrom(), received.extensions(), java.util.Optional.empty());
        Map<String, List<UserEncryptionPublicKey>> clients = new java.util.LinkedHashMap<>();
        v.clientKeys().forEach((a, k) -> clients.put(a, List.of(k.publicKey())));
        RecipientKeys keys = new RecipientKeys(Map.of("b.example", (DomainEncryptionPublicKey) v.recipientDomainKey().publicKey()), clients);
        ScriptedRandom goRandomness = v.composeRandomness();
        EnvelopeComposer composer = new EnvelopeComposer(new ComposeOptions(v.suite(), Duration.ofHours(1), SizeBuckets.standard()),
                goRandomness, () -> v.text("aead_aad_text"));
        List<ComposedEnvelope> out = composer.compose(new Draft(brief, unsigned),
                Sender.withHomeServer(v.identityKey(), v.homeDomainKey().publicKey()), keys, go.postmark().sessionId(),
                Instant.parse("2098-12-31T23:00:00Z"));

        assertThat(goRandomness.exhausted()).isTrue();
        assertThat(out).hasSize(1);
        Envelope ours = out.getFirst().envelope();
        assertThat(ours.seal().briefRecipients()).isEqualTo(go.seal().briefRecipients());
        assertThat(ours.seal().enclosureRecipients()).isEqualTo(go.seal().enclosureRecipients());
        assertThat(ours.padding()).isEqualTo(go.padding());
        assertThat(ours.postmark()).isEqualTo(go.postmark());
        assertThat(ours.brief()).hasSameSizeAs(go.brief());
        assertThat(ours.enclosure()).hasSameSizeAs(go.enclosure());
        Envelope sealed = new EnvelopeSealer(v.signingKey(), SizeBuckets.standard()).seal(ours, go.postmark().sessionId(), v.envMac(), new ScriptedRandom());
        assertThat(EnvelopeCodec.encode(sealed)).hasSize(v.node().get("wire_length").asInt());
        assertThat(sealed.seal().keyId()).isEqualTo(go.seal().keyId());
    }
}
