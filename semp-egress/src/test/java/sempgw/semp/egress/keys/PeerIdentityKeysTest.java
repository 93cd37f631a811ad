package sempgw.semp.egress.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.Envelope;
import sempgw.core.envelope.brief.Brief;
import sempgw.core.envelope.compose.ComposeOptions;
import sempgw.core.envelope.compose.Draft;
import sempgw.core.envelope.compose.EnvelopeComposer;
import sempgw.core.envelope.compose.PostmarkIds;
import sempgw.core.envelope.compose.RecipientKeys;
import sempgw.core.envelope.compose.Sender;
import sempgw.core.envelope.enclosure.Enclosure;
import sempgw.core.envelope.open.EnvelopeOpener;
import sempgw.core.envelope.open.OpenError;
import sempgw.core.envelope.open.OpenException;
import sempgw.core.keys.IdentityPrivateKey;
import sempgw.core.keys.UserEncryptionPrivateKey;
import sempgw.semp.egress.discovery.DiscoveryResult;
import sempgw.semp.egress.peers.HttpsDomainKeys;
import sempgw.semp.egress.testing.LoopbackHttps;

/** Sender identity keys from the sender's domain, as the receiving side's {@code IdentityKeys}. */
final class PeerIdentityKeysTest {
    private static final String ALICE = "alice@b.example";

    @RegisterExtension
    static final LoopbackHttps HTTPS = new LoopbackHttps();

    private KeysHarness h;

    @BeforeEach
    void setUp() throws Exception {
        h = new KeysHarness("b.example", HTTPS, List.of("x25519-chacha20-poly1305"));
    }

    @AfterEach
    void close() {
        h.close();
    }

    /** An envelope from ALICE (signed with her published identity key) to a local user holding {@code me}. */
    private Envelope fromAlice(IdentityPrivateKey alice, UserEncryptionPrivateKey me) throws Exception {
        Draft d = new Draft(Brief.of("m-1", ALICE, List.of("zed@z.example"), KeysHarness.NOW), Enclosure.of("s", "text/plain", "hi"));
        RecipientKeys keys = new RecipientKeys(java.util.Map.of("z.example", h.peer.domainX25519.publicKey()),
                java.util.Map.of("zed@z.example", List.of(me.publicKey())));
        return new EnvelopeComposer(ComposeOptions.defaults(SuiteId.X25519_CHACHA20_POLY1305), RandomSource.secure(),
                PostmarkIds.ulid(KeysHarness.NOW, RandomSource.secure()))
                .compose(d, Sender.of(alice), keys, "01JSESSION0000000000000000", KeysHarness.NOW).getFirst().envelope();
    }

    @Test
    void open_senderKeyPublishedByItsDomain_verifies() throws Exception {
        KeysPeer.User alice = h.peer.user(ALICE);
        UserEncryptionPrivateKey me = UserEncryptionPrivateKey.generate(SuiteId.X25519_CHACHA20_POLY1305, RandomSource.secure());
        PeerIdentityKeys senders = new PeerIdentityKeys(h.users, h.clock);

        assertThat(new EnvelopeOpener(List.of(me), senders, Set.of()).open(fromAlice(alice.identity(), me)).senderKey())
                .isEqualTo(alice.identity().publicKey());
        assertThat(senders.failure()).isEmpty();
    }

    @Test
    void find_keyIdNotPublished_refetchesOnceAfterTheRefreshInterval() throws Exception {
        h.peer.user(ALICE);
        PeerIdentityKeys senders = new PeerIdentityKeys(h.users, h.clock);
        assertThat(senders.find(ALICE, "0".repeat(64))).isEmpty();
        assertThat(h.peer.posts).hasValue(1);
        KeysPeer.User rotated = h.peer.user(ALICE);
        assertThat(senders.find(ALICE, rotated.identity().keyId().hex())).as("cached answer is fresh").isEmpty();
        h.clock.advance(HttpsDomainKeys.REFRESH_INTERVAL);
        assertThat(senders.find(ALICE, rotated.identity().keyId().hex())).contains(rotated.identity().publicKey());
        assertThat(h.peer.posts).hasValue(2);
        assertThat(senders.failure()).isEmpty();
    }

