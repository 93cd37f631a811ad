package sempgw.core.envelope.seal;

import java.util.List;
import sempgw.core.keys.DomainEncryptionPrivateKey;

/**
 * Our own domain encryption keys, to open the brief of envelopes addressed to a domain we serve
 * (ENVELOPE.md §7.2 step 5). An empty list means we do not serve {@code toDomain}.
 */
@FunctionalInterface
public interface DomainDecryptionKeys {

    /** The private domain encryption keys for {@code toDomain} (current first, then older ones). */
    List<DomainEncryptionPrivateKey> forDomain(String toDomain);
}
