package sempgw.semp.egress.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SuiteId;
import sempgw.core.handshake.Capabilities;
import sempgw.core.handshake.ChallengePolicy;
import sempgw.core.handshake.DomainProofVerifier;
import sempgw.core.handshake.LocalDomain;
import sempgw.semp.egress.peers.PeerFixtures;
import sempgw.semp.egress.peers.PeerKeys;
import sempgw.semp.egress.testing.MutableClock;

/**
 * The client's per-domain table stays bounded by what is live: sessions that closed or expired
 * are swept (keys erased), failures are forgotten once their hold ends, and concurrent callers
 * with invalidations in between never hold two sessions with one peer.
 */
final class FederationClientTableTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
    private final PeerFixtures.FixedDiscovery discovery = new PeerFixtures.FixedDiscovery(PeerFixtures.semp(FakePeer.DOMAIN,
            Map.of("h2", "https://semp.b.example/v1/federate"), "https://semp.b.example/.well-known/semp/domain-keys",
            List.of("x25519-chacha20-poly1305"), Duration.ofHours(1)));
    private final PeerKeys keys = PeerFixtures.keys(FakePeer.DOMAIN, FakePeer.PEER_KEY.publicKey());
    private FederationClient client;

    private FederationClient client(FederationTransport transport) {
        client = new FederationClient(FederationSettings.defaults(new LocalDomain(FakePeer.LOCAL, "srv-a", FakePeer.OUR_KEY)),
                discovery, keys, List.of(transport), RandomSource.secure());
        return client;
    }

    /** h2 to a peer that grants sessions of two minutes. */
    private InMemoryTransport twoMinuteSessions() {
        return new InMemoryTransport("h2", new FakePeer(clock::instant, Capabilities.of(SuiteId.X25519_CHACHA20_POLY1305),
                ChallengePolicy.never(), DomainProofVerifier.signedWithHttpsPublishedKey(), Duration.ofMinutes(2)));
    }

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void channel_afterASessionExpiredUnused_sweepDropsItAndErasesItsKeys() throws Exception {
        InMemoryTransport h2 = twoMinuteSessions();
        PeerChannel expired = (PeerChannel) client(h2).channel(FakePeer.DOMAIN, clock.instant());
        assertThat(client.trackedPeers()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(3));
        discovery.answer(new sempgw.semp.egress.discovery.DiscoveryResult.Legacy("gone"));

        assertThatThrownBy(() -> client.channel("other.example", clock.instant())).isInstanceOf(DeliveryException.class);
        assertThat(h2.connections.getFirst().isOpen()).isFalse();
        assertThatThrownBy(expired::envMacKey).isInstanceOf(IllegalStateException.class);
        clock.advance(FederationSettings.defaults(new LocalDomain(FakePeer.LOCAL, "srv-a", FakePeer.OUR_KEY)).failureHold());
        clock.advance(FederationClient.SWEEP_INTERVAL);
        assertThatThrownBy(() -> client.channel("third.example", clock.instant())).isInstanceOf(DeliveryException.class);
        assertThat(client.trackedPeers()).as("only third.example's failure hold").isEqualTo(1);
    }

    /** SESSION.md §2.4: an expired session's keys are erased by the owner's periodic sweep, with no further call for any peer. */
    @Test
    void sweep_sessionExpiredWithNoFurtherDelivery_closesItErasesItsKeysAndForgetsThePeer() throws Exception {
        InMemoryTransport h2 = twoMinuteSessions();
        PeerChannel channel = (PeerChannel) client(h2).channel(FakePeer.DOMAIN, clock.instant());
        SecretBytes envMac = channel.envMacKey();
        client.sweep(clock.instant().plus(Duration.ofMinutes(1)));
        assertThat(envMac.isDestroyed()).as("a live session is kept").isFalse();

        client.sweep(clock.instant().plus(Duration.ofMinutes(2)).plusSeconds(1));

        assertThat(envMac.isDestroyed()).isTrue();
        assertThatThrownBy(channel.session()::keys).isInstanceOf(IllegalStateException.class);
        assertThat(h2.connections.getFirst().isOpen()).isFalse();
        assertThat(client.trackedPeers()).isZero();
    }

    @Test
    void sweep_connectionClosedByThePeer_erasesTheSessionKeys() throws Exception {
        InMemoryTransport h2 = new InMemoryTransport("h2", FakePeer.standard(clock::instant));
        PeerChannel channel = (PeerChannel) client(h2).channel(FakePeer.DOMAIN, clock.instant());
        SecretBytes envMac = channel.envMacKey();
        h2.connections.getFirst().breakIt();

        client.sweep(clock.instant());

        assertThat(envMac.isDestroyed()).isTrue();
        assertThat(client.trackedPeers()).isZero();
    }

    @Test
    void channel_manyFailingPeers_forgottenOnceTheirHoldEnds() {
        InMemoryTransport h2 = new InMemoryTransport("h2", FakePeer.standard(clock::instant));
        h2.refuseConnect.set(true);
        client(h2);
        for (int i = 0; i < 200; i++) {
            String domain = "peer" + i + ".example";
            assertThatThrownBy(() -> client.channel(domain, clock.instant())).isInstanceOf(DeliveryException.class);
        }
        assertThat(client.trackedPeers()).isEqualTo(200);

        clock.advance(FederationClient.SWEEP_INTERVAL);
        assertThatThrownBy(() -> client.channel("last.example", clock.instant())).isInstanceOf(DeliveryException.class);

        assertThat(client.trackedPeers()).isEqualTo(1);
    }

    @Test
    void invalidate_ofALiveSession_forgetsThePeer() throws Exception {
        client(new InMemoryTransport("h2", FakePeer.standard(clock::instant))).channel(FakePeer.DOMAIN, clock.instant());

        client.invalidate(FakePeer.DOMAIN);

        assertThat(client.trackedPeers()).isZero();
    }

    @Test
    void channel_afterClose_failsWithoutConnecting() {
        InMemoryTransport h2 = new InMemoryTransport("h2", FakePeer.standard(clock::instant));
        client(h2).close();

        assertThatThrownBy(() -> client.channel(FakePeer.DOMAIN, clock.instant())).isInstanceOf(DeliveryException.class)
                .hasMessageContaining("closed");
        assertThat(h2.connects).hasValue(0);
        assertThat(client.trackedPeers()).isZero();
    }

    @Test
    void channel_concurrentCallersAndInvalidations_neverTwoOpenSessionsWithOnePeer() throws Exception {
        FakePeer peer = FakePeer.standard(clock::instant);
        InMemoryTransport h2 = new InMemoryTransport("h2", peer);
        client(h2);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int worker = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 6; i++) {
                        client.channel(FakePeer.DOMAIN, clock.instant());
                        if ((i + worker) % 3 == 0) {
                            client.invalidate(FakePeer.DOMAIN);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        assertThat(h2.connections.stream().filter(InMemoryTransport.Connection::isOpen).count()).isLessThanOrEqualTo(1);
        assertThat(peer.handshakes.get()).isEqualTo(h2.connects.get());
    }
}
