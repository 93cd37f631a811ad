package sempgw.semp.ingress.receive;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link UserBlockList} in memory: per recipient, entries keyed by a sender address (user entity)
 * or a domain (domain entity, matching any address {@code @domain}, DELIVERY.md §5.3). A user
 * entry wins over a domain entry.
 */
public final class InMemoryUserBlockList implements UserBlockList {
    private final Map<String, Map<String, Action>> byRecipient = new ConcurrentHashMap<>();

    /** Blocks the address {@code senderAddress} for {@code recipient}. */
    public void blockUser(String recipient, String senderAddress, Action action) {
        entries(recipient).put("user:" + senderAddress, action);
    }

    /** Blocks every address of {@code domain} for {@code recipient}. */
    public void blockDomain(String recipient, String domain, Action action) {
        entries(recipient).put("domain:" + domain, action);
    }

    @Override
    public Optional<Action> match(String recipient, String senderAddress, String senderDomain) {
        Map<String, Action> entries = byRecipient.getOrDefault(recipient, Map.of());
        Action user = entries.get("user:" + senderAddress);
        return Optional.ofNullable(user != null ? user : entries.get("domain:" + senderDomain));
    }

    private Map<String, Action> entries(String recipient) {
        return byRecipient.computeIfAbsent(recipient, r -> new ConcurrentHashMap<>());
    }
}
