package sempgw.semp.ingress.receive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import sempgw.core.SempException;
import sempgw.core.SempReason;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SuiteId;
import sempgw.core.delivery.Acknowledgment;
import sempgw.core.delivery.AcknowledgmentCodec;
import sempgw.core.envelope.Envelope;
import sempgw.core.envelope.EnvelopeCodec;
import sempgw.core.envelope.SizeBuckets;
import sempgw.core.envelope.Ulid;
import sempgw.core.envelope.brief.Brief;
import sempgw.core.envelope.compose.ComposeOptions;
import sempgw.core.envelope.compose.Draft;
import sempgw.core.envelope.compose.EnvelopeComposer;
import sempgw.core.envelope.compose.PostmarkIds;
import sempgw.core.envelope.compose.RecipientKeys;
import sempgw.core.envelope.compose.Sender;
import sempgw.core.envelope.enclosure.Enclosure;
import sempgw.core.envelope.seal.EnvelopeSealer;
import sempgw.core.envelope.seal.PolicyDecision;
import sempgw.core.envelope.seal.SenderDomainKeys;
import sempgw.core.envelope.seal.SessionState;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonParser;
import sempgw.core.keys.DomainEncryptionPrivateKey;
import sempgw.core.keys.DomainEncryptionPublicKey;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.core.keys.IdentityPrivateKey;
import sempgw.core.keys.UserEncryptionPrivateKey;
import sempgw.core.keys.UserEncryptionPublicKey;
import sempgw.semp.ingress.inbox.AcceptedEnvelope;

/**
 * A small federation for receive tests: peer a.example (alice) sends over session
 * {@link #SESSION} to our b.example (bob and carol exist). Its composing and sealing helpers are
 * public for the federation tests that run the real pipeline. Keys are generated once per JVM; each
 * fixture has its own session table, users, inbox and pipeline (built on first use, after the
 * test adjusted {@link #config}).
 */
public final class ReceiveFixture {
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final String PEER = "a.example";
    static final String LOCAL = "b.example";
    static final String ALICE = "alice@a.example";
    static final String BOB = "bob@b.example";
    static final String CAROL = "carol@b.example";
    static final String SESSION = Ulid.next(NOW, RandomSource.secure());

    static final DomainSigningPrivateKey PEER_SIGNING = DomainSigningPrivateKey.generate(RandomSource.secure());
    static final DomainSigningPrivateKey OUR_SIGNING = DomainSigningPrivateKey.generate(RandomSource.secure());
    static final IdentityPrivateKey ALICE_IDENTITY = IdentityPrivateKey.generate(RandomSource.secure());
    static final SecretBytes ENV_MAC = SecretBytes.random(32, RandomSource.secure());
    private static final Map<String, DomainEncryptionPrivateKey> DOMAIN_KEYS = new ConcurrentHashMap<>();
    private static final Map<String, UserEncryptionPrivateKey> CLIENT_KEYS = new ConcurrentHashMap<>();

    final Map<String, SessionState> sessions = new HashMap<>(Map.of(SESSION, SessionState.Active.of(ENV_MAC)));
    final Set<String> mailboxes = new HashSet<>(Set.of(BOB, CAROL));
    final InMemoryUserBlockList blocks = new InMemoryUserBlockList();
    final InMemoryKnownCorrespondents known = new InMemoryKnownCorrespondents();
    final RecordingInbox inbox = new RecordingInbox();
    ReceiveConfig config = ReceiveConfig.defaults(Set.of(LOCAL));
    private DeliveredJournal journal = DeliveredJournal.none();
    private ReceivePipeline pipeline;

    /** The domain encryption key of {@code domain} for {@code suite}. */
    public static DomainEncryptionPrivateKey domainKey(String domain, SuiteId suite) {
        return DOMAIN_KEYS.computeIfAbsent(domain + "/" + suite, d -> DomainEncryptionPrivateKey.generate(suite, RandomSource.secure()));
    }

    ReceivePipeline pipeline() {
        if (pipeline == null) {
            ServerKeys keys = new ServerKeys(SenderDomainKeys.of(d -> d.equals(PEER) ? List.of(PEER_SIGNING.publicKey()) : List.of()),
                    d -> d.equals(LOCAL) || d.equals("c.example")
                            ? List.of(domainKey(d, SuiteId.X25519_CHACHA20_POLY1305), domainKey(d, SuiteId.PQ_KYBER768_X25519)) : List.of(),
                    OUR_SIGNING);
            pipeline = new ReceivePipeline(config, keys, id -> sessions.getOrDefault(id, new SessionState.Unknown()),
                    (p, b) -> PolicyDecision.deliver(), new LocalUsers(mailboxes::contains, blocks, known), inbox, RandomSource.secure(),
                    journal);
        }
        return pipeline;
    }

