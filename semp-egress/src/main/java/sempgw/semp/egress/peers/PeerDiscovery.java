package sempgw.semp.egress.peers;

import java.util.Objects;
import sempgw.semp.egress.discovery.DiscoveryResult;
import sempgw.semp.egress.discovery.SempDiscovery;

/**
 * What the federation client and the key lookup need from discovery: the result for a domain,
 * and dropping it after a failure (DISCOVERY.md §6.1). {@link #of(SempDiscovery)} adapts the
 * real one; tests pass a fixed answer.
 */
public interface PeerDiscovery {

    /** Discovers {@code domain}, from the cache when fresh. Blocking. */
    DiscoveryResult discover(String domain);

    /** Drops the cached result for {@code domain}. */
    void invalidate(String domain);

    /** The gateway's discovery. */
    static PeerDiscovery of(SempDiscovery discovery) {
        Objects.requireNonNull(discovery, "discovery");
        return new PeerDiscovery() {
            @Override
            public DiscoveryResult discover(String domain) {
                return discovery.discover(domain);
            }

            @Override
            public void invalidate(String domain) {
                discovery.invalidate(domain);
            }
        };
    }
}
