package sempgw.core.envelope.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.Envelope;
import sempgw.core.envelope.EnvelopeCodec;
import sempgw.core.envelope.Extensions;
import sempgw.core.envelope.SizeBuckets;
import sempgw.core.envelope.TestWorld;
import sempgw.core.envelope.brief.Brief;
import sempgw.core.envelope.enclosure.Enclosure;
import sempgw.core.envelope.open.OpenedEnvelope;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonString;
import sempgw.core.keys.UserEncryptionPrivateKey;
import sempgw.core.keys.UserEncryptionPublicKey;

/** Composing (ENVELOPE.md §7.1 steps 1-10): copies, Bcc, recipient maps, padding, typed errors. */
final class EnvelopeComposerTest {
    private static final TestWorld W = TestWorld.of(SuiteId.X25519_CHACHA20_POLY1305);

    private static Draft draft(List<String> to, List<String> cc, List<String> bcc) {
        Brief b = new Brief("msg-1", TestWorld.SENDER, to, cc, bcc, Optional.empty(), TestWorld.NOW,
                Optional.of("thread-1"), Optional.empty(), Optional.empty(), JsonObject.EMPTY);
        return new Draft(b, Enclosure.of("Subject", "text/plain", "Hello"));
    }

    private static ComposeError error(Draft d, RecipientKeys keys) {
        try {
            W.composer().compose(d, Sender.of(W.identityKey), keys, TestWorld.SESSION, TestWorld.NOW);
        } catch (ComposeException e) {
            return e.error();
        }
        throw new AssertionError("composed");
    }

    @Test
    void compose_oneRecipient_unpaddedMapsAndSealedSizeOnBucket() throws Exception {
        Draft d = draft(List.of("bob@b.example"), List.of(), List.of());
        List<ComposedEnvelope> out = W.composer().compose(d, Sender.of(W.identityKey), W.keysFor(d), TestWorld.SESSION, TestWorld.NOW);
        assertThat(out).hasSize(1);
        Envelope e = out.getFirst().envelope();
        assertThat(e.seal().enclosureRecipients()).hasSize(1).containsKey(W.clientKey("bob@b.example").keyId().hex());
        assertThat(e.seal().briefRecipients()).hasSize(2).containsKey(W.domainKey("b.example").keyId().hex());
        assertThat(e.seal().signature()).isEmpty();
        assertThat(e.seal().keyId()).isEmpty();
        assertThat(e.postmark().expires()).isEqualTo(TestWorld.NOW.plus(Duration.ofHours(1)));
        assertThat(e.postmark().toDomain()).isEqualTo("b.example");
        assertThat(e.postmark().fromDomain()).isEqualTo("a.example");
        assertThat(EnvelopeCodec.encode(W.seal(e))).hasSize(4096);
    }

    @Test
    void compose_threeRecipientsWithHomeServer_padsBothMapsToBuckets() throws Exception {
        Draft d = draft(List.of("bob@b.example", "carol@b.example"), List.of("dave@b.example"), List.of());
        Envelope e = W.compose(d).getFirst().envelope();
        assertThat(e.seal().enclosureRecipients()).hasSize(4);
        assertThat(e.seal().briefRecipients()).hasSize(6).containsKey(W.domainKey("a.example").keyId().hex());
        Set<String> dummies = new HashSet<>(e.seal().enclosureRecipients().keySet());
        for (String a : List.of("bob@b.example", "carol@b.example", "dave@b.example")) {
            dummies.remove(W.clientKey(a).keyId().hex());
        }
        assertThat(dummies).hasSize(1).allMatch(k -> k.matches("[0-9a-f]{64}"));
        assertThat(e.seal().enclosureRecipients().get(dummies.iterator().next())).hasSameSizeAs(e.seal().enclosureRecipients()
                .get(W.clientKey("bob@b.example").keyId().hex()));
    }

    @Test
    void compose_bccRecipients_oneCopyEachNamingOnlyThemselves() throws Exception {
        Draft d = draft(List.of("bob@b.example"), List.of(), List.of("eve@b.example", "frank@c.example", "bob@b.example"));
        List<ComposedEnvelope> out = W.compose(d);
        assertThat(out).extracting(ComposedEnvelope::recipients)
                .containsExactly(List.of("bob@b.example"), List.of("eve@b.example"), List.of("frank@c.example"));
        assertThat(out).extracting(ComposedEnvelope::blindCopy).containsExactly(false, true, true);
        assertThat(out.get(2).envelope().postmark().toDomain()).isEqualTo("c.example");
        assertThat(out.stream().map(c -> c.envelope().postmark().id()).distinct()).hasSize(3);
        List<List<String>> bccSeen = new ArrayList<>();
        for (ComposedEnvelope c : out) {
            String me = c.recipients().getFirst();
            OpenedEnvelope o = W.opener(me).open(W.seal(c.envelope()));
            bccSeen.add(o.brief().bcc());
        }
        assertThat(bccSeen).containsExactly(List.of(), List.of("eve@b.example"), List.of("frank@c.example"));
    }

