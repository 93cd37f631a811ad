package sempgw.app.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sempgw.core.SempReason;
import sempgw.core.crypto.Aead;
import sempgw.core.crypto.CryptoSuite;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.Envelope;
import sempgw.core.envelope.EnvelopeCodec;
import sempgw.core.envelope.Extensions;
import sempgw.core.envelope.PayloadCipher;
import sempgw.core.envelope.Postmark;
import sempgw.core.envelope.Seal;
import sempgw.core.envelope.SizeBuckets;
import sempgw.core.envelope.brief.Brief;
import sempgw.core.envelope.brief.BriefCodec;
import sempgw.core.envelope.compose.ComposeOptions;
import sempgw.core.envelope.compose.Draft;
import sempgw.core.envelope.compose.EnvelopeComposer;
import sempgw.core.envelope.compose.PostmarkIds;
import sempgw.core.envelope.compose.RecipientKeys;
import sempgw.core.envelope.compose.Sender;
import sempgw.core.envelope.enclosure.Attachment;
import sempgw.core.envelope.enclosure.Enclosure;
import sempgw.core.envelope.enclosure.EnclosureCodec;
import sempgw.core.envelope.enclosure.EnclosureSignatures;
import sempgw.core.envelope.seal.EnvelopeSealer;
import sempgw.core.envelope.seal.EnvelopeVerifier;
import sempgw.core.envelope.seal.PolicyDecision;
import sempgw.core.envelope.seal.SenderDomainKeys;
import sempgw.core.envelope.seal.SessionState;
import sempgw.core.envelope.seal.Verdict;
import sempgw.core.envelope.seal.VerifierOptions;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonString;
import sempgw.core.keys.DomainEncryptionPrivateKey;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.core.keys.IdentityPrivateKey;
import sempgw.core.keys.UserEncryptionPrivateKey;
import sempgw.semp.egress.discovery.DiscoveryResult;
import sempgw.semp.egress.keys.KeysPeer;
import sempgw.semp.egress.keys.UserKeysClient;
import sempgw.semp.egress.peers.HttpsDomainKeys;
import sempgw.semp.egress.peers.PeerDiscovery;
import sempgw.semp.egress.peers.PeerFixtures;
import sempgw.semp.egress.testing.TestHttpsServer;
import sempgw.semp.egress.testing.TestTls;
import sempgw.semp.ingress.inbox.AcceptedEnvelope;
import sempgw.semp.ingress.receive.InboxRefusal;
import sempgw.store.queue.FsQueue;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.QueueKey;

/**
 * The mailbox agent's inbox on its own: it opens the envelope the pipeline decoded, with the brief
 * the pipeline opened, and never decodes the wire bytes again. The accepted envelopes here carry
 * wire bytes that are not an envelope at all; the bytes still reach the native inbox unchanged.
 * An envelope that does not open has nothing to deliver and is refused with a reason code before
 * anything is stored; only a sender signature that does not verify gets the withheld notice.
 */
