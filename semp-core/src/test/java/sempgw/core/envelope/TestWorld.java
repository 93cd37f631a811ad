package sempgw.core.envelope;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.compose.ComposeOptions;
import sempgw.core.envelope.compose.ComposedEnvelope;
import sempgw.core.envelope.compose.Draft;
import sempgw.core.envelope.compose.EnvelopeComposer;
import sempgw.core.envelope.compose.PostmarkIds;
import sempgw.core.envelope.compose.RecipientKeys;
import sempgw.core.envelope.compose.Sender;
import sempgw.core.envelope.open.EnvelopeOpener;
import sempgw.core.envelope.open.IdentityKeys;
import sempgw.core.envelope.seal.DeliveryPolicy;
import sempgw.core.envelope.seal.EnvelopeSealer;
import sempgw.core.envelope.seal.EnvelopeVerifier;
import sempgw.core.envelope.seal.PolicyDecision;
import sempgw.core.envelope.seal.SenderDomainKeys;
import sempgw.core.envelope.seal.SessionState;
import sempgw.core.envelope.seal.VerifierOptions;
import sempgw.core.keys.DomainEncryptionPrivateKey;
import sempgw.core.keys.DomainEncryptionPublicKey;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.core.keys.IdentityPrivateKey;
import sempgw.core.keys.UserEncryptionPrivateKey;
import sempgw.core.keys.UserEncryptionPublicKey;

/**
 * A small federation for envelope tests: sender alice@a.example with identity key and domain keys
 * for a.example; recipient domains b.example and c.example; client keys made on demand per
 * address and cached per suite (key generation is the slow part).
 */
public final class TestWorld {
    public static final String SESSION = "01JTESTSESSION000000000000";
    public static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    public static final String SENDER = "alice@a.example";

    private static final Map<SuiteId, TestWorld> WORLDS = new ConcurrentHashMap<>();

    public final SuiteId suite;
    public final DomainSigningPrivateKey signingKey;
    public final IdentityPrivateKey identityKey;
    public final SecretBytes envMac;
    private final Map<String, DomainEncryptionPrivateKey> domainKeys = new ConcurrentHashMap<>();
    private final Map<String, UserEncryptionPrivateKey> clientKeys = new ConcurrentHashMap<>();

    private TestWorld(SuiteId suite) {
        this.suite = suite;
        RandomSource r = RandomSource.secure();
        this.signingKey = DomainSigningPrivateKey.generate(r);
        this.identityKey = IdentityPrivateKey.generate(r);
        this.envMac = SecretBytes.random(32, r);
    }

    /** The shared world of {@code suite}. */
    public static TestWorld of(SuiteId suite) {
        return WORLDS.computeIfAbsent(suite, TestWorld::new);
    }

    /** A plain-text draft from alice to {@code to}, no Cc or Bcc. */
    public static Draft draft(String subject, String text, String... to) {
        return new Draft(sempgw.core.envelope.brief.Brief.of("msg-" + subject.hashCode(), SENDER, List.of(to), NOW),
                sempgw.core.envelope.enclosure.Enclosure.of(subject, "text/plain", text));
    }

    /** The domain encryption key of {@code domain}. */
    public DomainEncryptionPrivateKey domainKey(String domain) {
        return domainKeys.computeIfAbsent(domain, d -> DomainEncryptionPrivateKey.generate(suite, RandomSource.secure()));
    }

    /** The client encryption key of {@code address}. */
    public UserEncryptionPrivateKey clientKey(String address) {
        return clientKeys.computeIfAbsent(address, a -> UserEncryptionPrivateKey.generate(suite, RandomSource.secure()));
    }

    /** Public keys for every recipient of {@code draft}. */
    public RecipientKeys keysFor(Draft draft) {
        Map<String, DomainEncryptionPublicKey> domains = new LinkedHashMap<>();
        Map<String, List<UserEncryptionPublicKey>> clients = new LinkedHashMap<>();
        for (String a : draft.brief().allRecipients()) {
            String domain = a.substring(a.lastIndexOf('@') + 1);
            domains.put(domain, domainKey(domain).publicKey());
            clients.put(a, List.of(clientKey(a).publicKey()));
        }
        return new RecipientKeys(domains, clients);
    }

    /** A composer with default options, secure randomness and ULID postmark ids. */
    public EnvelopeComposer composer() {
        return new EnvelopeComposer(ComposeOptions.defaults(suite), RandomSource.secure(), PostmarkIds.ulid(NOW, RandomSource.secure()));
    }

    /** Composes {@code draft} for its recipients, with the home-server wrap. */
    public List<ComposedEnvelope> compose(Draft draft) throws Exception {
        return composer().compose(draft, Sender.withHomeServer(identityKey, domainKey("a.example").publicKey()), keysFor(draft), SESSION, NOW);
    }

    /** Seals in {@link #SESSION}. */
    public Envelope seal(Envelope e) throws Exception {
        return new EnvelopeSealer(signingKey, SizeBuckets.standard()).seal(e, SESSION, envMac, RandomSource.secure());
    }

    /** Composes and seals, returning the wire bytes of each envelope. */
    public List<byte[]> composeAndSeal(Draft draft) throws Exception {
        List<byte[]> out = new ArrayList<>();
        for (ComposedEnvelope c : compose(draft)) {
            out.add(EnvelopeCodec.encode(seal(c.envelope())));
        }
        return out;
    }

    /** A verifier for envelopes from a.example in {@link #SESSION}, serving b.example and c.example. */
    public EnvelopeVerifier verifier(DeliveryPolicy policy) {
        return new EnvelopeVerifier(
                SenderDomainKeys.of(d -> d.equals("a.example") ? List.of(signingKey.publicKey()) : List.of()),
                id -> id.equals(SESSION) ? SessionState.Active.of(envMac) : new SessionState.Unknown(),
                d -> Set.of("b.example", "c.example").contains(d) ? List.of(domainKey(d)) : List.of(),
                policy, VerifierOptions.defaults());
    }

    /** A verifier that delivers everything that passes the seal checks. */
    public EnvelopeVerifier verifier() {
        return verifier((p, b) -> PolicyDecision.deliver());
    }

    /** An opener for {@code address}, trusting alice's identity key. */
    public EnvelopeOpener opener(String address) {
        return new EnvelopeOpener(List.of(clientKey(address)), IdentityKeys.of(SENDER, identityKey.publicKey()), Set.of());
    }
}