    @Test
    void compose_recipientsInTwoDomains_oneEnvelopePerDomain() throws Exception {
        Draft d = draft(List.of("bob@b.example", "frank@c.example"), List.of("carol@b.example"), List.of());
        List<ComposedEnvelope> out = W.compose(d);
        assertThat(out).extracting(c -> c.envelope().postmark().toDomain()).containsExactly("b.example", "c.example");
        assertThat(out.getFirst().recipients()).containsExactly("bob@b.example", "carol@b.example");
        assertThat(W.opener("frank@c.example").open(W.seal(out.get(1).envelope())).brief().to())
                .containsExactly("bob@b.example", "frank@c.example");
    }

    @Test
    void compose_domainFilter_composesOnlyThatDomainsCopiesWithOnlyItsKeys() throws Exception {
        Draft d = draft(List.of("bob@b.example", "frank@c.example"), List.of("carol@b.example"),
                List.of("eve@b.example", "gina@c.example"));
        RecipientKeys all = W.keysFor(d);
        RecipientKeys onlyC = new RecipientKeys(Map.of("c.example", all.domainKey("c.example").orElseThrow()),
                Map.of("frank@c.example", all.clientKeysOf("frank@c.example"), "gina@c.example", all.clientKeysOf("gina@c.example")));

        List<ComposedEnvelope> out = W.composer().compose(d, Sender.of(W.identityKey), onlyC, TestWorld.SESSION, TestWorld.NOW,
                "c.example"::equals);

        assertThat(out).extracting(ComposedEnvelope::recipients).containsExactly(List.of("frank@c.example"), List.of("gina@c.example"));
        assertThat(out).extracting(c -> c.envelope().postmark().toDomain()).containsOnly("c.example");
        assertThat(out).extracting(ComposedEnvelope::blindCopy).containsExactly(false, true);
        OpenedEnvelope frank = W.opener("frank@c.example").open(W.seal(out.getFirst().envelope()));
        assertThat(frank.brief().to()).containsExactly("bob@b.example", "frank@c.example");
        assertThat(frank.brief().cc()).containsExactly("carol@b.example");
        assertThat(frank.brief().bcc()).isEmpty();
        assertThat(W.composer().compose(d, Sender.of(W.identityKey), onlyC, TestWorld.SESSION, TestWorld.NOW, "z.example"::equals))
                .isEmpty();
        assertThatThrownBy(() -> W.composer().compose(d, Sender.of(W.identityKey), onlyC, TestWorld.SESSION, TestWorld.NOW,
                "b.example"::equals)).isInstanceOfSatisfying(ComposeException.class,
                        e -> assertThat(e.error()).isEqualTo(ComposeError.MISSING_DOMAIN_KEY));
    }

    @Test
    void compose_recipientWithTwoDeviceKeys_wrapsForBoth() throws Exception {
        Draft d = draft(List.of("bob@b.example"), List.of(), List.of());
        UserEncryptionPrivateKey second = UserEncryptionPrivateKey.generate(SuiteId.X25519_CHACHA20_POLY1305, RandomSource.secure());
        RecipientKeys keys = new RecipientKeys(Map.of("b.example", W.domainKey("b.example").publicKey()),
                Map.of("bob@b.example", List.of(W.clientKey("bob@b.example").publicKey(), second.publicKey())));
        Envelope e = W.composer().compose(d, Sender.of(W.identityKey), keys, TestWorld.SESSION, TestWorld.NOW).getFirst().envelope();
        assertThat(e.seal().enclosureRecipients()).hasSize(2).containsKey(second.keyId().hex());
        assertThat(new sempgw.core.envelope.open.EnvelopeOpener(List.of(second),
                sempgw.core.envelope.open.IdentityKeys.of(TestWorld.SENDER, W.identityKey.publicKey()), Set.of())
                .open(W.seal(e)).enclosure().body()).containsEntry("text/plain", "Hello");
    }

