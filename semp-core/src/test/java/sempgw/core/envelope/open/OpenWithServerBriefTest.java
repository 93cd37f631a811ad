package sempgw.core.envelope.open;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import sempgw.core.crypto.CryptoSuite;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.Envelope;
import sempgw.core.envelope.EnvelopeCodec;
import sempgw.core.envelope.Extensions;
import sempgw.core.envelope.GoEnvelopeVector;
import sempgw.core.envelope.PayloadCipher;
import sempgw.core.envelope.RecipientEntries;
import sempgw.core.envelope.Seal;
import sempgw.core.envelope.TestWorld;
import sempgw.core.envelope.brief.Brief;
import sempgw.core.envelope.brief.BriefCodec;
import sempgw.core.envelope.compose.ComposedEnvelope;
import sempgw.core.envelope.compose.Draft;
import sempgw.core.envelope.enclosure.Attachment;
import sempgw.core.envelope.enclosure.Enclosure;
import sempgw.core.envelope.seal.Verdict;
import sempgw.core.json.JsonObject;
import sempgw.core.keys.IdentityPrivateKey;
import sempgw.core.keys.UserEncryptionPrivateKey;

/**
 * {@link EnvelopeOpener#openWithServerBrief}: with the brief the receiving server accepted, the
 * same {@link OpenedEnvelope} as the full {@link EnvelopeOpener#open}, and every client check
 * of steps 9-12 still failing closed with the same {@link OpenError}.
 */
final class OpenWithServerBriefTest {
    private static final String BOB = "bob@b.example";
    private static final String CAROL = "carol@b.example";

    static Stream<Named<GoEnvelopeVector>> vectors() {
        return GoEnvelopeVector.all();
    }

