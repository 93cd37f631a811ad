package sempgw.semp.egress.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sempgw.core.SempReason;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;
import sempgw.core.handshake.Capabilities;
import sempgw.core.handshake.ChallengePolicy;
import sempgw.core.handshake.DomainProofVerifier;
import sempgw.core.handshake.LocalDomain;
import sempgw.core.handshake.PowDemand;
import sempgw.core.handshake.ServerSignature;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonParser;
import sempgw.semp.egress.discovery.DiscoveryResult;
import sempgw.semp.egress.peers.PeerFixtures;
import sempgw.semp.egress.testing.MutableClock;

/**
 * A peer that issues a challenge out of the bounds of HANDSHAKE.md §2.2a.2 is misbehaving: the
 * handshake ends with our signed {@code challenge_invalid} abort (§2.2a.6), terminally.
 */
final class FederationClientChallengeTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
    private final DiscoveryResult.Semp published = PeerFixtures.semp(FakePeer.DOMAIN, Map.of("h2", "https://semp.b.example/v1/federate"),
            "https://semp.b.example/.well-known/semp/domain-keys", List.of("x25519-chacha20-poly1305"), Duration.ofHours(1));
    private final PeerFixtures.FixedDiscovery discovery = new PeerFixtures.FixedDiscovery(published);
    private final FakePeer peer = new FakePeer(clock::instant, Capabilities.of(SuiteId.X25519_CHACHA20_POLY1305),
            ChallengePolicy.always(PowDemand.of(8)), DomainProofVerifier.signedWithHttpsPublishedKey(), Duration.ofHours(1));
    private final InMemoryTransport h2 = new InMemoryTransport("h2", peer);
    private final FederationClient client = new FederationClient(
            FederationSettings.defaults(new LocalDomain(FakePeer.LOCAL, "srv-a", FakePeer.OUR_KEY)), discovery,
            PeerFixtures.keys(FakePeer.DOMAIN, FakePeer.PEER_KEY.publicKey()), List.of(h2), RandomSource.secure());

    @AfterEach
    void close() {
        client.close();
    }

    /** The peer re-issues every challenge with {@code difficulty}, expiring {@code lifetime} after it is sent. */
    private void peerChallenges(long difficulty, Duration lifetime) {
        peer.challengeSent = m -> PeerFixtures.reissuedChallenge(m, difficulty, clock.instant().plus(lifetime), FakePeer.PEER_KEY);
    }

    private DeliveryException refusal() {
        return FederationClientRefusalTest.refusal(client, clock.instant());
    }

    @ParameterizedTest(name = "difficulty {0}, expires in {1} s")
    @CsvSource({"29, 600", "40, 600", "21, 59", "25, 119"})
    void channel_challengeAboveTheCapOrBelowTheExpiryFloor_terminalChallengeInvalidAfterOurSignedAbort(long difficulty, long seconds)
            throws Exception {
        peerChallenges(difficulty, Duration.ofSeconds(seconds));

        DeliveryException e = refusal();

        assertThat(e.reason()).contains(SempReason.CHALLENGE_INVALID);
        assertThat(e.terminal()).as("HANDSHAKE.md §2.2a.2: MUST NOT retry under the same conditions").isTrue();
        assertThat(e.refusedChallenge()).hasValueSatisfying(c -> assertThat(c.difficulty()).hasValue(difficulty));
        assertThat(peer.handshakes).as("never solved").hasValue(0);
        JsonObject abort = JsonParser.parseObject(peer.lastHandshakeMessage);
        assertThat(abort.requireString("step")).isEqualTo("rejected");
        assertThat(abort.requireString("reason_code")).isEqualTo("challenge_invalid");
        assertThat(ServerSignature.verify(abort, FakePeer.OUR_KEY.publicKey())).as("a federation abort is signed (§2.2a.6)").isTrue();
        assertThat(h2.connections).singleElement().satisfies(c -> assertThat(c.isOpen()).isFalse());
    }
}
