package sempgw.semp.egress.discovery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Resolver;

/**
 * Discovery for the sending side (DISCOVERY.md §5.1, §7; see the package documentation for the
 * steps). Blocking; call it from a virtual thread. Concurrent discoveries of one domain share a
 * single lookup. Thread-safe.
 *
 * <p>Callers: {@link #invalidate(String)} on a delivery failure before the retry (DISCOVERY.md
 * §6.1), on a handshake revision mismatch (§3.5.5) and on a capability error attributable to
 * stale configuration (§3.5.3); {@link #revisionAnnounced(String, long)} on a verified
 * {@code SEMP_CONFIGURATION_UPDATE} (§3.5.4).
 */
public final class SempDiscovery implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SempDiscovery.class);

    private final SempRecords records;
    private final MailCheck mail;
    private final ConfigTargets configs;
    private final RandomGenerator random;
    private final DiscoveryConfig config;
    private final DiscoveryCache cache;
    private final SempHistory history;
    private final ConcurrentHashMap<String, CompletableFuture<DiscoveryResult>> inFlight = new ConcurrentHashMap<>();

    /**
     * @param resolver the DNS resolver (a recursive resolver; DNSSEC-validating is RECOMMENDED, DISCOVERY.md §8.1)
     * @param configs  where configuration documents come from, normally {@link HttpsConfigurationFetcher}
     * @param clock    time for the cache and the pins
     * @param random   for the RFC 2782 weighted order
     */
    public SempDiscovery(Resolver resolver, ConfigurationSource configs, Clock clock, RandomGenerator random, DiscoveryConfig config) {
        this(resolver, configs, clock, random, config, Optional.empty());
    }

    /**
     * The same, with pins and accepted revisions kept in {@code pins} across restarts (GATEWAY.md
     * §4): read now, written as they change; {@link #close()} writes what is still pending.
     */
    public SempDiscovery(Resolver resolver, ConfigurationSource configs, Clock clock, RandomGenerator random, DiscoveryConfig config,
                         Optional<PinJournal> pins) {
        this.config = Objects.requireNonNull(config, "config");
        DnsLookup dns = new DnsLookup(resolver, config.dnsTimeout());
        this.records = new SempRecords(dns);
        this.mail = new MailCheck(dns);
        this.random = Objects.requireNonNull(random, "random");
        this.cache = new DiscoveryCache(clock, config.maxCacheEntries());
        this.history = new SempHistory(clock, config.pinDuration(), config.revisionMemory(), config.maxCacheEntries(), pins);
        this.configs = new ConfigTargets(Objects.requireNonNull(configs, "configs"), history, config.maxConfigTargets());
    }

    /** Discovers {@code domain} (an email domain, U-labels allowed), from the cache when it is fresh. */
    public DiscoveryResult discover(String domain) {
        Optional<DomainName> parsed = DomainName.parse(domain);
        if (parsed.isEmpty()) {
            return new DiscoveryResult.NotFound("not a valid domain name");
        }
        String key = parsed.get().ascii();
        Optional<DiscoveryResult> cached = cache.get(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        CompletableFuture<DiscoveryResult> mine = new CompletableFuture<>();
        CompletableFuture<DiscoveryResult> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return running.join();
        }
        try {
            DiscoveryResult result = cache.get(key).orElseGet(() -> resolveAndCache(parsed.get()));
            mine.complete(result);
            return result;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /** Drops the cached result; the next discovery runs the whole flow. Pins are kept. */
    public void invalidate(String domain) {
        DomainName.parse(domain).ifPresent(d -> cache.invalidate(d.ascii()));
    }

    /** A verified update announced {@code revision}: re-fetch if it is newer than the cached one (DISCOVERY.md §3.5.4). */
    public void revisionAnnounced(String domain, long revision) {
        DomainName.parse(domain).ifPresent(d -> {
            if (cache.get(d.ascii()).orElse(null) instanceof DiscoveryResult.Semp s && revision > s.configuration().revision()) {
                cache.invalidate(d.ascii());
            }
        });
    }

    /** Writes pending pin changes to the journal, if there is one (at shutdown). Discovery keeps working. */
    @Override
    public void close() {
        history.flush();
    }

    private DiscoveryResult resolveAndCache(DomainName domain) {
        long generation = cache.generation();
        MailCheck.Outcome outcome = resolve(domain);
        DiscoveryResult result = outcome.result();
        Duration ttl = Discoveries.cacheTtl(result, outcome.ttl(), config.maxCacheTtl());
        cache.put(domain.ascii(), result, ttl, generation);
        switch (result) {
            case DiscoveryResult.Semp s -> log.info("discovery {}: semp via {} revision {} (cached {} s){}", domain,
                    s.configurationHost().authority(), s.configuration().revision(), ttl.toSeconds(),
                    s.discrepancies().isEmpty() ? "" : "; DNS and configuration disagree: " + s.discrepancies());
            case DiscoveryResult.Legacy l -> log.info("discovery {}: legacy, {} (cached {} s)", domain, l.detail(), ttl.toSeconds());
            case DiscoveryResult.OtherMajor o -> log.info("discovery {}: another SEMP major version only ({}); {}{} (cached {} s)", domain,
                    o.declared(), o.acceptsSmtp() ? "SMTP by " : "no SMTP: ", o.detail(), ttl.toSeconds());
            case DiscoveryResult.NotFound n -> log.info("discovery {}: not found, {} (cached {} s)", domain, n.detail(), ttl.toSeconds());
            case DiscoveryResult.Temporary t -> log.warn("discovery {}: temporary failure {}, {}", domain, t.cause(), t.detail());
        }
        return result;
    }

    private MailCheck.Outcome resolve(DomainName domain) {
        if (domain.isOnion()) {
            return new MailCheck.Outcome(domain.isOnionV3()
                    ? new DiscoveryResult.Temporary(DiscoveryResult.Cause.TOR_UNAVAILABLE, "no Tor egress; .onion is never looked up in DNS (DISCOVERY.md §2.5.2)")
                    : new DiscoveryResult.NotFound("not a version-3 onion name (DISCOVERY.md §2.5.1)"), OptionalLong.empty());
        }
        return switch (records.probe(domain)) {
            case SempProbe.Failed f -> new MailCheck.Outcome(Discoveries.temporary(f.failure()), OptionalLong.empty());
            case SempProbe.OptedOut o -> {
                history.optOut(domain.ascii());
                MailCheck.Outcome m = mail.check(domain);
                yield new MailCheck.Outcome(m.result(), SempRecords.min(o.ttl(), m.ttl()));
            }
            case SempProbe.Signalled s -> signalled(domain, s);
            case SempProbe.OtherMajor o -> otherMajor(domain, "TXT _semp._tcp." + domain + " "
                    + String.join(", ", o.declared().stream().map(v -> "v=" + v).toList()), o.ttl());
            case SempProbe.Absent a -> absent(domain, a);
        };
    }

    /**
     * SEMP records exist: a configuration must be found, or the result is temporary (downgrade
     * resistance). Only SRV records without a {@code v=semp1} TXT leave the major to the document:
     * documents of another major on every target make the domain non-SEMP for ours
     * (CONFORMANCE.md §9.1.3); beside a {@code v=semp1} TXT such a document is a broken one.
     */
    private MailCheck.Outcome signalled(DomainName domain, SempProbe.Signalled s) {
        List<ServerTarget> targets = s.srvTargets().isEmpty()
                ? List.of(ServerTarget.domainItself(domain)) : SrvOrder.order(s.srvTargets(), random);
        return switch (configs.fetch(domain, targets)) {
            case ConfigTargets.Outcome.Failed f when !s.declaresOurs() && f.failure().error() == ConfigError.VERSION_UNSUPPORTED ->
                    otherMajor(domain, f.failure().detail(), s.ttl());
            case ConfigTargets.Outcome.Failed f -> new MailCheck.Outcome(Discoveries.temporary(f.failure()), OptionalLong.empty());
            case ConfigTargets.Outcome.Found f -> semp(domain, f, targets, s.capability(), s.sessionTtl(), s.notes(), s.ttl());
        };
    }

    /** No SEMP records: the well-known URI on the domain itself, then the SMTP check (DISCOVERY.md §5.1, §7). */
    private MailCheck.Outcome absent(DomainName domain, SempProbe.Absent a) {
        if (config.wellKnownFallback()) {
            List<ServerTarget> itself = List.of(ServerTarget.domainItself(domain));
            switch (configs.fetch(domain, itself)) {
                case ConfigTargets.Outcome.Found f -> {
                    return semp(domain, f, itself, Optional.empty(), SessionTtl.DEFAULT, List.of(), a.ttl());
                }
                case ConfigTargets.Outcome.Failed f when f.failure().error() == ConfigError.VERSION_UNSUPPORTED -> {
                    return otherMajor(domain, f.failure().detail(), a.ttl());
                }
                case ConfigTargets.Outcome.Failed f when f.failure().error().declaresSemp() -> {
                    return new MailCheck.Outcome(Discoveries.temporary(f.failure()), OptionalLong.empty());
                }
                case ConfigTargets.Outcome.Failed f -> log.debug("discovery {}: no SEMP at the well-known URI: {}", domain, f.failure().detail());
            }
        }
        MailCheck.Outcome m = mail.check(domain);
        Optional<Instant> pin = history.pinnedUntil(domain.ascii());
        if (pin.isPresent() && !(m.result() instanceof DiscoveryResult.Temporary)) {
            return pinned(pin.get(), "its SEMP records are gone");
        }
        return new MailCheck.Outcome(m.result(), SempRecords.min(a.ttl(), m.ttl()));
    }

    /**
     * The domain declares only another SEMP major version: it is non-SEMP for ours, and the SMTP
     * check says whether it has a fallback route (CONFORMANCE.md §9.1.3). A domain pinned to SEMP
     * stays pinned: a newer major still asks for SEMP's protection, not for clear text, and only
     * an explicit opt-out counts as its records saying otherwise (GATEWAY.md §4).
     *
     * @param declared what the domain published: its TXT record, or its document's URL and version
     */
    private MailCheck.Outcome otherMajor(DomainName domain, String declared, OptionalLong dnsTtl) {
        Optional<Instant> pin = history.pinnedUntil(domain.ascii());
        if (pin.isPresent()) {
            return pinned(pin.get(), "it now declares only another SEMP major version: " + declared);
        }
        MailCheck.Outcome m = mail.check(domain);
        DiscoveryResult result = switch (m.result()) {
            case DiscoveryResult.Legacy l -> new DiscoveryResult.OtherMajor(declared, true, l.detail());
            case DiscoveryResult.NotFound n -> new DiscoveryResult.OtherMajor(declared, false, n.detail());
            case DiscoveryResult.Temporary t -> t;
            case DiscoveryResult.Semp _, DiscoveryResult.OtherMajor _ -> throw new IllegalStateException("SMTP check answered " + m.result());
        };
        return new MailCheck.Outcome(result, SempRecords.min(dnsTtl, m.ttl()));
    }

    private static MailCheck.Outcome pinned(Instant until, String change) {
        return new MailCheck.Outcome(new DiscoveryResult.Temporary(DiscoveryResult.Cause.PINNED,
                "seen speaking SEMP, pinned until " + until + "; " + change + " (GATEWAY.md §4)"), OptionalLong.empty());
    }

    private MailCheck.Outcome semp(DomainName domain, ConfigTargets.Outcome.Found f, List<ServerTarget> targets,
                                   Optional<CapabilityRecord> cap, SessionTtl sessionTtl, List<String> notes, OptionalLong dnsTtl) {
        history.sawSemp(domain.ascii(), f.configuration().revision());
        List<String> discrepancies = new ArrayList<>(notes);
        discrepancies.addAll(CrossCheck.discrepancies(cap, f.configuration()));
        return new MailCheck.Outcome(new DiscoveryResult.Semp(f.configuration(), targets, f.host(), cap, sessionTtl, discrepancies), dnsTtl);
    }
}
