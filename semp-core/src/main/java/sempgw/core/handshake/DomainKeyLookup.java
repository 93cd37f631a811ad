package sempgw.core.handshake;

import java.util.Objects;
import java.util.Optional;
import sempgw.core.keys.DomainSigningPublicKey;
import sempgw.core.keys.KeyId;

/**
 * Finds a peer domain's published signing key (HANDSHAKE.md §5.3: cache, then SRV, well-known
 * configuration and {@code domain_keys} over HTTPS). The handshake calls it synchronously; back
 * it with a cache filled before the handshake starts.
 */
@FunctionalInterface
public interface DomainKeyLookup {

    /**
     * The current, unrevoked signing key of {@code domain}; the one named {@code keyId} when the
     * message names one (semp-go sends the real fingerprint), otherwise the primary key.
     */
    Optional<DomainSigningPublicKey> find(String domain, Optional<KeyId> keyId);

    /**
     * {@link #find}'s answer, telling a key the domain does not publish apart from keys that cannot
     * be learned now (network, timeout, HTTP 5xx, DNS): the responder refuses the first with
     * {@code auth_failed} and the second with a recoverable code. By default {@link #find}'s
     * answer, never {@link Unavailable}; a lookup that fetches overrides it.
     */
    default Answer lookup(String domain, Optional<KeyId> keyId) {
        return find(domain, keyId).<Answer>map(Found::new).orElseGet(NotPublished::new);
    }

    /** A lookup that knows exactly one domain and key. */
    static DomainKeyLookup of(String domain, DomainSigningPublicKey key) {
        return (d, id) -> d.equals(domain) && id.map(key.keyId()::equals).orElse(true) ? Optional.of(key) : Optional.empty();
    }

    /** What {@link #lookup} learned. */
    sealed interface Answer permits Found, NotPublished, Unavailable {
    }

    /** The key the domain publishes. */
    record Found(DomainSigningPublicKey key) implements Answer {
        public Found {
            Objects.requireNonNull(key, "key");
        }
    }

    /** The domain publishes no such key (or none at all, or nothing usable). */
    record NotPublished() implements Answer {
    }

    /** The domain's keys cannot be learned now; asking again later may succeed. */
    record Unavailable() implements Answer {
    }
}
