package sempgw.app.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The sub-tables of {@code [semp]}: one small record per {@code [semp.<name>]} table. */
public final class SempPolicies {
    /** The spec's cap on proof-of-work difficulty (HANDSHAKE.md §2.2a: 0 to 28). */
    static final int MAX_DIFFICULTY = 28;
    /** DELIVERY.md §2.4: the retry horizon MUST NOT exceed 7 days. */
    static final Duration MAX_HORIZON = Duration.ofDays(7);

    private SempPolicies() {
    }

    /** {@code [semp.sessions]}: {@code max}, the federation sessions held at once; beyond it {@code server_at_capacity}. */
    public record SessionsConfig(int max) {
    }

    /** {@code [semp.handshake]}: {@code powDifficulty}, the proof-of-work bits demanded of every initiator; 0 = none. */
    public record HandshakeConfig(int powDifficulty) {
    }

    /**
     * {@code [semp.block]} (DELIVERY.md §5, DESIGN.md §7), checked before the handshake completes.
     *
     * @param domains peer domains refused with {@code blocked}
     * @param silentDomains peer domains that get no reply at all
     */
    public record BlockConfig(List<String> domains, List<String> silentDomains) {
        public BlockConfig {
            domains = List.copyOf(domains);
            silentDomains = List.copyOf(silentDomains);
        }
    }

    /** How an unknown sender is first admitted (DELIVERY.md §6.4). */
    public enum FirstContactMode {
        /** Anyone may send. */
        OPEN,
        /** A first envelope from an unknown sender needs a proof of work (HANDSHAKE.md §2.2a.3). */
        CHALLENGE;

        static final String ALLOWED = "one of \"open\", \"challenge\"";

        /** The value as written in the configuration and the published policy. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static FirstContactMode parse(String s) {
            return switch (s.strip().toLowerCase(Locale.ROOT)) {
                case "open" -> OPEN;
                case "challenge" -> CHALLENGE;
                default -> throw new IllegalArgumentException(ALLOWED);
            };
        }
    }

    /** {@code [semp.first_contact]}: the {@code mode}, and the proof-of-work {@code difficulty} in challenge mode. */
    public record FirstContactConfig(FirstContactMode mode, int difficulty) {
        public FirstContactConfig {
            Objects.requireNonNull(mode, "mode");
        }
    }

    /**
     * {@code [semp.rate_limit]}.
     *
     * @param perDomainHour envelopes accepted from one peer domain per hour
     * @param silentFor how long a domain over its limit gets no reply
     */
    public record RateLimitConfig(int perDomainHour, Duration silentFor) {
        public RateLimitConfig {
            Objects.requireNonNull(silentFor, "silentFor");
        }
    }

    /** {@code [semp.receipts]}: {@code relaxedPeers}, whose {@code delivered} counts without a verifiable receipt (logged at WARN). */
    public record ReceiptsConfig(List<String> relaxedPeers) {
        public ReceiptsConfig {
            relaxedPeers = List.copyOf(relaxedPeers);
        }
    }

    /**
     * {@code [semp.queue]}: the SEMP sender queue (DELIVERY.md §2.3, §2.4).
     *
     * @param dir its directory, encrypted at rest under {@code queue.key_file}
     * @param horizon how long an envelope is retried at most: min(postmark.expires, queued_at + horizon)
     */
    public record SenderQueueConfig(Path dir, Duration horizon) {
        public SenderQueueConfig {
            Objects.requireNonNull(dir, "dir");
            Objects.requireNonNull(horizon, "horizon");
        }
    }
}