    @Test
    void compose_invalidDrafts_failWithTypedErrors() {
        Draft ok = draft(List.of("bob@b.example"), List.of(), List.of());
        RecipientKeys keys = W.keysFor(ok);
        assertThat(error(draft(List.of("Bob@B.example"), List.of(), List.of()), keys)).isEqualTo(ComposeError.NON_CANONICAL_ADDRESS);
        assertThat(error(draft(List.of(), List.of(), List.of()), keys)).isEqualTo(ComposeError.NO_RECIPIENTS);
        assertThat(error(new Draft(ok.brief(), new Enclosure(Optional.empty(), "text/plain", Map.of("text/html", "x"), List.of(),
                Optional.empty(), JsonObject.EMPTY, Optional.empty())), keys)).isEqualTo(ComposeError.INVALID_CONTENT);
        JsonObject bigExt = JsonObject.builder().put("x.example/big", Extensions.entry(false, JsonString.of("a".repeat(16_000)))).build();
        assertThat(error(new Draft(new Brief("m", TestWorld.SENDER, List.of("bob@b.example"), List.of(), List.of(), Optional.empty(),
                TestWorld.NOW, Optional.empty(), Optional.empty(), Optional.empty(), bigExt), ok.enclosure()), keys))
                .isEqualTo(ComposeError.EXTENSION_TOO_LARGE);
        assertThat(error(ok, new RecipientKeys(Map.of(), keys.clientKeys()))).isEqualTo(ComposeError.MISSING_DOMAIN_KEY);
        assertThat(error(ok, new RecipientKeys(keys.domainKeys(), Map.of()))).isEqualTo(ComposeError.MISSING_RECIPIENT_KEY);
        UserEncryptionPublicKey pq = TestWorld.of(SuiteId.PQ_KYBER768_X25519).clientKey("bob@b.example").publicKey();
        assertThat(error(ok, new RecipientKeys(keys.domainKeys(), Map.of("bob@b.example", List.of(pq))))).isEqualTo(ComposeError.SUITE_MISMATCH);
    }

    @Test
    void compose_moreThan1024Keys_isTooManyRecipientsBeforeAnyWrap() {
        List<String> to = new ArrayList<>();
        Map<String, List<UserEncryptionPublicKey>> clients = new java.util.HashMap<>();
        UserEncryptionPublicKey shared = W.clientKey("bob@b.example").publicKey();
        for (int i = 0; i < 1025; i++) {
            to.add("u" + i + "@b.example");
            clients.put("u" + i + "@b.example", List.of(i == 0 ? shared : W.clientKey("u" + i + "@b.example").publicKey()));
        }
        RecipientKeys keys = new RecipientKeys(Map.of("b.example", W.domainKey("b.example").publicKey()), clients);
        assertThat(error(draft(to, List.of(), List.of()), keys)).isEqualTo(ComposeError.TOO_MANY_RECIPIENTS);
    }

    @Test
    void compose_contentOverMaxEnvelopeSize_isTooLarge() {
        Draft big = new Draft(draft(List.of("bob@b.example"), List.of(), List.of()).brief(),
                Enclosure.of("s", "text/plain", "x".repeat(9000)));
        ComposeOptions small = new ComposeOptions(SuiteId.X25519_CHACHA20_POLY1305, Duration.ofHours(1), SizeBuckets.standard(8192));
        EnvelopeComposer c = new EnvelopeComposer(small, RandomSource.secure(), () -> "01JFIXEDPOSTMARKID00000000");
        assertThatThrownBy(() -> c.compose(big, Sender.of(W.identityKey), W.keysFor(big), TestWorld.SESSION, TestWorld.NOW))
                .isInstanceOfSatisfying(ComposeException.class, e -> assertThat(e.error()).isEqualTo(ComposeError.TOO_LARGE));
    }

    @Test
    void options_lifetimeBelowFifteenMinutes_isRefused() {
        assertThatThrownBy(() -> new ComposeOptions(SuiteId.X25519_CHACHA20_POLY1305, Duration.ofMinutes(14), SizeBuckets.standard()))
                .hasMessageContaining("15 minutes");
        assertThat(ComposeOptions.defaults(SuiteId.PQ_KYBER768_X25519).lifetime()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void compose_twice_usesFreshKeysNoncesAndPadding() throws Exception {
        Draft d = draft(List.of("bob@b.example"), List.of(), List.of());
        Envelope a = W.compose(d).getFirst().envelope();
        Envelope b = W.compose(d).getFirst().envelope();
        assertThat(a.brief()).isNotEqualTo(b.brief());
        assertThat(a.enclosure()).isNotEqualTo(b.enclosure());
        assertThat(a.padding()).isNotEqualTo(b.padding());
        assertThat(a.seal().enclosureRecipients().values()).doesNotContainAnyElementsOf(b.seal().enclosureRecipients().values());
        assertThat(Instant.parse("2026-06-01T13:00:00Z")).isEqualTo(a.postmark().expires());
    }
}
