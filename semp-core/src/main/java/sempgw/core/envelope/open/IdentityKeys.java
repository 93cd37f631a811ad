package sempgw.core.envelope.open;

import java.util.Optional;
import sempgw.core.keys.IdentityPublicKey;

/**
 * The sender identity keys a client trusts: currently published or published and since revoked
 * (ENVELOPE.md §6.5.3), fetched beforehand from the sender's key set (KEY.md §3).
 */
@FunctionalInterface
public interface IdentityKeys {

    /** The identity key of {@code address} whose fingerprint is {@code keyId}, if known. */
    Optional<IdentityPublicKey> find(String address, String keyId);

    /** Exactly one known key: {@code key} for {@code address}. */
    static IdentityKeys of(String address, IdentityPublicKey key) {
        return (a, id) -> a.equals(address) && id.equals(key.keyId().hex()) ? Optional.of(key) : Optional.empty();
    }
}
