package sempgw.semp.egress.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.core.crypto.RandomSource;
import sempgw.core.envelope.Ulid;
import sempgw.semp.egress.discovery.DiscoveryResult;
import sempgw.semp.egress.discovery.SempConfiguration;
import sempgw.semp.egress.peers.DomainKeysException;
import sempgw.semp.egress.peers.HttpsDomainKeys;
import sempgw.semp.egress.peers.PeerDiscovery;
import sempgw.semp.egress.peers.PeerHttps;
import sempgw.semp.egress.peers.PublishedDomainKeys;

/**
 * Recipients' (and senders') published user keys, fetched from their domain (KEY.md §3.1, §6.1
 * "direct well-known fetch"; CLIENT.md §5.4 is the same lookup done by a home server):
 *
 * <ol>
 *   <li>Cache per canonical address, for the peer configuration's {@code ttl_seconds}
 *   (DISCOVERY.md §3.5.2); an address without keys for at most {@link #NOT_FOUND_TTL}.</li>
 *   <li>Discovery gives {@code endpoints.keys} (DISCOVERY.md §3.4) -> DISCOVERY.</li>
 *   <li>The domain signing key comes from the peer's domain keys document
 *   ({@link HttpsDomainKeys#published}) -> DOMAIN_KEYS.</li>
 *   <li>The missing addresses are asked in batches of {@link #MAX_BATCH}, or one by one when the
 *   server has no batch fetch ({@link KeysEndpoint}).</li>
 *   <li>Every response is verified ({@link KeysResponseReader}); a signature that fails under a
 *   domain key fetched over {@link HttpsDomainKeys#REFRESH_INTERVAL} ago triggers one re-fetch of
 *   the domain keys and one re-check of the same bytes (a rotated key, KEY.md §7).</li>
 *   <li>Revoked, expired and unusable keys are dropped ({@link UserKeyRecords}).</li>
 * </ol>
 * Blocking; thread-safe; concurrent misses for one address may fetch twice. Logs one line per
 * fetch with the domain and counts, never addresses or key bytes (DISCOVERY.md §8.3.4).
 */
public final class UserKeysClient implements AutoCloseable {
    /** Addresses per batch request: far below the 100 our own servers accept. */
    public static final int MAX_BATCH = 32;
    /** The largest response read: 32 addresses with PQ keys in both forms are about 250 KiB. */
    public static final int MAX_BODY = 1024 * 1024;
    /** How long "no keys" is believed: a user provisioned meanwhile becomes reachable soon. */
    public static final Duration NOT_FOUND_TTL = Duration.ofMinutes(5);
    /** Addresses kept in the cache. */
    public static final int MAX_ENTRIES = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(UserKeysClient.class);
    private static final VerifiedRecords.Published EMPTY = new VerifiedRecords.Published(List.of(), Set.of());

    private final PeerDiscovery discovery;
    private final HttpsDomainKeys domainKeys;
    private final PeerHttps https;
    private final Clock clock;
    private final RandomSource random;
    private final UserKeysCache cache;

    /** Production limits: 5 s to connect, 10 s per request, {@link #MAX_ENTRIES} addresses. */
    public UserKeysClient(PeerDiscovery discovery, HttpsDomainKeys domainKeys, SSLContext tls, Clock clock) {
        this(discovery, domainKeys, tls, clock, Duration.ofSeconds(5), Duration.ofSeconds(10), MAX_ENTRIES);
    }

    public UserKeysClient(PeerDiscovery discovery, HttpsDomainKeys domainKeys, SSLContext tls, Clock clock, Duration connectTimeout,
                          Duration requestTimeout, int maxEntries) {
        this.discovery = Objects.requireNonNull(discovery, "discovery");
        this.domainKeys = Objects.requireNonNull(domainKeys, "domainKeys");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.https = new PeerHttps(tls, connectTimeout, requestTimeout);
        this.random = RandomSource.secure();
        this.cache = new UserKeysCache(maxEntries);
    }

