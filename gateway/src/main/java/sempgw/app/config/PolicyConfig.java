package sempgw.app.config;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import sempgw.policy.DeliveryMode;
import sempgw.policy.PolicyTable;

/**
 * The {@code [policy]} table: the organisation's consent to sending in clear (GATEWAY.md §4).
 *
 * @param defaultMode the mode where no rule applies
 * @param senders rules by sender address or domain, as written
 * @param recipientDomains rules by recipient domain ({@code .example.org}: its subdomains), as written
 * @param pinDuration how long a domain seen speaking SEMP stays pinned to SEMP: losing its
 *     records within that time is a temporary failure, never a reason to send in clear (like
 *     MTA-STS {@code max_age}, RFC 8461 §5); only an explicit opt-out clears a pin earlier
 */
public record PolicyConfig(DeliveryMode defaultMode, Map<String, DeliveryMode> senders, Map<String, DeliveryMode> recipientDomains,
                           Duration pinDuration) {
    public PolicyConfig {
        Objects.requireNonNull(defaultMode, "defaultMode");
        senders = Map.copyOf(senders);
        recipientDomains = Map.copyOf(recipientDomains);
        Objects.requireNonNull(pinDuration, "pinDuration");
    }

    /** The rules as the router reads them; every key was checked when the file was read. */
    public PolicyTable table() {
        PolicyTable.Builder b = PolicyTable.builder(defaultMode);
        senders.forEach(b::sender);
        recipientDomains.forEach(b::recipientDomain);
        return b.build();
    }

    static PolicyConfig read(TomlTable t) {
        PolicyConfig c = new PolicyConfig(
                t.parsed("default_mode", DeliveryMode.SEMP_PREFERRED, PolicyConfig::mode),
                t.map("senders", key -> checked(key, k -> PolicyTable.builder(DeliveryMode.SEMP_PREFERRED).sender(k, DeliveryMode.SEMP_PREFERRED)),
                        PolicyConfig::mode),
                t.map("recipient_domains", key -> checked(key,
                        k -> PolicyTable.builder(DeliveryMode.SEMP_PREFERRED).recipientDomain(k, DeliveryMode.SEMP_PREFERRED)), PolicyConfig::mode),
                t.duration("pin_duration", Duration.ofDays(30), Duration.ZERO, Duration.ofDays(365)));
        t.finish();
        try {
            c.table();
        } catch (IllegalArgumentException e) {
            throw new ConfigException("policy", "(rules)", e.getMessage());
        }
        return c;
    }

    private static DeliveryMode mode(String s) {
        return DeliveryMode.parse(s).orElseThrow(() -> new IllegalArgumentException("one of semp-required, semp-preferred, smtp-only"));
    }

    /** The key unchanged once the policy module accepts it; its message says what is allowed otherwise. */
    private static String checked(String key, java.util.function.Consumer<String> check) {
        check.accept(key);
        return key;
    }
}