    private static Draft draft(String... to) {
        Enclosure e = Enclosure.of("Quarterly", "text/plain", "Numbers")
                .withAttachments(List.of(Attachment.of("att-1", "q.csv", "text/csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8))));
        return new Draft(Brief.of("m-1", TestWorld.SENDER, List.of(to), TestWorld.NOW), e);
    }

    /** The server's verdict on the first envelope composed for {@code draft}. */
    private static Verdict.Accepted accepted(TestWorld w, Draft draft) throws Exception {
        ComposedEnvelope c = w.compose(draft).getFirst();
        return (Verdict.Accepted) w.verifier().receive(EnvelopeCodec.encode(w.seal(c.envelope())), TestWorld.NOW);
    }

    private static OpenError error(EnvelopeOpener opener, Envelope e, Brief brief) {
        try {
            opener.openWithServerBrief(e, brief);
        } catch (OpenException x) {
            return x.error();
        }
        throw new AssertionError("opened");
    }

    private static Envelope withMaps(Envelope e, Map<String, String> brief, Map<String, String> enclosure) {
        Seal s = e.seal();
        return e.withSeal(new Seal(s.algorithm(), s.keyId(), s.signature(), s.sessionMac(), brief, enclosure, s.firstContactToken(),
                s.extensions()));
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void openWithServerBrief_roundTripEveryRecipient_equalsFullOpen(SuiteId suite) throws Exception {
        TestWorld w = TestWorld.of(suite);
        Verdict.Accepted a = accepted(w, draft(BOB, CAROL));
        Envelope e = a.envelope().envelope();
        for (String r : List.of(BOB, CAROL)) {
            OpenedEnvelope full = w.opener(r).open(e);
            OpenedEnvelope reused = w.opener(r).openWithServerBrief(e, a.brief());
            assertThat(reused).isEqualTo(full);
            assertThat(reused.brief()).isSameAs(a.brief());
            assertThat(reused.enclosure().attachments()).singleElement().satisfies(x -> assertThat(x.size()).isEqualTo(8));
        }
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void openWithServerBrief_goVectorWithTheDomainKeysBrief_equalsFullOpen(GoEnvelopeVector v) throws Exception {
        Envelope e = EnvelopeCodec.decode(v.wire(), Integer.MAX_VALUE).envelope();
        SecretBytes kBrief = RecipientEntries.unwrap(e.seal().briefRecipients(), v.recipientDomainKey());
        Brief serverBrief = BriefCodec.decode(PayloadCipher.open(CryptoSuite.of(v.suite()).aead(), kBrief, e.brief(), e.postmark().id()));
        IdentityKeys alice = IdentityKeys.of(v.senderAddress(), v.identityKey().publicKey());
        for (UserEncryptionPrivateKey key : v.clientKeys().values()) {
            EnvelopeOpener opener = new EnvelopeOpener(List.of(key), alice, Set.of());
            assertThat(opener.openWithServerBrief(e, serverBrief)).isEqualTo(opener.open(e));
        }
    }

    @Test
    void openWithServerBrief_senderSignatureWrongOrKeyUnknown_sameErrorsAsFullOpen() throws Exception {
        TestWorld w = TestWorld.of(SuiteId.PQ_KYBER768_X25519);
        Verdict.Accepted a = accepted(w, draft(BOB));
        Envelope e = a.envelope().envelope();
        IdentityPrivateKey impostor = IdentityPrivateKey.generate(RandomSource.secure());
        EnvelopeOpener wrongKey = new EnvelopeOpener(List.of(w.clientKey(BOB)), (x, id) -> Optional.of(impostor.publicKey()), Set.of());
        assertThat(error(wrongKey, e, a.brief())).isEqualTo(OpenError.SENDER_SIGNATURE_INVALID);
        assertThatThrownBy(() -> wrongKey.open(e)).extracting(x -> ((OpenException) x).error()).isEqualTo(OpenError.SENDER_SIGNATURE_INVALID);
        EnvelopeOpener nobody = new EnvelopeOpener(List.of(w.clientKey(BOB)), (x, id) -> Optional.empty(), Set.of());
        assertThat(error(nobody, e, a.brief())).isEqualTo(OpenError.SENDER_KEY_UNKNOWN);
    }

    @Test
    void openWithServerBrief_briefNamingAnotherSender_failsTheSignatureCheck() throws Exception {
        TestWorld w = TestWorld.of(SuiteId.PQ_KYBER768_X25519);
        Verdict.Accepted a = accepted(w, draft(BOB));
        Brief other = Brief.of("m-1", "mallory@a.example", List.of(BOB), TestWorld.NOW);
        assertThat(error(w.opener(BOB), a.envelope().envelope(), other)).isEqualTo(OpenError.SENDER_KEY_UNKNOWN);
    }

    @Test
    void openWithServerBrief_noEnclosureOrBriefEntryForOurKey_isNotARecipient() throws Exception {
        TestWorld w = TestWorld.of(SuiteId.PQ_KYBER768_X25519);
        Verdict.Accepted a = accepted(w, draft(BOB));
        Envelope e = a.envelope().envelope();
        String bob = w.clientKey(BOB).keyId().hex();
        Map<String, String> enclosureWithoutBob = new HashMap<>(e.seal().enclosureRecipients());
        enclosureWithoutBob.remove(bob);
        Envelope noEnclosureEntry = withMaps(e, e.seal().briefRecipients(), enclosureWithoutBob);
        assertThat(error(w.opener(BOB), noEnclosureEntry, a.brief())).isEqualTo(OpenError.NOT_A_RECIPIENT);
        Map<String, String> briefWithoutBob = new HashMap<>(e.seal().briefRecipients());
        briefWithoutBob.remove(bob);
        Envelope noBriefEntry = withMaps(e, briefWithoutBob, e.seal().enclosureRecipients());
        assertThat(error(w.opener(BOB), noBriefEntry, a.brief())).isEqualTo(OpenError.NOT_A_RECIPIENT);
        assertThat(error(w.opener("dave@b.example"), e, a.brief())).isEqualTo(OpenError.NOT_A_RECIPIENT);
    }

    @Test
    void openWithServerBrief_enclosureEntryForAnotherKeyOrSwappedPayload_failsLikeFullOpen() throws Exception {
        TestWorld w = TestWorld.of(SuiteId.PQ_KYBER768_X25519);
        Verdict.Accepted a = accepted(w, draft(BOB));
        Envelope e = a.envelope().envelope();
        Map<String, String> swapped = new HashMap<>(e.seal().enclosureRecipients());
        swapped.put(w.clientKey(BOB).keyId().hex(), e.seal().briefRecipients().get(w.domainKey("b.example").keyId().hex()));
        assertThat(error(w.opener(BOB), withMaps(e, e.seal().briefRecipients(), swapped), a.brief())).isEqualTo(OpenError.KEY_UNWRAP_FAILED);
        Envelope briefAsEnclosure = new Envelope(e.version(), e.postmark(), e.seal(), e.brief(), e.brief(), e.padding());
        assertThat(error(w.opener(BOB), briefAsEnclosure, a.brief())).isEqualTo(OpenError.ENCLOSURE_UNREADABLE);
    }

    @Test
    void openWithServerBrief_briefRequiresAnExtensionThisClientLacks_isExtensionUnsupportedNamingIt() throws Exception {
        TestWorld w = TestWorld.of(SuiteId.PQ_KYBER768_X25519);
        Verdict.Accepted a = accepted(w, draft(BOB));
        Brief b = a.brief();
        JsonObject required = JsonObject.builder().put("vendor.example.com/route", Extensions.entry(true, JsonObject.EMPTY)).build();
        Brief serverKnows = new Brief(b.messageId(), b.from(), b.to(), b.cc(), b.bcc(), b.replyTo(), b.sentAt(), b.threadId(),
                b.groupId(), b.inReplyTo(), required);
        assertThatThrownBy(() -> w.opener(BOB).openWithServerBrief(a.envelope().envelope(), serverKnows)).isInstanceOfSatisfying(
                OpenException.class, x -> {
                    assertThat(x.error()).isEqualTo(OpenError.EXTENSION_UNSUPPORTED);
                    assertThat(x.extension()).hasValue("vendor.example.com/route");
                });
    }

    @Test
    void openWithServerBrief_unsupportedSuite_isUnsupportedSuite() throws Exception {
        TestWorld w = TestWorld.of(SuiteId.PQ_KYBER768_X25519);
        Verdict.Accepted a = accepted(w, draft(BOB));
        Envelope e = a.envelope().envelope();
        Seal s = e.seal();
        Envelope rot = e.withSeal(new Seal("rot13", s.keyId(), s.signature(), s.sessionMac(), s.briefRecipients(),
                s.enclosureRecipients(), Optional.empty(), JsonObject.EMPTY));
        assertThat(error(w.opener(BOB), rot, a.brief())).isEqualTo(OpenError.UNSUPPORTED_SUITE);
    }
}
