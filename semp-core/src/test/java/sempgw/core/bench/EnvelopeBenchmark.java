package sempgw.core.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SuiteId;
import sempgw.core.delivery.DeliveryReceipt;
import sempgw.core.envelope.Envelope;
import sempgw.core.envelope.EnvelopeCodec;
import sempgw.core.envelope.SizeBuckets;
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
import sempgw.core.envelope.open.OpenedEnvelope;
import sempgw.core.envelope.seal.EnvelopeSealer;
import sempgw.core.envelope.seal.EnvelopeVerifier;
import sempgw.core.envelope.seal.PolicyDecision;
import sempgw.core.envelope.seal.SealedEnvelope;
import sempgw.core.envelope.seal.SenderDomainKeys;
import sempgw.core.envelope.seal.SessionState;
import sempgw.core.envelope.seal.Verdict;
import sempgw.core.envelope.seal.VerifierOptions;
import sempgw.core.keys.DomainEncryptionPrivateKey;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.core.keys.IdentityPrivateKey;
import sempgw.core.keys.UserEncryptionPrivateKey;
import sempgw.core.keys.UserEncryptionPublicKey;

/**
 * One envelope's life, as semp-go's PERF-ANCHORS figures measure it (1 recipient, 5 KB body,
 * one core): "Compose" 1,327/s baseline, 1,182/s PQ; "Compose + sign + encode" 1,034/s, 883/s;
 * "server receive: decode + verify signature + MAC + open brief" 1,490/s, 1,616/s; "client open"
 * 999/s, 1,113/s. As go's client does, K_brief is also wrapped for the sender's home server.
 * {@code recipients = 10} puts ten client keys on one envelope (16 map entries after padding).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EnvelopeBenchmark {
    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final String SESSION = "01JBENCHSESSION00000000000";

    @Param({"x25519-chacha20-poly1305", "pq-kyber768-x25519"})
    public String suite;

    @Param({"1", "10"})
    public int recipients;

    private final RandomSource random = RandomSource.secure();
    private EnvelopeComposer composer;
    private EnvelopeSealer sealer;
    private EnvelopeVerifier verifier;
    private EnvelopeOpener opener;
    private Draft draft;
    private Sender sender;
    private RecipientKeys keys;
    private SecretBytes envMac;
    private byte[] wire;
    private DomainSigningPrivateKey signing;
    private DomainSigningPrivateKey receiving;
    private IdentityPrivateKey identity;
    private List<UserEncryptionPublicKey> wrapTargets;
    private DomainEncryptionPrivateKey domainKey;
    private UserEncryptionPrivateKey firstKey;
    private Envelope received;
    private final byte[] canonicalSized = new byte[8192];
    private final byte[] body = new byte[5200];

    @Setup
    public void setUp() throws Exception {
        SuiteId id = SuiteId.parse(suite).orElseThrow();
        signing = DomainSigningPrivateKey.generate(random);
        receiving = DomainSigningPrivateKey.generate(random);
        identity = IdentityPrivateKey.generate(random);
        DomainEncryptionPrivateKey home = DomainEncryptionPrivateKey.generate(id, random);
        DomainEncryptionPrivateKey domain = DomainEncryptionPrivateKey.generate(id, random);
        domainKey = domain;
        List<String> to = new ArrayList<>();
        Map<String, List<UserEncryptionPublicKey>> clients = new LinkedHashMap<>();
        UserEncryptionPrivateKey first = null;
        for (int i = 0; i < recipients; i++) {
            UserEncryptionPrivateKey k = UserEncryptionPrivateKey.generate(id, random);
            first = first == null ? k : first;
            to.add("user" + i + "@b.example");
            clients.put("user" + i + "@b.example", List.of(k.publicKey()));
        }
        envMac = SecretBytes.random(32, random);
        firstKey = first;
        wrapTargets = new ArrayList<>();
        for (List<UserEncryptionPublicKey> ks : clients.values()) {
            wrapTargets.addAll(ks);
        }
        draft = new Draft(Brief.of("msg-bench", "alice@a.example", to, NOW),
                Enclosure.of("Quarterly numbers", "text/plain", "Lorem ipsum dolor sit amet. ".repeat(183)));
        sender = Sender.withHomeServer(identity, home.publicKey());
        keys = new RecipientKeys(Map.of("b.example", domain.publicKey()), clients);
        composer = new EnvelopeComposer(ComposeOptions.defaults(id), random, PostmarkIds.ulid(NOW, random));
        sealer = new EnvelopeSealer(signing, SizeBuckets.standard());
        verifier = new EnvelopeVerifier(SenderDomainKeys.of(d -> List.of(signing.publicKey())), s -> SessionState.Active.of(envMac),
                d -> List.of(domain), (p, b) -> PolicyDecision.deliver(), VerifierOptions.defaults());
        opener = new EnvelopeOpener(List.of(first), IdentityKeys.of("alice@a.example", identity.publicKey()), Set.of());
        wire = composeAndSeal();
        received = EnvelopeCodec.decode(wire, Integer.MAX_VALUE).envelope();
        if (!(verifier.receive(wire, NOW) instanceof Verdict.Accepted)) {
            throw new IllegalStateException("benchmark envelope does not verify");
        }
        if (bridgeMessage().isPresent()) {
            throw new IllegalStateException("benchmark receipt does not verify");
        }
    }

    /** Compose only: sign the enclosure, encrypt, wrap, pad. */
    @Benchmark
    public List<ComposedEnvelope> compose() throws Exception {
        return composer.compose(draft, sender, keys, SESSION, NOW);
    }

    /** Compose, seal (domain signature and session MAC) and encode to wire bytes. */
    @Benchmark
    public byte[] composeAndSeal() throws Exception {
        Envelope e = composer.compose(draft, sender, keys, SESSION, NOW).getFirst().envelope();
        return sealer.sealForWire(e, SESSION, envMac, random).wire();
    }

    /**
     * One message across the bridge, the SEMP work of both gateways in one thread, as their
     * delivery paths do it: compose, seal and encode (gateway A), receive and issue the delivery
     * receipt (gateway B), verify that receipt against the envelope sent (gateway A). No
     * transport, MIME conversion, queue or acknowledgment JSON.
     */
    @Benchmark
    public Optional<String> bridgeMessage() throws Exception {
        Envelope e = composer.compose(draft, sender, keys, SESSION, NOW).getFirst().envelope();
        SealedEnvelope sealed = sealer.sealForWire(e, SESSION, envMac, random);
        Verdict.Accepted a = (Verdict.Accepted) verifier.receive(sealed.wire(), NOW);
        DeliveryReceipt receipt = DeliveryReceipt.issue(a.canonical(), "b.example", NOW, receiving);
        return receipt.verify(sealed.canonical(), "b.example", List.of(receiving.publicKey()), NOW);
    }

    /** The server's receive pipeline: decode, signature, expiry, session, MAC, open the brief, policy. */
    @Benchmark
    public Verdict receive() {
        return verifier.receive(wire, NOW);
    }

    /** Server receive, then the recipient client opens: unwrap, decrypt both, verify the sender signature. */
    @Benchmark
    public OpenedEnvelope receiveAndOpen() throws Exception {
        return opener.open(((Verdict.Accepted) verifier.receive(wire, NOW)).envelope().envelope());
    }

    /**
     * Server receive, then a custodial client in the same process opens with the server's brief
     * ({@link EnvelopeOpener#openWithServerBrief}): unwrap and decrypt the enclosure only, verify
     * the sender signature. The gateway's mailbox agent path; compare with {@link #receiveAndOpen}.
     */
    @Benchmark
    public OpenedEnvelope receiveAndOpenWithServerBrief() throws Exception {
        Verdict.Accepted a = (Verdict.Accepted) verifier.receive(wire, NOW);
        return opener.openWithServerBrief(a.envelope().envelope(), a.brief());
    }

    /**
     * The anchor for {@link #composeAndSeal}: only its cryptography. Wraps for the domain key,
     * the home key and twice per recipient, the two payload encryptions, the enclosure and seal
     * signatures, the session MAC. composeAndSeal / this anchor is the share spent elsewhere.
     */
    @Benchmark
    public int composeAndSealPrimitives() throws Exception {
        var aead = sempgw.core.crypto.CryptoSuite.of(SuiteId.parse(suite).orElseThrow()).aead();
        SecretBytes kb = SecretBytes.random(32, random);
        SecretBytes ke = SecretBytes.random(32, random);
        int n = domainKey.publicKey().wrap(kb, random).length + domainKey.publicKey().wrap(kb, random).length;
        for (UserEncryptionPublicKey k : wrapTargets) {
            n += k.wrap(kb, random).length + k.wrap(ke, random).length;
        }
        n += aead.sealWithRandomNonce(kb, new byte[200], new byte[26], random).length;
        n += aead.sealWithRandomNonce(ke, body, new byte[26], random).length;
        n += identity.sign(sempgw.core.crypto.SignatureContext.ENCLOSURE_SENDER, body).length;
        n += signing.sign(sempgw.core.crypto.SignatureContext.ENVELOPE, canonicalSized).length;
        return n + sempgw.core.crypto.HmacSha256.INSTANCE.compute(envMac, canonicalSized).length;
    }

    /**
     * The anchor for {@link #receiveAndOpen}: seal verification and MAC, three unwraps (the
     * server's brief entry, the client's two), three payload decryptions, the sender signature.
     */
    @Benchmark
    public boolean receiveAndOpenPrimitives() throws Exception {
        Envelope e = received;
        var aead = sempgw.core.crypto.CryptoSuite.of(SuiteId.parse(suite).orElseThrow()).aead();
        byte[] sig = java.util.Base64.getDecoder().decode(e.seal().signature());
        boolean ok = signing.publicKey().verify(sempgw.core.crypto.SignatureContext.ENVELOPE, canonicalSized, sig);
        ok |= sempgw.core.crypto.HmacSha256.INSTANCE.verify(envMac, canonicalSized, sig);
        SecretBytes kb = sempgw.core.envelope.RecipientEntries.unwrap(e.seal().briefRecipients(), domainKey);
        SecretBytes kb2 = sempgw.core.envelope.RecipientEntries.unwrap(e.seal().briefRecipients(), firstKey);
        SecretBytes ke = sempgw.core.envelope.RecipientEntries.unwrap(e.seal().enclosureRecipients(), firstKey);
        String aad = e.postmark().id();
        ok |= sempgw.core.envelope.PayloadCipher.open(aead, kb, e.brief(), aad).length > 0;
        ok |= sempgw.core.envelope.PayloadCipher.open(aead, kb2, e.brief(), aad).length > 0;
        ok |= sempgw.core.envelope.PayloadCipher.open(aead, ke, e.enclosure(), aad).length > 0;
        return ok | identity.publicKey().verify(sempgw.core.crypto.SignatureContext.ENCLOSURE_SENDER, body, sig);
    }
}
