package sempgw.app.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sempgw.app.mailbox.MailboxIdentity;
import sempgw.app.mailbox.MailboxKeys;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.EnvelopeCodec;
import sempgw.core.envelope.SizeBuckets;
import sempgw.core.envelope.brief.Brief;
import sempgw.core.envelope.compose.ComposeOptions;
import sempgw.core.envelope.compose.Draft;
import sempgw.core.envelope.compose.EnvelopeComposer;
import sempgw.core.envelope.compose.PostmarkIds;
import sempgw.core.envelope.compose.RecipientKeys;
import sempgw.core.envelope.compose.Sender;
import sempgw.core.envelope.enclosure.Enclosure;
import sempgw.core.envelope.seal.EnvelopeSealer;
import sempgw.core.envelope.seal.EnvelopeVerifier;
import sempgw.core.envelope.seal.PolicyDecision;
import sempgw.core.envelope.seal.SessionState;
import sempgw.core.envelope.seal.Verdict;
import sempgw.core.envelope.seal.VerifierOptions;
import sempgw.core.keys.DomainEncryptionPrivateKey;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.core.keys.IdentityPrivateKey;
import sempgw.core.keys.UserEncryptionPrivateKey;
import sempgw.semp.egress.discovery.DiscoveryResult;
import sempgw.semp.egress.keys.UserKeysClient;
import sempgw.semp.egress.peers.HttpsDomainKeys;
import sempgw.semp.egress.peers.PeerDiscovery;
import sempgw.semp.ingress.inbox.AcceptedEnvelope;
import sempgw.store.queue.FsQueue;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.QueueKey;

/**
 * The mailbox agent's inbox on its own: it opens the envelope the pipeline decoded, with the brief
 * the pipeline opened, and never decodes the wire bytes again. The accepted envelopes here carry
 * wire bytes that are not an envelope at all; the bytes still reach the native inbox unchanged.
 */
