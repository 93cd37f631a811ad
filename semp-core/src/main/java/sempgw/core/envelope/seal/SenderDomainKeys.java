package sempgw.core.envelope.seal;

import java.util.List;
import sempgw.core.keys.DomainSigningPublicKey;

/**
 * The published, unrevoked signing keys of a sender domain (KEY.md §2), already fetched and
 * verified by the caller. An empty list means none is known and the seal fails closed
 * ({@code seal_invalid}); a caller that could not fetch keys for a transient reason should answer
 * before calling the pipeline.
 */
@FunctionalInterface
public interface SenderDomainKeys {

    /** The current signing keys of {@code domain}. */
    List<DomainSigningPublicKey> signingKeys(String domain);
}
