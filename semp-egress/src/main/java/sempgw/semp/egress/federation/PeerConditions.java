package sempgw.semp.egress.federation;

import java.util.Optional;
import sempgw.core.keys.KeyId;
import sempgw.semp.egress.discovery.DiscoveryResult;
import sempgw.semp.egress.peers.PeerDiscovery;
import sempgw.semp.egress.peers.PeerKeys;

/**
 * What a peer publishes that a handshake with it depends on: the revision of its configuration
 * document, which its operator MUST increment on any change (DISCOVERY.md §3.5.1), and the domain
 * key that signs its handshake messages (HANDSHAKE.md §5.3), whose rotation need not change the
 * revision (§3.5.1). A peer that issued a challenge outside the bounds of HANDSHAKE.md §2.2a.2 is
 * not handshaked with again "under the same conditions": while both are what they were.
 *
 * @param revision   the configuration document's {@code revision}
 * @param signingKey the peer's current domain signing key
 */
record PeerConditions(long revision, KeyId signingKey) {

    /**
     * The peer's conditions from discovery and its keys as they answer now (from their caches
     * while fresh); empty when either has no answer now, which tells nothing about a change.
     */
    static Optional<PeerConditions> current(String domain, PeerDiscovery discovery, PeerKeys keys) {
        if (!(discovery.discover(domain) instanceof DiscoveryResult.Semp semp)) {
            return Optional.empty();
        }
        return keys.find(domain, Optional.empty()).map(k -> new PeerConditions(semp.configuration().revision(), k.keyId()));
    }

    /** For the log: {@code configuration revision 17, domain key 3f2a…}. */
    String describe() {
        return "configuration revision " + revision + ", domain key " + signingKey.hex();
    }
}
