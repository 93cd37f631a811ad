package sempgw.semp.egress.keys;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.compose.RecipientKeys;
import sempgw.core.handshake.SuiteChoice;
import sempgw.core.keys.DomainEncryptionPublicKey;
import sempgw.core.keys.UserEncryptionPublicKey;
import sempgw.semp.egress.discovery.DiscoveryResult;
import sempgw.semp.egress.peers.DomainKeysException;
import sempgw.semp.egress.peers.HttpsDomainKeys;
import sempgw.semp.egress.peers.PeerDiscovery;

/**
 * What composing for one recipient domain needs (ENVELOPE.md §7.1 step 6): the suite, the domain
 * encryption key of that suite and each recipient's current encryption keys of that suite.
 *
 * <pre>{@code
 * SuiteId suite = peers.suiteFor("b.example").orElseThrow();   // none in common: policy_forbidden
 * RecipientKeys keys = peers.recipientKeys("b.example", List.of("bob@b.example"), suite);
 * if (keys.clientKeysOf("bob@b.example").isEmpty()) { ... bob publishes no key of that suite ... }
 * }</pre>
 * Blocking; thread-safe.
 */
public final class PeerRecipientKeys {
    private final PeerDiscovery discovery;
    private final HttpsDomainKeys domainKeys;
    private final UserKeysClient users;
    private final List<SuiteId> ours;
    private final Clock clock;

    /**
     * @param ours the suites we run ({@code semp.suites}), any order: preference is fixed, PQ first
     */
    public PeerRecipientKeys(PeerDiscovery discovery, HttpsDomainKeys domainKeys, UserKeysClient users, List<SuiteId> ours, Clock clock) {
        this.discovery = Objects.requireNonNull(discovery, "discovery");
        this.domainKeys = Objects.requireNonNull(domainKeys, "domainKeys");
        this.users = Objects.requireNonNull(users, "users");
        this.ours = List.copyOf(ours);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The suite to compose with for {@code domain}: the strongest one both we and its configuration
     * document's {@code suites} support, PQ hybrid first (CLIENT.md §3.4: never a weaker one when a
     * stronger one is common). It is the suite the federation handshake picks, so the envelope's
     * {@code seal.algorithm} is the session's (ENVELOPE.md §7.3.2). Empty when none is common.
     *
     * @throws KeyLookupException DISCOVERY when the domain does not speak SEMP or discovery fails
     */
    public Optional<SuiteId> suiteFor(String domain) throws KeyLookupException {
        DiscoveryResult.Semp semp = switch (discovery.discover(domain)) {
            case DiscoveryResult.Semp s -> s;
            case DiscoveryResult.Temporary t -> throw new KeyLookupException(KeyLookupError.DISCOVERY,
                    "discovery of " + domain + ": " + t.cause() + ", " + t.detail());
            case DiscoveryResult.Legacy l -> throw new KeyLookupException(KeyLookupError.DISCOVERY, domain + " is not a SEMP domain", false);
            case DiscoveryResult.OtherMajor o -> throw new KeyLookupException(KeyLookupError.DISCOVERY,
                    domain + " speaks another SEMP major version only", false);
            case DiscoveryResult.NotFound n -> throw new KeyLookupException(KeyLookupError.DISCOVERY, domain + " not found", false);
        };
        List<SuiteId> theirs = semp.configuration().suites().stream().map(SuiteId::parse).flatMap(Optional::stream).toList();
        return SuiteChoice.strongestCommon(ours, theirs);
    }

    /**
     * The keys to compose {@code domain}'s copy with {@code suite}: the domain encryption key of
     * that suite from its domain keys document (absent when it publishes none: composing then
     * fails with MISSING_DOMAIN_KEY), and per canonical address its current encryption keys of
     * that suite (absent when it has none: MISSING_RECIPIENT_KEY). Addresses are fetched in one
     * batch ({@link UserKeysClient}).
     *
     * @throws KeyLookupException when the domain keys or user keys cannot be fetched or verified
     */
    public RecipientKeys recipientKeys(String domain, List<String> addresses, SuiteId suite) throws KeyLookupException {
        String d = PeerAddresses.canonicalDomain(domain);
        Optional<DomainEncryptionPublicKey> domainKey;
        try {
            domainKey = domainKeys.published(d).encryption(suite);
        } catch (DomainKeysException e) {
            throw new KeyLookupException(KeyLookupError.DOMAIN_KEYS, e.getMessage(), e.isTransient());
        }
        Map<String, UserKeys> found = users.lookup(d, addresses);
        Instant now = clock.instant();
        Map<String, List<UserEncryptionPublicKey>> clients = new HashMap<>();
        found.forEach((address, keys) -> {
            List<UserEncryptionPublicKey> ks = keys.encryptionKeys(suite, now);
            if (!ks.isEmpty()) {
                clients.put(address, ks);
            }
        });
        return new RecipientKeys(domainKey.map(k -> Map.of(d, k)).orElse(Map.of()), clients);
    }
}