    @Test
    void find_compromisedIdentityKey_unknown_supersededOneStillVerifiesOldMail() throws Exception {
        KeysPeer.User alice = h.peer.user(ALICE);
        h.peer.revoke(ALICE, alice.identity().keyId().hex(), "superseded");
        assertThat(new PeerIdentityKeys(h.users, h.clock).find(ALICE, alice.identity().keyId().hex())).isPresent();
        h.users.invalidate(ALICE);
        h.peer.revoke(ALICE, alice.identity().keyId().hex(), "key_compromise");
        assertThat(new PeerIdentityKeys(h.users, h.clock).find(ALICE, alice.identity().keyId().hex())).isEmpty();
    }

    /** docs/interop.md "Identity key validity": an identity record's expires does not stop old or new signatures verifying. */
    @Test
    void open_senderIdentityKeyWhoseRecordExpiredAYearAgo_stillVerifies() throws Exception {
        IdentityPrivateKey alice = IdentityPrivateKey.generate(RandomSource.secure());
        h.peer.publish(ALICE, h.peer.record(ALICE, "identity", "ed25519", alice.publicKey().bytes(),
                KeysHarness.NOW.minus(Duration.ofDays(730)), KeysHarness.NOW.minus(Duration.ofDays(365))));
        UserEncryptionPrivateKey me = UserEncryptionPrivateKey.generate(SuiteId.X25519_CHACHA20_POLY1305, RandomSource.secure());

        assertThat(new EnvelopeOpener(List.of(me), new PeerIdentityKeys(h.users, h.clock), Set.of()).open(fromAlice(alice, me)).senderKey())
                .isEqualTo(alice.publicKey());
    }

    /** CONFORMANCE.md §9.3.1: a record created up to 5 minutes ahead of our clock MUST be accepted, one further ahead is refused. */
    @Test
    void find_identityKeyCreatedFiveMinutesAhead_known_createdFurtherAhead_unknown() throws Exception {
        IdentityPrivateKey skewed = IdentityPrivateKey.generate(RandomSource.secure());
        IdentityPrivateKey future = IdentityPrivateKey.generate(RandomSource.secure());
        h.peer.publish(ALICE, h.peer.record(ALICE, "identity", "ed25519", skewed.publicKey().bytes(), KeysHarness.NOW.plusSeconds(300),
                KeysPeer.EXPIRES));
        h.peer.publish(ALICE, h.peer.record(ALICE, "identity", "ed25519", future.publicKey().bytes(), KeysHarness.NOW.plusSeconds(301),
                KeysPeer.EXPIRES));
        PeerIdentityKeys senders = new PeerIdentityKeys(h.users, h.clock);

        assertThat(senders.find(ALICE, skewed.keyId().hex())).contains(skewed.publicKey());
        assertThat(senders.find(ALICE, future.keyId().hex())).isEmpty();
    }

    @Test
    void open_senderDomainUnreachable_senderKeyUnknownAndTheFailureIsKeptForTheCaller() throws Exception {
        KeysPeer.User alice = h.peer.user(ALICE);
        UserEncryptionPrivateKey me = UserEncryptionPrivateKey.generate(SuiteId.X25519_CHACHA20_POLY1305, RandomSource.secure());
        Envelope e = fromAlice(alice.identity(), me);
        h.discovery.answer(new DiscoveryResult.Temporary(DiscoveryResult.Cause.DNS_TIMEOUT, "timeout"));
        PeerIdentityKeys senders = new PeerIdentityKeys(h.users, h.clock);

        try {
            new EnvelopeOpener(List.of(me), senders, Set.of()).open(e);
            throw new AssertionError("opened");
        } catch (OpenException ex) {
            assertThat(ex.error()).isEqualTo(OpenError.SENDER_KEY_UNKNOWN);
        }
        assertThat(senders.failure()).hasValueSatisfying(f -> {
            assertThat(f.error()).isEqualTo(KeyLookupError.DISCOVERY);
            assertThat(f.isTransient()).isTrue();
        });
    }
}
