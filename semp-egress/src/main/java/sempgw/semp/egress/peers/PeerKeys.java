package sempgw.semp.egress.peers;

import sempgw.core.handshake.DomainKeyLookup;

/**
 * A peer domain's published signing keys for handshakes (HANDSHAKE.md §5.3), which can be
 * forgotten after a failure so that the next lookup fetches them again (a rotated key, KEY.md §7).
 */
public interface PeerKeys extends DomainKeyLookup {

    /** Drops what is cached for {@code domain}. */
    void invalidate(String domain);
}