final class MailboxInboxTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final SuiteId SUITE = SuiteId.PQ_KYBER768_X25519;
    private static final String ALICE = "alice@a.test";
    private static final String BOB = "bob@b.test";
    private static final String CAROL = "carol@b.test";
    private static final String DAVE = "dave@b.test";
    private static final byte[] NOT_AN_ENVELOPE = "not an envelope".getBytes(StandardCharsets.US_ASCII);
    private static final String BODY = "The figures are attached.";

    private static TestTls tls;

    @TempDir
    Path dir;

    private final RandomSource random = RandomSource.secure();
    private final UserEncryptionPrivateKey bobKey = UserEncryptionPrivateKey.generate(SUITE, random);
    private final UserEncryptionPrivateKey daveKey = UserEncryptionPrivateKey.generate(SUITE, random);
    private final List<AcceptedEnvelope> natives = new ArrayList<>();
    private FsQueue queue;
    /** Finds no sender key: every lookup fails. */
    private UserKeysClient users;
    private TestHttpsServer https;
    private HttpsDomainKeys aDomainKeys;
    /** Serves a.test's published keys, alice's identity key among them. */
    private UserKeysClient aUsers;
    private IdentityPrivateKey alice;

    @BeforeAll
    static void certificate() {
        tls = TestTls.localhost();
    }

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
        SSLContext defaultTls = SSLContext.getDefault();
        users = new UserKeysClient(nowhere, new HttpsDomainKeys(nowhere, defaultTls, CLOCK), defaultTls, CLOCK);
        KeysPeer aTest = new KeysPeer("a.test", 7);
        alice = aTest.user(ALICE).identity();
        https = new TestHttpsServer(tls.serverContext()).respond(aTest);
        PeerDiscovery found = new PeerFixtures.FixedDiscovery(aTest.discovery(https.port(), List.of(SUITE.wireName()), Duration.ofHours(1)));
        aDomainKeys = new HttpsDomainKeys(found, tls.trustingContext(), CLOCK);
        aUsers = new UserKeysClient(found, aDomainKeys, tls.trustingContext(), CLOCK);
    }

    @AfterEach
    void close() throws IOException {
        aUsers.close();
        aDomainKeys.close();
        https.close();
        users.close();
        queue.close();
    }

    /** bob@b.test is the one provisioned mailbox; it opens with {@code keys}; senders' keys come from {@code senders}. */
    private MailboxInbox inbox(List<UserEncryptionPrivateKey> keys, UserKeysClient senders) {
        return inbox(Map.of(BOB, keys), senders);
    }

    /** The provisioned mailboxes are the keys of {@code mailboxKeys}, each opening with its keys. */
    private MailboxInbox inbox(Map<String, List<UserEncryptionPrivateKey>> mailboxKeys, UserKeysClient senders) {
        return new MailboxInbox(new FixedMailboxes(mailboxKeys), senders, queue, natives::add, "mx.b.test", CLOCK);
    }

    /** An envelope from alice@a.test to bob and carol, accepted by b.test's verifier, carrying {@code wire}. */
    private AcceptedEnvelope accepted(byte[] wire) throws Exception {
        DomainSigningPrivateKey signing = DomainSigningPrivateKey.generate(random);
        IdentityPrivateKey anyAlice = IdentityPrivateKey.generate(random);
        DomainEncryptionPrivateKey domain = DomainEncryptionPrivateKey.generate(SUITE, random);
        UserEncryptionPrivateKey carolKey = UserEncryptionPrivateKey.generate(SUITE, random);
        SecretBytes envMac = SecretBytes.random(32, random);
        Draft draft = new Draft(Brief.of("m-1", ALICE, List.of(BOB, CAROL), NOW), Enclosure.of("Quarterly figures", "text/plain", BODY));
        RecipientKeys keys = new RecipientKeys(Map.of("b.test", domain.publicKey()),
                Map.of(BOB, List.of(bobKey.publicKey()), CAROL, List.of(carolKey.publicKey())));
        var composed = new EnvelopeComposer(ComposeOptions.defaults(SUITE), random, PostmarkIds.ulid(NOW, random))
                .compose(draft, Sender.of(anyAlice), keys, "01JSESSION0000000000000000", NOW).getFirst().envelope();
        byte[] sealed = EnvelopeCodec.encode(new EnvelopeSealer(signing, SizeBuckets.standard())
                .seal(composed, "01JSESSION0000000000000000", envMac, random));
        Verdict v = new EnvelopeVerifier(SenderDomainKeys.of(d -> List.of(signing.publicKey())), s -> SessionState.Active.of(envMac), d -> List.of(domain),
                (p, b) -> PolicyDecision.deliver(), VerifierOptions.defaults()).receive(sealed, NOW);
        Verdict.Accepted a = (Verdict.Accepted) v;
        return new AcceptedEnvelope(a.envelope().envelope(), a.brief(), List.of(BOB, CAROL), wire, NOW);
    }

    /**
     * An envelope from alice@a.test to {@code recipients} whose enclosure plaintext is {@code enclosure}
     * as written, with seal entries for {@code keys} only, as the pipeline hands it on after
     * accepting it (the server's own entry and the seal signature are the verifier's business).
     */
    private AcceptedEnvelope handmade(Enclosure enclosure, List<String> recipients, List<UserEncryptionPrivateKey> keys) throws Exception {
        Aead aead = CryptoSuite.of(SUITE).aead();
        SecretBytes kBrief = SecretBytes.random(32, random);
        SecretBytes kEnclosure = SecretBytes.random(32, random);
        String id = "01JHANDMADE000000000000000";
        Map<String, String> briefEntries = new HashMap<>();
        Map<String, String> enclosureEntries = new HashMap<>();
        for (UserEncryptionPrivateKey k : keys) {
            briefEntries.put(k.keyId().hex(), Base64.getEncoder().encodeToString(k.publicKey().wrap(kBrief, random)));
            enclosureEntries.put(k.keyId().hex(), Base64.getEncoder().encodeToString(k.publicKey().wrap(kEnclosure, random)));
        }
        Brief brief = Brief.of("m-1", ALICE, recipients, NOW);
        Envelope e = new Envelope(Envelope.VERSION, Postmark.of(id, "01JSESSION0000000000000000", "a.test", "b.test", NOW.plusSeconds(3600)),
                Seal.unsigned(SUITE, briefEntries, enclosureEntries), PayloadCipher.seal(aead, kBrief, BriefCodec.encode(brief), id, random),
                PayloadCipher.seal(aead, kEnclosure, EnclosureCodec.encode(enclosure), id, random), "");
        return new AcceptedEnvelope(e, brief, recipients, NOT_AN_ENVELOPE, NOW);
    }

    private static Enclosure withExtensions(JsonObject extensions, IdentityPrivateKey signer) {
        return EnclosureSignatures.sign(new Enclosure(Optional.of("Quarterly figures"), "text/plain", Map.of("text/plain", BODY), List.of(),
                Optional.empty(), extensions, Optional.empty()), signer);
    }

    private InboxRefusal refusal(MailboxInbox inbox, AcceptedEnvelope accepted) {
        try {
            inbox.store(accepted);
        } catch (InboxRefusal r) {
            return r;
        } catch (IOException e) {
            throw new AssertionError("failed instead of refusing", e);
        }
        throw new AssertionError("stored instead of refusing");
    }

    private String content(QueueEntry entry) throws IOException {
        try (InputStream in = queue.openContent(entry.id())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void store_wireBytesNotAnEnvelope_opensTheDecodedEnvelopeUpToTheSenderKeyFetchAndStoresNothing() throws Exception {
        AcceptedEnvelope accepted = accepted(NOT_AN_ENVELOPE);

        assertThatThrownBy(() -> inbox(List.of(bobKey), users).store(accepted)).isInstanceOf(IOException.class)
                .hasMessageContaining("sender's identity key could not be fetched");

        assertThat(natives).isEmpty();
        assertThat(queue.entries()).isEmpty();
    }

    @Test
    void store_mailboxKeyNotInTheEnvelope_refusedSealInvalidAndNothingStored() throws Exception {
        AcceptedEnvelope accepted = accepted(NOT_AN_ENVELOPE);
        UserEncryptionPrivateKey rotated = UserEncryptionPrivateKey.generate(SUITE, random);

        InboxRefusal r = refusal(inbox(List.of(rotated), users), accepted);

        assertThat(r.reason()).isEqualTo(SempReason.SEAL_INVALID);
        assertThat(r.extension()).isEmpty();
        assertThat(queue.entries()).isEmpty();
        assertThat(natives).isEmpty();
    }

    @Test
    void store_enclosureRequiresAnUnknownExtension_refusedExtensionUnsupportedNamingItAndNothingQueued() throws Exception {
        JsonObject required = JsonObject.builder().put("vendor.example.com/render", Extensions.entry(true, JsonObject.EMPTY)).build();
        AcceptedEnvelope accepted = handmade(withExtensions(required, alice), List.of(BOB, CAROL), List.of(bobKey));

        InboxRefusal r = refusal(inbox(List.of(bobKey), aUsers), accepted);

        assertThat(r.reason()).isEqualTo(SempReason.EXTENSION_UNSUPPORTED);
        assertThat(r.extension()).hasValue("vendor.example.com/render");
        assertThat(queue.entries()).isEmpty();
        assertThat(natives).isEmpty();
    }

    @Test
    void store_enclosureExtensionsOver64KB_refusedExtensionSizeExceededAndNothingQueued() throws Exception {
        JsonObject big = JsonObject.builder().put("x.example/big", Extensions.entry(false, JsonString.of("a".repeat(70_000)))).build();
        AcceptedEnvelope accepted = handmade(withExtensions(big, alice), List.of(BOB), List.of(bobKey));

        InboxRefusal r = refusal(inbox(List.of(bobKey), aUsers), accepted);

        assertThat(r.reason()).isEqualTo(SempReason.EXTENSION_SIZE_EXCEEDED);
        assertThat(queue.entries()).isEmpty();
    }

    @Test
    void store_attachmentNotMatchingItsHash_refusedSealInvalidAndNothingQueued() throws Exception {
        Attachment real = Attachment.of("a", "q.csv", "text/csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        Attachment lying = new Attachment("a", "q.csv", "text/csv", real.size(), real.hash(),
                Base64.getEncoder().encodeToString("a,b\n1,9\n".getBytes(StandardCharsets.UTF_8)));
        Enclosure signed = EnclosureSignatures.sign(Enclosure.of("Quarterly figures", "text/plain", BODY).withAttachments(List.of(lying)), alice);
        AcceptedEnvelope accepted = handmade(signed, List.of(BOB, CAROL), List.of(bobKey));

        InboxRefusal r = refusal(inbox(List.of(bobKey), aUsers), accepted);

        assertThat(r.reason()).isEqualTo(SempReason.SEAL_INVALID);
        assertThat(r.detail()).contains("attachment").doesNotContain("q.csv");
        assertThat(queue.entries()).isEmpty();
        assertThat(natives).isEmpty();
    }

    @Test
    void store_senderSignatureDoesNotVerify_queuesTheWithheldNoticeWithoutContent() throws Exception {
        Enclosure signed = EnclosureSignatures.sign(Enclosure.of("Quarterly figures", "text/plain", BODY), alice);
        Enclosure altered = new Enclosure(signed.subject(), signed.contentType(), Map.of("text/plain", "Pay the bearer."), List.of(),
                Optional.empty(), JsonObject.EMPTY, signed.senderSignature());
        AcceptedEnvelope accepted = handmade(altered, List.of(BOB, CAROL), List.of(bobKey));

        inbox(List.of(bobKey), aUsers).store(accepted);

        assertThat(queue.entries()).singleElement().satisfies(e -> {
            assertThat(e.sender().reversePath()).isEmpty();
            assertThat(e.recipients()).singleElement().satisfies(r -> assertThat(r.recipient().address()).isEqualTo(BOB));
            assertThat(content(e)).contains("sender-signature=fail", "could not be verified as written by its claimed sender")
                    .doesNotContain("Pay the bearer.");
        });
        assertThat(natives).singleElement().satisfies(n -> {
            assertThat(n.localRecipients()).containsExactly(CAROL);
            assertThat(n.wire()).isSameAs(NOT_AN_ENVELOPE);
            assertThat(n.envelope()).isSameAs(accepted.envelope());
        });
    }

    @Test
    void store_signedEnvelopeForTwoMailboxes_queuesVerifiedContentForBoth() throws Exception {
        Enclosure signed = EnclosureSignatures.sign(Enclosure.of("Quarterly figures", "text/plain", BODY), alice);

        inbox(Map.of(BOB, List.of(bobKey), DAVE, List.of(daveKey)), aUsers).store(handmade(signed, List.of(BOB, DAVE), List.of(bobKey, daveKey)));

        assertThat(queue.entries()).hasSize(2).allSatisfy(e -> assertThat(content(e)).contains("sender-signature=pass", BODY));
    }

    @Test
    void store_secondMailboxCannotOpen_refusedBeforeTheFirstIsQueued() throws Exception {
        Enclosure signed = EnclosureSignatures.sign(Enclosure.of("Quarterly figures", "text/plain", BODY), alice);
        AcceptedEnvelope accepted = handmade(signed, List.of(BOB, DAVE, CAROL), List.of(bobKey));

        InboxRefusal r = refusal(inbox(Map.of(BOB, List.of(bobKey), DAVE, List.of(daveKey)), aUsers), accepted);

        assertThat(r.reason()).isEqualTo(SempReason.SEAL_INVALID);
        assertThat(queue.entries()).isEmpty();
        assertThat(natives).isEmpty();
    }
}
