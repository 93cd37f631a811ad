package sempgw.core.handshake;

import java.util.Optional;
import sempgw.core.keys.IdentityPublicKey;
import sempgw.core.keys.KeyId;

/**
 * The home server's record of its users' identity keys, for the client identity proof
 * (HANDSHAKE.md §2.5.2; KEY.md §1).
 */
@FunctionalInterface
public interface IdentityKeyDirectory {

    /** The unrevoked identity key {@code keyId} of {@code address}, or empty. */
    Optional<IdentityPublicKey> find(String address, KeyId keyId);
}
