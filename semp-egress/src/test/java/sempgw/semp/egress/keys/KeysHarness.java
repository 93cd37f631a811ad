package sempgw.semp.egress.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import sempgw.semp.egress.peers.HttpsDomainKeys;
import sempgw.semp.egress.peers.PeerFixtures;
import sempgw.semp.egress.testing.LoopbackHttps;
import sempgw.semp.egress.testing.MutableClock;

/** One {@link KeysPeer} behind a test class's {@link LoopbackHttps}, with the clients that read it; closed after each test. */
final class KeysHarness implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    final KeysPeer peer;
    final MutableClock clock = new MutableClock(NOW);
    final PeerFixtures.FixedDiscovery discovery;
    final HttpsDomainKeys domainKeys;
    final UserKeysClient users;

    KeysHarness(String domain, LoopbackHttps https, List<String> peerSuites) throws Exception {
        peer = new KeysPeer(domain, 21);
        https.server().respond(peer);
        discovery = new PeerFixtures.FixedDiscovery(peer.discovery(https.server().port(), peerSuites, Duration.ofHours(1)));
        domainKeys = new HttpsDomainKeys(discovery, https.tls().trustingContext(), clock, Duration.ofSeconds(2), Duration.ofSeconds(2), 64 * 1024);
        users = new UserKeysClient(discovery, domainKeys, https.tls().trustingContext(), clock, Duration.ofSeconds(2), Duration.ofSeconds(2), 100);
    }

    @Override
    public void close() {
        users.close();
        domainKeys.close();
    }
}
