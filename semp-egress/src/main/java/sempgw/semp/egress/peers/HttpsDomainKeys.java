package sempgw.semp.egress.peers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.core.envelope.seal.SenderDomainKeys;
import sempgw.core.handshake.DomainKeyLookup;
import sempgw.core.keys.DomainSigningPublicKey;
import sempgw.core.keys.KeyId;
import sempgw.semp.egress.discovery.DiscoveryResult;

/**
 * Peer domain keys over discovery and HTTPS (HANDSHAKE.md §5.3): cache, then discovery (SRV,
 * configuration document), then {@code GET endpoints.domain_keys}. The HTTPS certificate chain
 * is the trust anchor (KEY.md §2.3). A fetched document is cached for the configuration's
 * {@code ttl_seconds} (DISCOVERY.md §3.5.2); a failure is remembered for {@link #FAILURE_TTL}, so
 * a flood of handshakes claiming an unreachable domain costs one fetch, not one each. Concurrent
 * lookups of one domain share one fetch.
 *
 * <p>A handshake or envelope naming a key id we do not hold, when what we hold was fetched before
 * it came, triggers one re-fetch (a rotated key, KEY.md §7), at most once per
 * {@link #REFRESH_INTERVAL} per domain, so a forger naming random key ids cannot make us fetch
 * for each message. The held keys stay in use until a re-fetch succeeds. Only a fetch made for
 * that message, or after it came, makes the key id "not published"; until the re-fetch is due,
 * or while it fails for a transient reason, the answer is "unavailable".
 *
 * <p>Serves the responder's {@code DomainKeyLookup} and the receive pipeline's
 * {@link SenderDomainKeys}, whose typed answers tell a key the domain does not publish
 * ({@code auth_failed}, {@code seal_invalid}) from keys that cannot be learned now (a network
 * error, timeout, HTTP error or DNS failure: the recoverable {@code handshake_invalid} and
 * {@code server_unavailable}). {@link #find}, for the sending side, answers both with empty.
 * Blocking on a miss: call from virtual threads, never an event loop.
 */
public final class HttpsDomainKeys implements PeerKeys, SenderDomainKeys, AutoCloseable {

    /** The shortest time between two fetches triggered by an unknown key id. */
    public static final Duration REFRESH_INTERVAL = Duration.ofSeconds(60);
    /** How long a failed fetch is answered from memory; {@link #invalidate} forgets it sooner. */
    public static final Duration FAILURE_TTL = Duration.ofSeconds(30);
    /** Domains kept in the cache. */
    public static final int MAX_ENTRIES = 10_000;

    private static final Logger log = LoggerFactory.getLogger(HttpsDomainKeys.class);

    private final PeerDiscovery discovery;
    private final DomainKeysFetcher fetcher;
    private final Clock clock;
    private final ConcurrentHashMap<String, PublishedDomainKeys> cache = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<PublishedDomainKeys>> inFlight = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Failure> failures = new ConcurrentHashMap<>();

    private record Failure(String detail, boolean isTransient, Instant until) {
    }

    /** Production limits: 5 s to connect, 10 s per request, 64 KiB body. */
    public HttpsDomainKeys(PeerDiscovery discovery, SSLContext tls, Clock clock) {
        this(discovery, tls, clock, Duration.ofSeconds(5), Duration.ofSeconds(10), 64 * 1024);
    }

    public HttpsDomainKeys(PeerDiscovery discovery, SSLContext tls, Clock clock, Duration connectTimeout, Duration requestTimeout,
                           int maxBytes) {
        this.discovery = Objects.requireNonNull(discovery, "discovery");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fetcher = new DomainKeysFetcher(tls, connectTimeout, requestTimeout, maxBytes);
    }

    /** The domain's published keys, from the cache while fresh, else fetched. */
    public PublishedDomainKeys published(String domain) throws DomainKeysException {
        String d = normalize(domain);
        Optional<PublishedDomainKeys> fresh = cached(d);
        if (fresh.isPresent()) {
            return fresh.get();
        }
        return load(d);
    }

    /** The cached keys of {@code domain} while fresh; never fetches. */
    public Optional<PublishedDomainKeys> cached(String domain) {
        PublishedDomainKeys k = cache.get(normalize(domain));
        return k != null && clock.instant().isBefore(k.expiresAt()) ? Optional.of(k) : Optional.empty();
    }

    /** The key, when the domain publishes it and it can be learned now; empty otherwise, whatever the cause. */
    @Override
    public Optional<DomainSigningPublicKey> find(String domain, Optional<KeyId> keyId) {
        return lookup(domain, keyId) instanceof DomainKeyLookup.Found f ? Optional.of(f.key()) : Optional.empty();
    }

    /** {@link #signingKeys}' answer for the handshake: the key named {@code keyId}, else the primary one. */
    @Override
    public DomainKeyLookup.Answer lookup(String domain, Optional<KeyId> keyId) {
        return switch (signingKeys(domain, keyId)) {
            case SenderDomainKeys.Published p -> p.keys().stream().filter(k -> keyId.map(k.keyId()::equals).orElse(true)).findFirst()
                    .<DomainKeyLookup.Answer>map(DomainKeyLookup.Found::new).orElseGet(DomainKeyLookup.NotPublished::new);
            case SenderDomainKeys.Unavailable u -> new DomainKeyLookup.Unavailable();
        };
    }

