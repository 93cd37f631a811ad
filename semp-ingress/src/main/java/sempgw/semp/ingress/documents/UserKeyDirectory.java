package sempgw.semp.ingress.documents;

import java.util.List;
import sempgw.core.envelope.SempAddress;

/**
 * Where the published user keys come from (KEY.md §3): per canonical address, the identity and
 * encryption key records with their signatures, revoked ones included (KEY.md §8.4: retained
 * forever).
 *
 * <p>The interface cannot say whether an address exists: an unknown address and a known one
 * without keys both give an empty list, so the documents cannot leak the difference
 * (DESIGN.md §2.7). Implementations must answer both from the same code path, with no extra work
 * for either (for example one map lookup with an empty default).
 */
public interface UserKeyDirectory {

    /** The address's key records in publication order; empty when it has none or does not exist. */
    List<PublishedKey> keys(SempAddress address);
}
