package sempgw.core.handshake;

import java.util.Objects;
import java.util.Optional;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;

/**
 * The responder's {@code federation_policy} in message 2 (HANDSHAKE.md §5.5; field set per
 * semp-go): how long it retains delivered envelopes, whether per-user discovery is allowed, and
 * whether it relays for third parties. The initiator accepts or declines it with a
 * {@link Acceptor}.
 *
 * @param messageRetention a duration such as {@code "7d"}
 * @param userDiscovery {@code "allowed"} or {@code "denied"}
 * @param relayAllowed whether relayed envelopes are accepted
 */
public record FederationPolicy(String messageRetention, String userDiscovery, boolean relayAllowed) {
    public FederationPolicy {
        Objects.requireNonNull(messageRetention, "messageRetention");
        Objects.requireNonNull(userDiscovery, "userDiscovery");
    }

    JsonObject toJson() {
        return JsonObject.builder()
                .put("message_retention", messageRetention)
                .put("user_discovery", userDiscovery)
                .put("relay_allowed", relayAllowed)
                .build();
    }

    static FederationPolicy read(JsonObject o) throws JsonException {
        return new FederationPolicy(o.requireString("message_retention"), o.requireString("user_discovery"),
                o.requireBoolean("relay_allowed"));
    }

    /** The initiator's judgement of a responder's policy (HANDSHAKE.md §5.6). */
    @FunctionalInterface
    public interface Acceptor {

        /** Empty to accept; otherwise the reason, sent in {@code federation_acceptance.reason}. */
        Optional<String> objection(FederationPolicy policy);

        /** Accepts every policy. */
        static Acceptor acceptAny() {
            return p -> Optional.empty();
        }
    }
}
