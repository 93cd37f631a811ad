package sempgw.core.envelope.compose;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import sempgw.core.keys.DomainEncryptionPublicKey;
import sempgw.core.keys.UserEncryptionPublicKey;

/**
 * The public keys composing needs, fetched beforehand (ENVELOPE.md §7.1 step 6, CLIENT.md §5.4):
 * composing is pure and does no lookups of its own.
 *
 * @param domainKeys recipient domain to its domain encryption key
 * @param clientKeys canonical recipient address to its current client encryption keys
 */
public record RecipientKeys(Map<String, DomainEncryptionPublicKey> domainKeys,
                            Map<String, List<UserEncryptionPublicKey>> clientKeys) {
    public RecipientKeys {
        domainKeys = Map.copyOf(domainKeys);
        clientKeys = Map.copyOf(clientKeys);
    }

    /** The domain key of {@code domain}. */
    public Optional<DomainEncryptionPublicKey> domainKey(String domain) {
        return Optional.ofNullable(domainKeys.get(domain));
    }

    /** The client keys of {@code address}; empty when unknown. */
    public List<UserEncryptionPublicKey> clientKeysOf(String address) {
        return clientKeys.getOrDefault(address, List.of());
    }
}