    /**
     * The domain's signing key, cached or fetched; fetched again once when it is not {@code keyId}
     * and was fetched before the message came, at most once per {@link #REFRESH_INTERVAL} (KEY.md
     * §7). No key when the domain publishes nothing usable for a reason that asking again will not
     * change (not a SEMP domain, a bad document); unavailable after a transient failure, or while
     * the re-fetch an unknown key id calls for is not due.
     */
    @Override
    public SenderDomainKeys.Answer signingKeys(String domain, Optional<KeyId> keyId) {
        String d = normalize(domain);
        Instant asked = clock.instant();
        PublishedDomainKeys keys;
        try {
            keys = published(d);
        } catch (DomainKeysException e) {
            return failed(d, e);
        }
        if (keyId.isPresent() && !keys.signing().keyId().equals(keyId.get()) && keys.fetchedAt().isBefore(asked)) {
            Instant due = keys.fetchedAt().plus(REFRESH_INTERVAL);
            if (clock.instant().isBefore(due)) {
                log.info("domain keys {}: key id {} is not the one held, fetched at {}; fetching again is not due until {}", d,
                        keyId.get().hex(), keys.fetchedAt(), due);
                return new SenderDomainKeys.Unavailable();
            }
            try {
                keys = load(d);
            } catch (DomainKeysException e) {
                return failed(d, e);
            }
        }
        return new SenderDomainKeys.Published(List.of(keys.signing()));
    }

    @Override
    public void invalidate(String domain) {
        cache.remove(normalize(domain));
        failures.remove(normalize(domain));
    }

    @Override
    public void close() {
        fetcher.close();
    }

    private static SenderDomainKeys.Answer failed(String domain, DomainKeysException e) {
        log.warn("domain keys {}: {}", domain, e.getMessage());
        return e.isTransient() ? new SenderDomainKeys.Unavailable() : new SenderDomainKeys.Published(List.of());
    }

    /**
     * A remembered failure, else one fetch shared by concurrent callers, whatever the cache holds:
     * the cache keeps its keys until a fetch succeeds.
     */
    private PublishedDomainKeys load(String d) throws DomainKeysException {
        Failure failed = failures.get(d);
        if (failed != null && clock.instant().isBefore(failed.until())) {
            throw new DomainKeysException(failed.detail() + " (remembered until " + failed.until() + ")", failed.isTransient());
        }
        CompletableFuture<PublishedDomainKeys> mine = new CompletableFuture<>();
        CompletableFuture<PublishedDomainKeys> running = inFlight.putIfAbsent(d, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof DomainKeysException k ? k : new DomainKeysException(d + ": " + e.getCause(), e);
            }
        }
        try {
            PublishedDomainKeys keys = fetch(d);
            mine.complete(keys);
            return keys;
        } catch (DomainKeysException e) {
            remember(d, e);
            mine.completeExceptionally(e);
            throw e;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(d, mine);
        }
    }

    private PublishedDomainKeys fetch(String domain) throws DomainKeysException {
        DiscoveryResult.Semp semp = switch (discovery.discover(domain)) {
            case DiscoveryResult.Semp s -> s;
            case DiscoveryResult.Temporary t -> throw new DomainKeysException("discovery: " + t.cause() + ", " + t.detail(), true);
            case DiscoveryResult.Legacy l -> throw new DomainKeysException("discovery: not a SEMP domain", false);
            case DiscoveryResult.OtherMajor o -> throw new DomainKeysException("discovery: another SEMP major version only", false);
            case DiscoveryResult.NotFound n -> throw new DomainKeysException("discovery: not found", false);
        };
        Instant now = clock.instant();
        PublishedDomainKeys keys = fetcher.fetch(semp.configuration().domainKeys(), semp.configuration().domain(), now,
                semp.configuration().ttl());
        if (cache.size() >= MAX_ENTRIES) {
            cache.values().removeIf(k -> !now.isBefore(k.expiresAt()));
            if (cache.size() >= MAX_ENTRIES) {
                cache.keySet().stream().findAny().ifPresent(cache::remove);
            }
        }
        cache.put(domain, keys);
        failures.remove(domain);
        log.info("domain keys {}: signing key {} fetched from {}, cached until {}", domain, keys.signing().keyId(),
                semp.configuration().domainKeys().getHost(), keys.expiresAt());
        return keys;
    }

    /** Remembers a failure for {@link #FAILURE_TTL}; not an interrupted fetch, which says nothing about the peer. */
    private void remember(String domain, DomainKeysException e) {
        if (e.getCause() instanceof InterruptedException) {
            return;
        }
        Instant now = clock.instant();
        if (failures.size() >= MAX_ENTRIES) {
            failures.values().removeIf(f -> !now.isBefore(f.until()));
        }
        if (failures.size() < MAX_ENTRIES) {
            failures.put(domain, new Failure(e.getMessage(), e.isTransient(), now.plus(FAILURE_TTL)));
        }
    }

    private static String normalize(String domain) {
        String d = Objects.requireNonNull(domain, "domain").toLowerCase(Locale.ROOT);
        return d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
    }
}
