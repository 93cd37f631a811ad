package sempgw.semp.egress.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import sempgw.semp.egress.peers.HttpsDomainKeys;
import sempgw.semp.egress.peers.PeerFixtures;
import sempgw.semp.egress.testing.MutableClock;
import sempgw.semp.egress.testing.TestHttpsServer;
import sempgw.semp.egress.testing.TestTls;

/** One {@link KeysPeer} behind a loopback HTTPS server, with the clients that read it; closed after each test. */
final class KeysHarness implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    final KeysPeer peer;
    final MutableClock clock = new MutableClock(NOW);
    final PeerFixtures.FixedDiscovery discovery;
    final HttpsDomainKeys domainKeys;
    final UserKeysClient users;

    KeysHarness(String domain, TestTls tls, TestHttpsServer https, List<String> peerSuites) throws Exception {
        peer = new KeysPeer(domain, 21);
        https.respond(peer);
        discovery = new PeerFixtures.FixedDiscovery(peer.discovery(https.port(), peerSuites, Duration.ofHours(1)));
        domainKeys = new HttpsDomainKeys(discovery, tls.trustingContext(), clock, Duration.ofSeconds(2), Duration.ofSeconds(2), 64 * 1024);
        users = new UserKeysClient(discovery, domainKeys, tls.trustingContext(), clock, Duration.ofSeconds(2), Duration.ofSeconds(2), 100);
    }

    @Override
    public void close() {
        users.close();
        domainKeys.close();
    }
}
