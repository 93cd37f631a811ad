package sempgw.core.handshake;

import java.util.Objects;
import sempgw.core.keys.DomainSigningPrivateKey;

/**
 * This server's identity in handshakes: its domain, its {@code server_id} (federation messages),
 * and the domain signing key for {@code server_signature} and identity proofs.
 */
public record LocalDomain(String domain, String serverId, DomainSigningPrivateKey signingKey) {
    public LocalDomain {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(signingKey, "signingKey");
        if (domain.isEmpty() || serverId.isEmpty()) {
            throw new IllegalArgumentException("domain and serverId must be non-empty");
        }
    }

    @Override
    public String toString() {
        return "LocalDomain[" + domain + ", " + serverId + ", " + signingKey.keyId() + "]";
    }
}