    /** A new pipeline over the same inbox, users and sessions, as after a restart, with {@code journal} as its duplicate set's file. */
    void restart(DeliveredJournal journal) {
        this.journal = journal;
        pipeline = null;
    }

    /** An unsealed envelope from {@code from} to {@code to}, composed at {@link #NOW}. */
    static Envelope compose(SuiteId suite, String from, String text, String... to) throws Exception {
        return compose(suite, from, text, NOW, to);
    }

    /** As {@link #compose(SuiteId, String, String, String...)}, composed at {@code at}. */
    public static Envelope compose(SuiteId suite, String from, String text, Instant at, String... to) throws Exception {
        Draft draft = new Draft(Brief.of("msg-" + text.hashCode(), from, List.of(to), at), Enclosure.of("subject", "text/plain", text));
        Map<String, DomainEncryptionPublicKey> domains = new LinkedHashMap<>();
        Map<String, List<UserEncryptionPublicKey>> clients = new LinkedHashMap<>();
        for (String a : to) {
            String d = a.substring(a.indexOf('@') + 1);
            domains.put(d, domainKey(d, suite).publicKey());
            clients.put(a, List.of(CLIENT_KEYS.computeIfAbsent(a + "/" + suite,
                    k -> UserEncryptionPrivateKey.generate(suite, RandomSource.secure())).publicKey()));
        }
        EnvelopeComposer composer = new EnvelopeComposer(ComposeOptions.defaults(suite), RandomSource.secure(),
                PostmarkIds.ulid(at, RandomSource.secure()));
        return composer.compose(draft, Sender.of(ALICE_IDENTITY), new RecipientKeys(domains, clients), SESSION, at).getFirst().envelope();
    }

    static Envelope compose(String... to) throws Exception {
        return compose(SuiteId.X25519_CHACHA20_POLY1305, ALICE, "Hello", to);
    }

    /** Sealed by a.example in {@link #SESSION}. */
    static byte[] seal(Envelope e) throws SempException {
        return seal(e, PEER_SIGNING, SESSION, ENV_MAC);
    }

    /** Sealed by {@code key} for {@code session}, whose id it sets in the postmark. */
    public static byte[] seal(Envelope e, DomainSigningPrivateKey key, String session, SecretBytes envMac) throws SempException {
        return EnvelopeCodec.encode(new EnvelopeSealer(key, SizeBuckets.standard()).seal(e, session, envMac, RandomSource.secure()));
    }

    static byte[] sealedTo(String... to) throws Exception {
        return seal(compose(to));
    }

    ReceiveOutcome receive(byte[] wire) {
        return receive(wire, NOW);
    }

    ReceiveOutcome receive(byte[] wire, Instant now) {
        return pipeline().receive(wire, new PeerSessionRef(PEER, SESSION), now);
    }

    static Acknowledgment ack(ReceiveOutcome outcome) throws SempException {
        assertThat(outcome).isInstanceOf(ReceiveOutcome.Reply.class);
        return AcknowledgmentCodec.decode(((ReceiveOutcome.Reply) outcome).acknowledgment());
    }

    static Acknowledgment.Rejected rejected(ReceiveOutcome outcome) throws SempException {
        Acknowledgment a = ack(outcome);
        assertThat(a).isInstanceOf(Acknowledgment.Rejected.class);
        return (Acknowledgment.Rejected) a;
    }

    static SempReason reason(ReceiveOutcome outcome) throws SempException {
        return rejected(outcome).reason();
    }

    static JsonObject json(ReceiveOutcome outcome) throws Exception {
        return JsonParser.parseObject(((ReceiveOutcome.Reply) outcome).acknowledgment());
    }

    /** An inbox that records what it stores, or fails or refuses when told to. */
    static final class RecordingInbox implements Inbox {
        final List<AcceptedEnvelope> stored = java.util.Collections.synchronizedList(new ArrayList<>());
        Optional<IOException> failure = Optional.empty();
        Optional<InboxRefusal> refusal = Optional.empty();

        @Override
        public void store(AcceptedEnvelope envelope) throws IOException, InboxRefusal {
            if (failure.isPresent()) {
                throw failure.get();
            }
            if (refusal.isPresent()) {
                throw refusal.get();
            }
            stored.add(envelope);
        }
    }
}
