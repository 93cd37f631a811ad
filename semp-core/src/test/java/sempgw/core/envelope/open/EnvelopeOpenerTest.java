package sempgw.core.envelope.open;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sempgw.core.crypto.CryptoSuite;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.Envelope;
import sempgw.core.envelope.Extensions;
import sempgw.core.envelope.PayloadCipher;
import sempgw.core.envelope.Postmark;
import sempgw.core.envelope.Seal;
import sempgw.core.envelope.TestWorld;
import sempgw.core.envelope.brief.Brief;
import sempgw.core.envelope.brief.BriefCodec;
import sempgw.core.envelope.compose.Draft;
import sempgw.core.envelope.enclosure.Attachment;
import sempgw.core.envelope.enclosure.Enclosure;
import sempgw.core.envelope.enclosure.EnclosureCodec;
import sempgw.core.envelope.enclosure.EnclosureSignatures;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonString;
import sempgw.core.keys.IdentityPrivateKey;

/** The recipient client (ENVELOPE.md §7.2 steps 8-12): every failure has its own code, content only after verification. */
final class EnvelopeOpenerTest {
    private static final TestWorld W = TestWorld.of(SuiteId.PQ_KYBER768_X25519);
    private static final String BOB = "bob@b.example";

    private static Envelope sealedTo(String to) throws Exception {
        Enclosure e = new Enclosure(Optional.of("Quarterly"), "multipart/alternative",
                Map.of("text/plain", "Numbers <b>&</b>", "text/html", "<p>Numbers</p>"),
                List.of(Attachment.of("att-1", "q.csv", "text/csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8))),
                Optional.empty(), JsonObject.builder().put("x.example/hint", Extensions.entry(false, JsonString.of("v"))).build(), Optional.empty());
        Draft d = new Draft(Brief.of("m-1", TestWorld.SENDER, List.of(to), TestWorld.NOW), e);
        return W.seal(W.compose(d).getFirst().envelope());
    }

    /** An envelope for bob whose payload plaintexts we write ourselves. */
    private static Envelope handmade(byte[] brief, byte[] enclosure) throws Exception {
        var aead = CryptoSuite.of(W.suite).aead();
        SecretBytes kb = SecretBytes.random(32, RandomSource.secure());
        SecretBytes ke = SecretBytes.random(32, RandomSource.secure());
        String id = "01JHANDMADE000000000000000";
        var bob = W.clientKey(BOB).publicKey();
        String wb = Base64.getEncoder().encodeToString(bob.wrap(kb, RandomSource.secure()));
        String we = Base64.getEncoder().encodeToString(bob.wrap(ke, RandomSource.secure()));
        return new Envelope(Envelope.VERSION, Postmark.of(id, TestWorld.SESSION, "a.example", "b.example", TestWorld.NOW),
                Seal.unsigned(W.suite, Map.of(bob.keyId().hex(), wb), Map.of(bob.keyId().hex(), we)),
                PayloadCipher.seal(aead, kb, brief, id, RandomSource.secure()), PayloadCipher.seal(aead, ke, enclosure, id, RandomSource.secure()), "");
    }

    private static byte[] briefBytes() {
        return BriefCodec.encode(Brief.of("m-1", TestWorld.SENDER, List.of(BOB), TestWorld.NOW));
    }

    private static OpenError error(EnvelopeOpener opener, Envelope e) {
        try {
            opener.open(e);
        } catch (OpenException x) {
            return x.error();
        }
        throw new AssertionError("opened");
    }

    @Test
    void open_asRecipient_returnsVerifiedContent() throws Exception {
        OpenedEnvelope o = W.opener(BOB).open(sealedTo(BOB));
        assertThat(o.brief().from()).isEqualTo(TestWorld.SENDER);
        assertThat(o.enclosure().subject()).hasValue("Quarterly");
        assertThat(o.enclosure().body()).containsEntry("text/html", "<p>Numbers</p>");
        assertThat(o.enclosure().attachments()).singleElement().satisfies(a -> assertThat(a.size()).isEqualTo(8));
        assertThat(o.senderKey()).isEqualTo(W.identityKey.publicKey());
        assertThat(o.forward().status()).isEqualTo(ForwardCheck.Status.NOT_FORWARDED);
        assertThat(o.enclosureTree()).isEqualTo(EnclosureCodec.toJson(o.enclosure()));
        assertThat(o).hasToString("OpenedEnvelope[m-1]");
    }

    @Test
    void open_notForUs_isNotARecipient() throws Exception {
        assertThat(error(W.opener("carol@b.example"), sealedTo(BOB))).isEqualTo(OpenError.NOT_A_RECIPIENT);
    }

    @Test
    void open_unknownSuite_isUnsupportedSuite() throws Exception {
        Envelope e = sealedTo(BOB);
        Seal s = e.seal();
        Envelope rot = e.withSeal(new Seal("rot13", s.keyId(), s.signature(), s.sessionMac(), s.briefRecipients(),
                s.enclosureRecipients(), Optional.empty(), JsonObject.EMPTY));
        assertThat(error(W.opener(BOB), rot)).isEqualTo(OpenError.UNSUPPORTED_SUITE);
    }

    @Test
    void open_entryMadeForAnotherKey_isKeyUnwrapFailed() throws Exception {
        Envelope e = sealedTo(BOB);
        String bobId = W.clientKey(BOB).keyId().hex();
        String domainEntry = e.seal().briefRecipients().get(W.domainKey("b.example").keyId().hex());
        Map<String, String> swapped = new java.util.HashMap<>(e.seal().briefRecipients());
        swapped.put(bobId, domainEntry);
        Seal s = e.seal();
        Envelope bad = e.withSeal(new Seal(s.algorithm(), s.keyId(), s.signature(), s.sessionMac(), swapped, s.enclosureRecipients(),
                Optional.empty(), JsonObject.EMPTY));
        assertThat(error(W.opener(BOB), bad)).isEqualTo(OpenError.KEY_UNWRAP_FAILED);
        swapped.put(bobId, "AAAA");
        Envelope shortEntry = e.withSeal(new Seal(s.algorithm(), s.keyId(), s.signature(), s.sessionMac(), swapped, s.enclosureRecipients(),
                Optional.empty(), JsonObject.EMPTY));
        assertThat(error(W.opener(BOB), shortEntry)).isEqualTo(OpenError.KEY_UNWRAP_FAILED);
    }

    @Test
    void open_swappedPayloads_areUnreadable() throws Exception {
        Envelope e = sealedTo(BOB);
        Envelope swapped = new Envelope(e.version(), e.postmark(), e.seal(), e.enclosure(), e.brief(), e.padding());
        assertThat(error(W.opener(BOB), swapped)).isEqualTo(OpenError.BRIEF_UNREADABLE);
        Envelope encSwapped = new Envelope(e.version(), e.postmark(), e.seal(), e.brief(), e.brief(), e.padding());
        assertThat(error(W.opener(BOB), encSwapped)).isEqualTo(OpenError.ENCLOSURE_UNREADABLE);
        Envelope moved = e.withPostmark(e.postmark().withHopCount(1)).withPostmark(Postmark.of("01JOTHER", e.postmark().sessionId(),
                e.postmark().fromDomain(), e.postmark().toDomain(), e.postmark().expires()));
        assertThat(error(W.opener(BOB), moved)).isEqualTo(OpenError.BRIEF_UNREADABLE);
    }

    @Test
    void open_malformedPlaintexts_areMalformed() throws Exception {
        byte[] enclosure = EnclosureCodec.encode(EnclosureSignatures.sign(Enclosure.of("s", "text/plain", "x"), W.identityKey));
        assertThat(error(W.opener(BOB), handmade("[]".getBytes(StandardCharsets.UTF_8), enclosure))).isEqualTo(OpenError.MALFORMED_BRIEF);
        assertThat(error(W.opener(BOB), handmade(briefBytes(), "{\"subject\":1}".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(OpenError.MALFORMED_ENCLOSURE);
        assertThat(W.opener(BOB).open(handmade(briefBytes(), enclosure)).enclosure().body()).containsEntry("text/plain", "x");
    }

    @Test
    void open_senderKeyUnknownOrWrong_failsTheSignatureCheck() throws Exception {
        Envelope e = sealedTo(BOB);
        EnvelopeOpener nobody = new EnvelopeOpener(List.of(W.clientKey(BOB)), (a, id) -> Optional.empty(), Set.of());
        assertThat(error(nobody, e)).isEqualTo(OpenError.SENDER_KEY_UNKNOWN);
        IdentityPrivateKey impostor = IdentityPrivateKey.generate(RandomSource.secure());
        EnvelopeOpener wrongKey = new EnvelopeOpener(List.of(W.clientKey(BOB)), (a, id) -> Optional.of(impostor.publicKey()), Set.of());
        assertThat(error(wrongKey, e)).isEqualTo(OpenError.SENDER_SIGNATURE_INVALID);
    }

    @Test
    void open_contentAlteredAfterSigningOrUnsigned_isSenderSignatureInvalid() throws Exception {
        Enclosure signed = EnclosureSignatures.sign(Enclosure.of("s", "text/plain", "pay 10"), W.identityKey);
        Enclosure altered = new Enclosure(signed.subject(), signed.contentType(), Map.of("text/plain", "pay 1000"), List.of(),
                Optional.empty(), JsonObject.EMPTY, signed.senderSignature());
        assertThat(error(W.opener(BOB), handmade(briefBytes(), EnclosureCodec.encode(altered)))).isEqualTo(OpenError.SENDER_SIGNATURE_INVALID);
        assertThat(error(W.opener(BOB), handmade(briefBytes(), EnclosureCodec.encode(Enclosure.of("s", "text/plain", "x")))))
                .isEqualTo(OpenError.SENDER_SIGNATURE_INVALID);
    }

    @Test
    void open_attachmentNotMatchingItsHash_isAttachmentInvalid() throws Exception {
        Attachment real = Attachment.of("a", "f.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
        Attachment lying = new Attachment("a", "f.txt", "text/plain", 5, real.hash(), Base64.getEncoder().encodeToString("jello".getBytes(StandardCharsets.UTF_8)));
        Enclosure e = EnclosureSignatures.sign(Enclosure.of("s", "text/plain", "x").withAttachments(List.of(lying)), W.identityKey);
        assertThat(error(W.opener(BOB), handmade(briefBytes(), EnclosureCodec.encode(e)))).isEqualTo(OpenError.ATTACHMENT_INVALID);
        Attachment md5 = new Attachment("a", "f.txt", "text/plain", 5, "md5:5d41402abc4b2a76b9719d911017c592", real.content());
        Enclosure weak = EnclosureSignatures.sign(Enclosure.of("s", "text/plain", "x").withAttachments(List.of(md5)), W.identityKey);
        assertThat(error(W.opener(BOB), handmade(briefBytes(), EnclosureCodec.encode(weak)))).isEqualTo(OpenError.ATTACHMENT_INVALID);
    }

    @Test
    void open_enclosureExtensionsUnknownRequiredOrTooLarge_areRefusedTheUnknownOneByName() throws Exception {
        JsonObject required = JsonObject.builder().put("vendor.example.com/render", Extensions.entry(true, JsonObject.EMPTY)).build();
        Enclosure e = EnclosureSignatures.sign(new Enclosure(Optional.empty(), "text/plain", Map.of("text/plain", "x"), List.of(),
                Optional.empty(), required, Optional.empty()), W.identityKey);
        Envelope env = handmade(briefBytes(), EnclosureCodec.encode(e));
        assertThatThrownBy(() -> W.opener(BOB).open(env)).isInstanceOfSatisfying(OpenException.class, x -> {
            assertThat(x.error()).isEqualTo(OpenError.EXTENSION_UNSUPPORTED);
            assertThat(x.extension()).hasValue("vendor.example.com/render");
        });
        EnvelopeOpener knows = new EnvelopeOpener(List.of(W.clientKey(BOB)), IdentityKeys.of(TestWorld.SENDER, W.identityKey.publicKey()),
                Set.of("vendor.example.com/render"));
        assertThat(knows.open(env).enclosure().extensions()).isEqualTo(required);
        JsonObject big = JsonObject.builder().put("x.example/big", Extensions.entry(false, JsonString.of("a".repeat(70_000)))).build();
        Enclosure huge = EnclosureSignatures.sign(new Enclosure(Optional.empty(), "text/plain", Map.of("text/plain", "x"), List.of(),
                Optional.empty(), big, Optional.empty()), W.identityKey);
        assertThat(error(W.opener(BOB), handmade(briefBytes(), EnclosureCodec.encode(huge)))).isEqualTo(OpenError.EXTENSION_TOO_LARGE);
    }
}
