package sempgw.semp.egress.federation;

import java.time.Instant;

/**
 * The federation sessions this gateway holds with peer domains, one per domain
 * (SESSION.md §2.5.2, CONFORMANCE.md §4.3). {@link FederationClient} is the implementation.
 */
public interface PeerSessions extends AutoCloseable {

    /** The established session with the peer domain, reusing one when live (rekeyed when due). */
    FederationChannel channel(String peerDomain, Instant now) throws DeliveryException;

    /** Drop the session and the discovery cache entry after a failure (DISCOVERY.md §6.1). */
    void invalidate(String peerDomain);

    /** Closes every connection and erases every session key (SESSION.md §2.4). */
    @Override
    void close();
}