final class MailboxInboxTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final SuiteId SUITE = SuiteId.PQ_KYBER768_X25519;
    private static final String BOB = "bob@b.test";
    private static final String CAROL = "carol@b.test";
    private static final byte[] NOT_AN_ENVELOPE = "not an envelope".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    private final RandomSource random = RandomSource.secure();
    private final UserEncryptionPrivateKey bobKey = UserEncryptionPrivateKey.generate(SUITE, random);
    private final List<AcceptedEnvelope> natives = new ArrayList<>();
    private FsQueue queue;
    private UserKeysClient users;

    @BeforeEach
    void open() throws Exception {
        try (QueueKey key = QueueKey.loadOrCreate(dir.resolve("queue.key"))) {
            queue = FsQueue.open(dir.resolve("queue"), key, CLOCK);
        }
        PeerDiscovery nowhere = new PeerDiscovery() {
            @Override
            public DiscoveryResult discover(String domain) {
                return new DiscoveryResult.NotFound("no such domain in this test");
            }

            @Override
            public void invalidate(String domain) {
            }
        };
        SSLContext tls = SSLContext.getDefault();
        users = new UserKeysClient(nowhere, new HttpsDomainKeys(nowhere, tls, CLOCK), tls, CLOCK);
    }

    @AfterEach
    void close() throws IOException {
        users.close();
        queue.close();
    }

    /** bob@b.test is the one provisioned mailbox; it opens with {@code keys}. */
    private MailboxInbox inbox(List<UserEncryptionPrivateKey> keys) {
        MailboxKeys mailboxes = new MailboxKeys() {
            @Override
            public Optional<MailboxIdentity> identity(String address) {
                return Optional.empty();
            }

            @Override
            public List<UserEncryptionPrivateKey> decryptionKeys(String address) {
                return BOB.equals(address) ? keys : List.of();
            }

            @Override
            public boolean provisioned(String address) {
                return BOB.equals(address);
            }

            @Override
            public boolean advertises(String address) {
                return false;
            }
        };
        return new MailboxInbox(mailboxes, users, queue, natives::add, "mx.b.test", CLOCK);
    }

    /** An envelope from alice@a.test to bob and carol, accepted by b.test's verifier, carrying {@code wire}. */
    private AcceptedEnvelope accepted(byte[] wire) throws Exception {
        DomainSigningPrivateKey signing = DomainSigningPrivateKey.generate(random);
        IdentityPrivateKey alice = IdentityPrivateKey.generate(random);
        DomainEncryptionPrivateKey domain = DomainEncryptionPrivateKey.generate(SUITE, random);
        UserEncryptionPrivateKey carolKey = UserEncryptionPrivateKey.generate(SUITE, random);
        SecretBytes envMac = SecretBytes.random(32, random);
        Draft draft = new Draft(Brief.of("m-1", "alice@a.test", List.of(BOB, CAROL), NOW),
                Enclosure.of("Quarterly figures", "text/plain", "The figures are attached."));
        RecipientKeys keys = new RecipientKeys(Map.of("b.test", domain.publicKey()),
                Map.of(BOB, List.of(bobKey.publicKey()), CAROL, List.of(carolKey.publicKey())));
        var composed = new EnvelopeComposer(ComposeOptions.defaults(SUITE), random, PostmarkIds.ulid(NOW, random))
                .compose(draft, Sender.of(alice), keys, "01JSESSION0000000000000000", NOW).getFirst().envelope();
        byte[] sealed = EnvelopeCodec.encode(new EnvelopeSealer(signing, SizeBuckets.standard())
                .seal(composed, "01JSESSION0000000000000000", envMac, random));
        Verdict v = new EnvelopeVerifier(d -> List.of(signing.publicKey()), s -> SessionState.Active.of(envMac), d -> List.of(domain),
                (p, b) -> PolicyDecision.deliver(), VerifierOptions.defaults()).receive(sealed, NOW);
        Verdict.Accepted a = (Verdict.Accepted) v;
        return new AcceptedEnvelope(a.envelope().envelope(), a.brief(), List.of(BOB, CAROL), wire, NOW);
    }

    private String content(QueueEntry entry) throws IOException {
        try (InputStream in = queue.openContent(entry.id())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void store_wireBytesNotAnEnvelope_opensTheDecodedEnvelopeUpToTheSenderKeyFetch() throws Exception {
        AcceptedEnvelope accepted = accepted(NOT_AN_ENVELOPE);

        assertThatThrownBy(() -> inbox(List.of(bobKey)).store(accepted)).isInstanceOf(IOException.class)
                .hasMessageContaining("sender's identity key could not be fetched");

        assertThat(natives).singleElement().satisfies(n -> {
            assertThat(n.localRecipients()).containsExactly(CAROL);
            assertThat(n.wire()).isSameAs(NOT_AN_ENVELOPE);
            assertThat(n.envelope()).isSameAs(accepted.envelope());
        });
        assertThat(queue.entries()).isEmpty();
    }

    @Test
    void store_mailboxKeyNotInTheEnvelope_queuesTheNoticeWithoutContent() throws Exception {
        AcceptedEnvelope accepted = accepted(NOT_AN_ENVELOPE);
        UserEncryptionPrivateKey rotated = UserEncryptionPrivateKey.generate(SUITE, random);

        inbox(List.of(rotated)).store(accepted);

        assertThat(queue.entries()).singleElement().satisfies(e -> {
            assertThat(e.sender().reversePath()).isEmpty();
            assertThat(e.recipients()).singleElement().satisfies(r -> assertThat(r.recipient().address()).isEqualTo(BOB));
            assertThat(content(e)).contains("sender-signature=fail").doesNotContain("The figures are attached.");
        });
        assertThat(natives).singleElement().satisfies(n -> assertThat(n.localRecipients()).containsExactly(CAROL));
    }
}
