package sempgw.core.handshake;

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

    /** A lookup that knows exactly one domain and key. */
    static DomainKeyLookup of(String domain, DomainSigningPublicKey key) {
        return (d, id) -> d.equals(domain) && id.map(key.keyId()::equals).orElse(true) ? Optional.of(key) : Optional.empty();
    }
}
