package sempgw.semp.egress.discovery;

import java.time.Duration;
import java.util.Objects;

/**
 * Discovery settings, with defaults.
 *
 * @param dnsTimeout         bound on each DNS question (default 5 s)
 * @param maxConfigTargets   SRV targets tried for the configuration document, in order (default 3)
 * @param wellKnownFallback  without SEMP DNS records, try {@code https://<domain>/.well-known/semp/configuration}
 *                           before the MX check, as DISCOVERY.md §5.1 requires (default true)
 * @param pinDuration        how long a domain seen speaking SEMP stays pinned to SEMP (default 30 d,
 *                           like the weeks of an MTA-STS {@code max_age}; zero disables pinning;
 *                           GATEWAY.md §4)
 * @param revisionMemory     how long the highest configuration revision is remembered (default 30 d)
 * @param maxCacheTtl        ceiling on any cache lifetime, DNS TTLs included (default 7 d)
 * @param maxCacheEntries    domains kept in the cache and in the pin history (default 100000)
 */
public record DiscoveryConfig(Duration dnsTimeout, int maxConfigTargets, boolean wellKnownFallback,
                              Duration pinDuration, Duration revisionMemory, Duration maxCacheTtl,
                              int maxCacheEntries) {

    public DiscoveryConfig {
        Objects.requireNonNull(dnsTimeout, "dnsTimeout");
        Objects.requireNonNull(pinDuration, "pinDuration");
        Objects.requireNonNull(revisionMemory, "revisionMemory");
        Objects.requireNonNull(maxCacheTtl, "maxCacheTtl");
        if (dnsTimeout.isNegative() || dnsTimeout.isZero() || maxConfigTargets < 1 || maxCacheEntries < 1
                || pinDuration.isNegative() || revisionMemory.isNegative() || maxCacheTtl.isNegative()) {
            throw new IllegalArgumentException("invalid discovery settings");
        }
    }

    public static DiscoveryConfig defaults() {
        return new DiscoveryConfig(Duration.ofSeconds(5), 3, true, Duration.ofDays(30), Duration.ofDays(30),
                Duration.ofDays(7), 100_000);
    }

    public DiscoveryConfig withDnsTimeout(Duration d) {
        return new DiscoveryConfig(d, maxConfigTargets, wellKnownFallback, pinDuration, revisionMemory, maxCacheTtl, maxCacheEntries);
    }

    public DiscoveryConfig withWellKnownFallback(boolean on) {
        return new DiscoveryConfig(dnsTimeout, maxConfigTargets, on, pinDuration, revisionMemory, maxCacheTtl, maxCacheEntries);
    }

    public DiscoveryConfig withPinDuration(Duration d) {
        return new DiscoveryConfig(dnsTimeout, maxConfigTargets, wellKnownFallback, d, revisionMemory, maxCacheTtl, maxCacheEntries);
    }
}
