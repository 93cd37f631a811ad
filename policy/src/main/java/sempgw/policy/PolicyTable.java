package sempgw.policy;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The organisation's delivery policy as tables (GATEWAY.md §4): a default mode, rules per sender
 * and rules per recipient domain. Immutable; built once from the configuration.
 *
 * <h2>Matching</h2>
 * <ul>
 *   <li>Sender rules are keyed by a full address ({@code alice@example.com}) or a bare domain
 *       ({@code example.com}); the address rule beats the domain rule. The null reverse-path
 *       (an empty sender) matches no sender rule.</li>
 *   <li>Recipient rules are keyed by a domain ({@code example.org}, that domain only) or by a
 *       leading-dot suffix ({@code .example.org}, every subdomain but not the domain itself; write
 *       both to cover both). The exact domain beats a suffix; a longer suffix beats a shorter.</li>
 *   <li>Domains and addresses compare case-insensitively, in A-label form (RFC 5321 §2.4).</li>
 * </ul>
 *
 * <h2>Precedence</h2>
 * <ol>
 *   <li>The author's {@code SEMP-Require: yes} makes the message {@code semp-required}, whatever
 *       the tables say: an author may upgrade, never downgrade (GATEWAY.md §4).</li>
 *   <li>No rule applies: the default mode.</li>
 *   <li>One rule applies (sender or recipient): that rule, even when it is weaker than the
 *       default, because an explicit rule is the operator's decision for that case.</li>
 *   <li>A sender rule and a recipient rule both apply: {@code semp-required} if either says so
 *       (never in clear), else {@code smtp-only} if either says so, else {@code semp-preferred}.</li>
 * </ol>
 */
public final class PolicyTable {

    private final DeliveryMode defaultMode;
    private final Map<String, DeliveryMode> senders;
    private final Map<String, DeliveryMode> recipientDomains;

    private PolicyTable(DeliveryMode defaultMode, Map<String, DeliveryMode> senders, Map<String, DeliveryMode> recipientDomains) {
        this.defaultMode = Objects.requireNonNull(defaultMode, "defaultMode");
        this.senders = Map.copyOf(senders);
        this.recipientDomains = Map.copyOf(recipientDomains);
    }

    /** A table with no rules: every message gets {@code defaultMode}. */
    public static PolicyTable of(DeliveryMode defaultMode) {
        return builder(defaultMode).build();
    }

    /** Starts a table with this default mode. */
    public static Builder builder(DeliveryMode defaultMode) {
        return new Builder(defaultMode);
    }

    /** The mode used when no rule applies. */
    public DeliveryMode defaultMode() {
        return defaultMode;
    }

    /**
     * The mode for one recipient of one message, by the precedence in the class description.
     *
     * @param senderAddress the SMTP reverse-path without brackets; empty for the null sender
     * @param recipientDomain the recipient's domain in A-label form
     * @param authorRequiresSemp whether the message carried {@code SEMP-Require: yes}
     */
    public DeliveryMode modeFor(String senderAddress, String recipientDomain, boolean authorRequiresSemp) {
        Objects.requireNonNull(senderAddress, "senderAddress");
        Objects.requireNonNull(recipientDomain, "recipientDomain");
        if (authorRequiresSemp) {
            return DeliveryMode.SEMP_REQUIRED;
        }
        Optional<DeliveryMode> sender = senderRule(senderAddress);
        Optional<DeliveryMode> recipient = recipientRule(recipientDomain);
        if (sender.isPresent() && recipient.isPresent()) {
            return strictest(sender.get(), recipient.get());
        }
        return sender.or(() -> recipient).orElse(defaultMode);
    }

    /**
     * The sender rule that applies to this address, if any: the address rule, else its domain's.
     * The null sender, and anything without an {@code @}, matches no rule.
     */
    public Optional<DeliveryMode> senderRule(String senderAddress) {
        if (senderAddress.indexOf('@') < 0) {
            return Optional.empty();
        }
        String address = RuleKeys.address(senderAddress);
        DeliveryMode byAddress = senders.get(address);
        return byAddress != null ? Optional.of(byAddress) : Optional.ofNullable(senders.get(RuleKeys.domainOf(address)));
    }

    /** The recipient rule that applies to this domain, if any: exact, else the longest suffix. */
    public Optional<DeliveryMode> recipientRule(String recipientDomain) {
        String domain = RuleKeys.domain(recipientDomain);
        DeliveryMode exact = recipientDomains.get(domain);
        if (exact != null) {
            return Optional.of(exact);
        }
        for (int dot = domain.indexOf('.'); dot >= 0; dot = domain.indexOf('.', dot + 1)) {
            DeliveryMode suffix = recipientDomains.get(domain.substring(dot));
            if (suffix != null) {
                return Optional.of(suffix);
            }
        }
        return Optional.empty();
    }

    /** Required beats everything (never in clear); then smtp-only beats preferred. */
    private static DeliveryMode strictest(DeliveryMode a, DeliveryMode b) {
        if (a == DeliveryMode.SEMP_REQUIRED || b == DeliveryMode.SEMP_REQUIRED) {
            return DeliveryMode.SEMP_REQUIRED;
        }
        if (a == DeliveryMode.SMTP_ONLY || b == DeliveryMode.SMTP_ONLY) {
            return DeliveryMode.SMTP_ONLY;
        }
        return DeliveryMode.SEMP_PREFERRED;
    }

    /** Collects rules; every key is checked and normalised, and a key given twice is an error. */
    public static final class Builder {
        private final DeliveryMode defaultMode;
        private final Map<String, DeliveryMode> senders = new HashMap<>();
        private final Map<String, DeliveryMode> recipientDomains = new HashMap<>();

        private Builder(DeliveryMode defaultMode) {
            this.defaultMode = Objects.requireNonNull(defaultMode, "defaultMode");
        }

        /** A rule for a full sender address or a bare sender domain. */
        public Builder sender(String key, DeliveryMode mode) {
            put(senders, RuleKeys.senderKey(Objects.requireNonNull(key, "key")), mode, key);
            return this;
        }

        /** A rule for a recipient domain, or for its subdomains when the key starts with a dot. */
        public Builder recipientDomain(String key, DeliveryMode mode) {
            put(recipientDomains, RuleKeys.recipientKey(Objects.requireNonNull(key, "key")), mode, key);
            return this;
        }

        public PolicyTable build() {
            return new PolicyTable(defaultMode, senders, recipientDomains);
        }

        private static void put(Map<String, DeliveryMode> rules, String normalised, DeliveryMode mode, String key) {
            Objects.requireNonNull(mode, "mode");
            if (rules.putIfAbsent(normalised, mode) != null) {
                throw new IllegalArgumentException("policy rule given twice: \"" + key + "\" (keys ignore case)");
            }
        }
    }
}