    /**
     * The keys of every address, all in {@code domain}, keyed by canonical address in the order
     * given; an address without keys maps to {@link UserKeys} without keys.
     *
     * @throws KeyLookupException when discovery, the domain keys or the user keys fetch fail
     * @throws IllegalArgumentException when an address is malformed or not in {@code domain}
     */
    public Map<String, UserKeys> lookup(String domain, Collection<String> addresses) throws KeyLookupException {
        String d = PeerAddresses.canonicalDomain(domain);
        Set<String> asked = PeerAddresses.inDomain(d, addresses);
        Instant now = clock.instant();
        Map<String, UserKeys> known = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String a : asked) {
            cache.get(a, now).ifPresentOrElse(k -> known.put(a, k), () -> missing.add(a));
        }
        if (!missing.isEmpty()) {
            known.putAll(fetch(d, missing, now));
        }
        Map<String, UserKeys> out = new LinkedHashMap<>();
        asked.forEach(a -> out.put(a, known.get(a)));
        return out;
    }

    /** The keys of one address; see {@link #lookup(String, Collection)}. */
    public UserKeys lookup(String address) throws KeyLookupException {
        String domain = address.substring(address.lastIndexOf('@') + 1);
        return lookup(domain, List.of(address)).values().iterator().next();
    }

    /** The cached keys of {@code address} while fresh; never fetches. */
    public Optional<UserKeys> cached(String address) {
        return PeerAddresses.canonical(address).flatMap(a -> cache.get(a, clock.instant()));
    }

    /** Forgets {@code address}: the next lookup asks its domain again (KEY.md §8.3). */
    public void invalidate(String address) {
        PeerAddresses.canonical(address).ifPresent(cache::invalidate);
    }

    @Override
    public void close() {
        https.close();
    }

    private Map<String, UserKeys> fetch(String domain, List<String> missing, Instant now) throws KeyLookupException {
        SempConfiguration config = configuration(domain);
        KeysEndpoint endpoint = new KeysEndpoint(https, config.keys(), MAX_BODY);
        Map<String, VerifiedRecords.Published> published = new HashMap<>();
        boolean batch = true;
        for (int i = 0; i < missing.size(); i += MAX_BATCH) {
            List<String> chunk = missing.subList(i, Math.min(missing.size(), i + MAX_BATCH));
            String id = Ulid.next(now, random);
            if (batch && endpoint.batch(id, chunk, now) instanceof KeysEndpoint.Batch.Body(byte[] body)) {
                published.putAll(verify(domain, body, chunk, Optional.of(id), now));
                continue;
            }
            batch = false;
            for (String a : chunk) {
                Optional<byte[]> body = endpoint.single(a);
                if (body.isPresent()) {
                    published.putAll(verify(domain, body.get(), List.of(a), Optional.empty(), now));
                }
            }
        }
        Map<String, UserKeys> out = new HashMap<>();
        for (String a : missing) {
            UserKeys k = UserKeyRecords.classify(a, published.getOrDefault(a, EMPTY), now, now.plus(config.ttl()));
            if (!k.found()) {
                k = new UserKeys(a, List.of(), List.of(), now, now.plus(min(config.ttl(), NOT_FOUND_TTL)));
            }
            cache.put(k, now);
            out.put(a, k);
        }
        LOG.info("user keys {}: {} addresses asked {}, {} with keys, cached {} s", domain, missing.size(),
                batch ? "in batches" : "one by one", out.values().stream().filter(UserKeys::found).count(), config.ttl().toSeconds());
        return out;
    }

    private Map<String, VerifiedRecords.Published> verify(String domain, byte[] body, List<String> asked, Optional<String> id,
                                                          Instant now) throws KeyLookupException {
        PublishedDomainKeys keys = domainKeys(domain);
        try {
            return KeysResponseReader.read(body, new KeysResponseReader.Asked(keys.signing(), Set.copyOf(asked), id), now);
        } catch (KeyLookupException e) {
            if (e.error() != KeyLookupError.SIGNATURE_INVALID || now.isBefore(keys.fetchedAt().plus(HttpsDomainKeys.REFRESH_INTERVAL))) {
                throw e;
            }
            domainKeys.invalidate(domain);
            PublishedDomainKeys fresh = domainKeys(domain);
            if (fresh.signing().equals(keys.signing())) {
                throw e;
            }
            LOG.info("user keys {}: domain signing key changed to {}, response checked again", domain, fresh.signing().keyId());
            return KeysResponseReader.read(body, new KeysResponseReader.Asked(fresh.signing(), Set.copyOf(asked), id), now);
        }
    }

    private SempConfiguration configuration(String domain) throws KeyLookupException {
        return switch (discovery.discover(domain)) {
            case DiscoveryResult.Semp s -> s.configuration();
            case DiscoveryResult.Temporary t -> throw new KeyLookupException(KeyLookupError.DISCOVERY,
                    "discovery of " + domain + ": " + t.cause() + ", " + t.detail());
            case DiscoveryResult.Legacy l -> throw new KeyLookupException(KeyLookupError.DISCOVERY,
                    "discovery of " + domain + ": not a SEMP domain", false);
            case DiscoveryResult.OtherMajor o -> throw new KeyLookupException(KeyLookupError.DISCOVERY,
                    "discovery of " + domain + ": another SEMP major version only", false);
            case DiscoveryResult.NotFound n -> throw new KeyLookupException(KeyLookupError.DISCOVERY,
                    "discovery of " + domain + ": not found", false);
        };
    }

    private PublishedDomainKeys domainKeys(String domain) throws KeyLookupException {
        try {
            return domainKeys.published(domain);
        } catch (DomainKeysException e) {
            throw new KeyLookupException(KeyLookupError.DOMAIN_KEYS, e.getMessage(), e.isTransient());
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
