package sempgw.semp.egress.discovery;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A domain's session lifetime preferences from its {@code _semp.<domain>} TXT record
 * (HANDSHAKE.md §3.1), e.g. {@code v=semp1;handshake-ttl=300;min-ttl=30;max-ttl=3600}. These
 * bound federation sessions, not the discovery cache. A missing record or parameter takes the
 * spec's default; a record whose minimum exceeds its maximum is ignored as a whole, and the
 * handshake TTL is kept inside [min, max].
 *
 * @param handshakeTtl default session validity
 * @param minTtl       the shortest session the domain accepts
 * @param maxTtl       the longest session the domain honours
 */
public record SessionTtl(Duration handshakeTtl, Duration minTtl, Duration maxTtl) {

    /** The defaults of HANDSHAKE.md §3.1: 300 s, 30 s, 3600 s. */
    public static final SessionTtl DEFAULT = new SessionTtl(Duration.ofSeconds(300), Duration.ofSeconds(30),
            Duration.ofSeconds(3600));

    public SessionTtl {
        Objects.requireNonNull(handshakeTtl, "handshakeTtl");
        Objects.requireNonNull(minTtl, "minTtl");
        Objects.requireNonNull(maxTtl, "maxTtl");
        if (minTtl.compareTo(maxTtl) > 0 || handshakeTtl.compareTo(minTtl) < 0 || handshakeTtl.compareTo(maxTtl) > 0) {
            throw new IllegalArgumentException("need min-ttl <= handshake-ttl <= max-ttl");
        }
    }

    /** Reads one TXT record's text; empty when it is not a SEMP version 1 record. */
    static Optional<SessionTtl> parse(String text) {
        Optional<Map<String, String>> parsed = TxtParameters.parse(text);
        if (parsed.isEmpty() || !TxtParameters.isSemp1(parsed.get())) {
            return Optional.empty();
        }
        Map<String, String> p = parsed.get();
        long min = seconds(p, "min-ttl", DEFAULT.minTtl);
        long max = seconds(p, "max-ttl", DEFAULT.maxTtl);
        if (min > max) {
            return Optional.of(DEFAULT);
        }
        long handshake = Math.clamp(seconds(p, "handshake-ttl", DEFAULT.handshakeTtl), min, max);
        return Optional.of(new SessionTtl(Duration.ofSeconds(handshake), Duration.ofSeconds(min), Duration.ofSeconds(max)));
    }

    private static long seconds(Map<String, String> p, String key, Duration fallback) {
        OptionalLong v = TxtParameters.nonNegative(p.get(key));
        return v.isPresent() ? v.getAsLong() : fallback.toSeconds();
    }
}
