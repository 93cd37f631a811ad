package sempgw.semp.ingress.documents;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import sempgw.core.envelope.SempAddress;
import sempgw.core.keys.KeyType;

/**
 * A {@code SEMP_KEYS} request (KEY.md §4.1, §4.2) after validation, or the single-address lookup
 * of a {@code GET} (KEY.md §3.1).
 *
 * @param id the request id echoed in the response
 * @param addresses canonical addresses in request order (duplicates kept)
 * @param keyTypes the requested types; empty means all (KEY.md §4.2)
 * @param includeDomainKeys whether found results carry {@code domain_key}/{@code domain_enc_key}
 *     (semp-go's field, default true; CLIENT.md §5.4)
 */
public record KeysRequest(String id, List<SempAddress> addresses, Optional<Set<KeyType>> keyTypes, boolean includeDomainKeys) {

    public KeysRequest {
        Objects.requireNonNull(id, "id");
        addresses = List.copyOf(addresses);
        keyTypes = keyTypes.map(Set::copyOf);
    }

    /** Whether a record of {@code type} is wanted. */
    boolean wants(KeyType type) {
        return keyTypes.map(t -> t.contains(type)).orElse(true);
    }
}
