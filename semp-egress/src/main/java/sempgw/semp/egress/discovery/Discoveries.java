package sempgw.semp.egress.discovery;

import java.time.Duration;
import java.util.OptionalLong;

/** How failures become {@link DiscoveryResult.Temporary} values, and how long results are cached. */
final class Discoveries {

    /** Defaults when DNS gives no TTL (DISCOVERY.md §6.1, §7.3). */
    static final Duration SEMP_DEFAULT_TTL = Duration.ofHours(1);
    static final Duration LEGACY_DEFAULT_TTL = Duration.ofHours(24);
    static final Duration NOT_FOUND_DEFAULT_TTL = Duration.ofHours(1);
    /**
     * Another major version only: the SEMP default, not the legacy one, since the answer rests on
     * SEMP records that a domain in migration may change back (CONFORMANCE.md §9.1.2).
     */
    static final Duration OTHER_MAJOR_DEFAULT_TTL = SEMP_DEFAULT_TTL;

    private Discoveries() {
    }

    static DiscoveryResult.Temporary temporary(DnsAnswer.Failure f) {
        return new DiscoveryResult.Temporary(f.timeout() ? DiscoveryResult.Cause.DNS_TIMEOUT : DiscoveryResult.Cause.DNS_FAILURE,
                "DNS " + f.detail());
    }

    static DiscoveryResult.Temporary temporary(ConfigFetch.Failed f) {
        DiscoveryResult.Cause cause = switch (f.error()) {
            case UNREACHABLE, TIMEOUT, NOT_FOUND, HTTP_STATUS -> DiscoveryResult.Cause.CONFIG_UNREACHABLE;
            case TLS -> DiscoveryResult.Cause.CONFIG_TLS;
            case TOO_LARGE, MALFORMED, NOT_SEMP, INVALID, DOMAIN_MISMATCH, VERSION_UNSUPPORTED -> DiscoveryResult.Cause.CONFIG_INVALID;
            case REVISION_ROLLBACK -> DiscoveryResult.Cause.CONFIG_ROLLBACK;
        };
        return new DiscoveryResult.Temporary(cause, "configuration " + f.error() + ": " + f.detail());
    }

    /**
     * The cache lifetime of {@code result}: the smallest TTL of the DNS answers it rests on, the
     * spec default when they carried none, the document's {@code ttl_seconds} for SEMP results
     * (DISCOVERY.md §3.5.2, §6.1, §7.3), never more than {@code max}. Zero for temporary results.
     */
    static Duration cacheTtl(DiscoveryResult result, OptionalLong dnsTtl, Duration max) {
        Duration ttl = switch (result) {
            case DiscoveryResult.Semp s -> min(orDefault(dnsTtl, SEMP_DEFAULT_TTL), s.configuration().ttl());
            case DiscoveryResult.Legacy l -> orDefault(dnsTtl, LEGACY_DEFAULT_TTL);
            case DiscoveryResult.OtherMajor o -> orDefault(dnsTtl, OTHER_MAJOR_DEFAULT_TTL);
            case DiscoveryResult.NotFound n -> orDefault(dnsTtl, NOT_FOUND_DEFAULT_TTL);
            case DiscoveryResult.Temporary t -> Duration.ZERO;
        };
        return min(ttl, max);
    }

    private static Duration orDefault(OptionalLong seconds, Duration fallback) {
        return seconds.isPresent() ? Duration.ofSeconds(Math.max(0, seconds.getAsLong())) : fallback;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
