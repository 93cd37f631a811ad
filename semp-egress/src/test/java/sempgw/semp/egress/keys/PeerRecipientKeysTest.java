package sempgw.semp.egress.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.brief.Brief;
import sempgw.core.envelope.compose.ComposeOptions;
import sempgw.core.envelope.compose.ComposedEnvelope;
import sempgw.core.envelope.compose.Draft;
import sempgw.core.envelope.compose.EnvelopeComposer;
import sempgw.core.envelope.compose.PostmarkIds;
import sempgw.core.envelope.compose.RecipientKeys;
import sempgw.core.envelope.compose.Sender;
import sempgw.core.envelope.enclosure.Enclosure;
import sempgw.core.envelope.open.EnvelopeOpener;
import sempgw.core.envelope.open.IdentityKeys;
import sempgw.core.keys.IdentityPrivateKey;
import sempgw.semp.egress.discovery.DiscoveryResult;
import sempgw.semp.egress.testing.LoopbackHttps;

/** Suite choice and semp-core {@code RecipientKeys} from a peer's published keys, proven by composing and opening. */
final class PeerRecipientKeysTest {
    private static final List<String> BOTH = List.of("pq-kyber768-x25519", "x25519-chacha20-poly1305");
    private static final List<SuiteId> OURS = List.of(SuiteId.X25519_CHACHA20_POLY1305, SuiteId.PQ_KYBER768_X25519);

    @RegisterExtension
    static final LoopbackHttps HTTPS = new LoopbackHttps();

    private KeysHarness h;

    @AfterEach
    void close() {
        h.close();
    }

    private PeerRecipientKeys peers(List<String> peerSuites, List<SuiteId> ours) throws Exception {
        h = new KeysHarness("b.example", HTTPS, peerSuites);
        return new PeerRecipientKeys(h.discovery, h.domainKeys, h.users, ours, h.clock);
    }

    @Test
    void suiteFor_bothSupportPq_prefersPqWhateverOurListOrder() throws Exception {
        assertThat(peers(BOTH, OURS).suiteFor("b.example")).contains(SuiteId.PQ_KYBER768_X25519);
    }

    @Test
    void suiteFor_peerOrWeWithoutPq_baseline_noneInCommon_empty() throws Exception {
        assertThat(peers(List.of("x25519-chacha20-poly1305"), OURS).suiteFor("b.example")).contains(SuiteId.X25519_CHACHA20_POLY1305);
        h.close();
        assertThat(peers(BOTH, List.of(SuiteId.X25519_CHACHA20_POLY1305)).suiteFor("b.example")).contains(SuiteId.X25519_CHACHA20_POLY1305);
        h.close();
        assertThat(peers(List.of("x25519-chacha20-poly1305", "future-suite"), List.of(SuiteId.PQ_KYBER768_X25519)).suiteFor("b.example"))
                .isEmpty();
    }

    @Test
    void suiteFor_legacyDomain_discoveryErrorNotTransient() throws Exception {
        PeerRecipientKeys peers = peers(BOTH, OURS);
        h.discovery.answer(new DiscoveryResult.Legacy("MX only"));
        assertThatThrownBy(() -> peers.suiteFor("b.example")).isInstanceOfSatisfying(KeyLookupException.class, e -> {
            assertThat(e.error()).isEqualTo(KeyLookupError.DISCOVERY);
            assertThat(e.isTransient()).isFalse();
        });
    }

    @Test
    void recipientKeys_pqSuite_domainKeyFromEncryptionKeysAndEachRecipientsPqKey_composeAndOpen() throws Exception {
        PeerRecipientKeys peers = peers(BOTH, OURS);
        KeysPeer.User bob = h.peer.user("bob@b.example");
        KeysPeer.User carol = h.peer.user("carol@b.example");

        RecipientKeys keys = peers.recipientKeys("B.Example", List.of("bob@b.example", "carol@b.example", "nobody@b.example"),
                SuiteId.PQ_KYBER768_X25519);

        assertThat(keys.domainKey("b.example")).contains(h.peer.domainPq.publicKey());
        assertThat(keys.clientKeysOf("bob@b.example")).containsExactly(bob.pq().publicKey());
        assertThat(keys.clientKeysOf("carol@b.example")).containsExactly(carol.pq().publicKey());
        assertThat(keys.clientKeysOf("nobody@b.example")).isEmpty();
        assertThat(h.peer.posts).hasValue(1);

        IdentityPrivateKey alice = IdentityPrivateKey.generate(RandomSource.secure());
        Draft draft = new Draft(Brief.of("m-1", "alice@a.example", List.of("bob@b.example", "carol@b.example", "dave@c.example"),
                KeysHarness.NOW), Enclosure.of("Hi", "text/plain", "hello bob"));
        List<ComposedEnvelope> out = new EnvelopeComposer(ComposeOptions.defaults(SuiteId.PQ_KYBER768_X25519), RandomSource.secure(),
                PostmarkIds.ulid(KeysHarness.NOW, RandomSource.secure()))
                .compose(draft, Sender.of(alice), keys, "01JSESSION0000000000000000", KeysHarness.NOW, "b.example"::equals);
        assertThat(out).singleElement().satisfies(c -> assertThat(c.recipients()).containsExactly("bob@b.example", "carol@b.example"));
        assertThat(new EnvelopeOpener(List.of(bob.pq()), IdentityKeys.of("alice@a.example", alice.publicKey()), Set.of())
                .open(out.getFirst().envelope()).enclosure().body()).containsEntry("text/plain", "hello bob");
    }

    @Test
    void recipientKeys_baselineSuite_x25519KeysOnly() throws Exception {
        PeerRecipientKeys peers = peers(BOTH, OURS);
        KeysPeer.User bob = h.peer.user("bob@b.example");

        RecipientKeys keys = peers.recipientKeys("b.example", List.of("bob@b.example"), SuiteId.X25519_CHACHA20_POLY1305);

        assertThat(keys.domainKey("b.example")).contains(h.peer.domainX25519.publicKey());
        assertThat(keys.clientKeysOf("bob@b.example")).containsExactly(bob.x25519().publicKey());
    }

    @Test
    void recipientKeys_signatureFailure_isATransientLookupError() throws Exception {
        PeerRecipientKeys peers = peers(BOTH, OURS);
        h.peer.user("bob@b.example");
        h.peer.tamper.set(r -> r.with("timestamp", sempgw.core.json.JsonString.of("2026-05-01T10:00:09Z")));
        assertThatThrownBy(() -> peers.recipientKeys("b.example", List.of("bob@b.example"), SuiteId.PQ_KYBER768_X25519))
                .isInstanceOfSatisfying(KeyLookupException.class, e -> {
                    assertThat(e.error()).isEqualTo(KeyLookupError.SIGNATURE_INVALID);
                    assertThat(e.isTransient()).isTrue();
                });
    }
}
