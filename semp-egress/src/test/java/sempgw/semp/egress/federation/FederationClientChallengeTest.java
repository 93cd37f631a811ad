package sempgw.semp.egress.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sempgw.core.SempReason;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;
import sempgw.core.handshake.Capabilities;
import sempgw.core.handshake.ChallengePolicy;
import sempgw.core.handshake.DomainKeyLookup;
import sempgw.core.handshake.DomainProofVerifier;
import sempgw.core.handshake.LocalDomain;
import sempgw.core.handshake.PowDemand;
import sempgw.core.handshake.ServerSignature;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonParser;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.core.keys.DomainSigningPublicKey;
import sempgw.core.keys.KeyId;
import sempgw.semp.egress.discovery.DiscoveryResult;
import sempgw.semp.egress.peers.PeerFixtures;
import sempgw.semp.egress.peers.PeerKeys;
import sempgw.semp.egress.testing.MutableClock;

/**
 * A peer that issues a challenge above the difficulty cap of HANDSHAKE.md §2.2a.2 is misbehaving:
 * the handshake ends with our signed {@code challenge_invalid} abort (§2.2a.6), terminally, and no
 * handshake is tried again under the same conditions: until the hold ends, or until the peer
 * publishes another configuration revision or domain key. A challenge whose {@code expires} is
 * below the floor gets the same signed abort, but only as an ordinary failed setup: latency or a
 * second of clock skew puts a conformant peer's challenge there (CONFORMANCE.md §9.3.3).
 */
final class FederationClientChallengeTest {

    private static final Duration HOLD = FederationSettings.DEFAULT_MISBEHAVING_HOLD;
    /** {@link FederationSettings#failureHold()} of the defaults. */
    private static final Duration FAILURE_HOLD = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
    private final DiscoveryResult.Semp published = PeerFixtures.semp(FakePeer.DOMAIN, Map.of("h2", "https://semp.b.example/v1/federate"),
            "https://semp.b.example/.well-known/semp/domain-keys", List.of("x25519-chacha20-poly1305"), Duration.ofHours(1));
    private final PeerFixtures.FixedDiscovery discovery = new PeerFixtures.FixedDiscovery(published);
    private final AtomicReference<DomainSigningPublicKey> peerKey = new AtomicReference<>(FakePeer.PEER_KEY.publicKey());
    private final FakePeer peer = new FakePeer(clock::instant, Capabilities.of(SuiteId.X25519_CHACHA20_POLY1305),
            ChallengePolicy.always(PowDemand.of(8)), DomainProofVerifier.signedWithHttpsPublishedKey(), Duration.ofHours(1));
    private final InMemoryTransport h2 = new InMemoryTransport("h2", peer);
    private final FederationClient client = new FederationClient(
            FederationSettings.defaults(new LocalDomain(FakePeer.LOCAL, "srv-a", FakePeer.OUR_KEY)), discovery, new PeerKeys() {
                @Override
                public Optional<DomainSigningPublicKey> find(String domain, Optional<KeyId> keyId) {
                    return DomainKeyLookup.of(FakePeer.DOMAIN, peerKey.get()).find(domain, keyId);
                }

                @Override
                public void invalidate(String domain) {
                }
            }, List.of(h2), RandomSource.secure());

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
    @CsvSource({"29, 600", "40, 600"})
    void channel_challengeAboveTheCap_terminalChallengeInvalidAfterOurSignedAbort(long difficulty, long seconds) throws Exception {
        peerChallenges(difficulty, Duration.ofSeconds(seconds));

        DeliveryException e = refusal();

        assertThat(e.reason()).contains(SempReason.CHALLENGE_INVALID);
        assertThat(e.terminal()).as("HANDSHAKE.md §2.2a.2: MUST NOT retry under the same conditions").isTrue();
        assertThat(e.refusedChallenge()).hasValueSatisfying(c -> assertThat(c.difficulty()).hasValue(difficulty));
        assertOurSignedAbortNeverSolved();
        assertThat(client.refusedChallenge(FakePeer.DOMAIN, clock.instant())).as("held as misbehaving").isPresent();
    }

    @ParameterizedTest(name = "difficulty {0}, expires in {1} s")
    @CsvSource({"0, 29", "21, 59", "25, 119", "28, 119"})
    void channel_challengeBelowTheExpiryFloor_challengeInvalidAfterOurSignedAbortButRetriedAfterTheFailureHold(long difficulty,
                                                                                                             long seconds)
            throws Exception {
        peerChallenges(difficulty, Duration.ofSeconds(seconds));

        DeliveryException e = refusal();

        assertThat(e.reason()).contains(SempReason.CHALLENGE_INVALID);
        assertThat(e.terminal()).as("a conformant peer's challenge can land below the floor (CONFORMANCE.md §9.3.3)").isFalse();
        assertThat(e.refusedChallenge()).isEmpty();
        assertThat(e).hasMessageContaining("(the challenge: difficulty " + difficulty + ", expires ");
        assertOurSignedAbortNeverSolved();
        assertThat(client.refusedChallenge(FakePeer.DOMAIN, clock.instant())).as("not held as misbehaving").isEmpty();

        DeliveryException held = refusal();
        assertThat(held.terminal()).isFalse();
        assertThat(held).hasMessageNotContaining("out of bounds").hasMessageContaining("failed recently");
        assertThat(h2.connects).as("the ordinary failure hold").hasValue(1);

        peer.challengeSent = m -> m;
        clock.advance(FAILURE_HOLD);
        assertThat(client.channel(FakePeer.DOMAIN, clock.instant()).sessionId()).isNotEmpty();
        assertThat(h2.connects).hasValue(2);
    }

    private void assertOurSignedAbortNeverSolved() throws Exception {
        assertThat(peer.handshakes).as("never solved").hasValue(0);
        JsonObject abort = JsonParser.parseObject(peer.lastHandshakeMessage);
        assertThat(abort.requireString("step")).isEqualTo("rejected");
        assertThat(abort.requireString("reason_code")).isEqualTo("challenge_invalid");
        assertThat(ServerSignature.verify(abort, FakePeer.OUR_KEY.publicKey())).as("a federation abort is signed (§2.2a.6)").isTrue();
        assertThat(h2.connections).singleElement().satisfies(c -> assertThat(c.isOpen()).isFalse());
    }

    @Test
    void channel_afterAChallengeOutOfBounds_failsAtOnceWithoutAHandshakeUntilTheHoldEnds() throws Exception {
        peerChallenges(29, Duration.ofMinutes(10));
        refusal();
        clock.advance(HOLD.minusSeconds(1));

        DeliveryException held = refusal();

        assertThat(held.reason()).contains(SempReason.CHALLENGE_INVALID);
        assertThat(held.terminal()).isTrue();
        assertThat(held).hasMessageContaining("b.example issued a challenge out of bounds (difficulty 29, expires 2026-05-01T10:10:00Z)");
        assertThat(h2.connects).hasValue(1);
        assertThat(peer.challenges).hasValue(1);

        peer.challengeSent = m -> m;
        clock.advance(Duration.ofSeconds(1));
        assertThat(client.channel(FakePeer.DOMAIN, clock.instant()).sessionId()).isNotEmpty();
        assertThat(h2.connects).hasValue(2);
    }

    @Test
    void channel_peerPublishesANewConfigurationRevision_handshakesAgainWithinTheHold() throws Exception {
        peerChallenges(29, Duration.ofMinutes(10));
        refusal();
        discovery.answer(PeerFixtures.withRevision(published, 2));
        peer.challengeSent = m -> m;

        assertThat(client.channel(FakePeer.DOMAIN, clock.instant()).sessionId()).isNotEmpty();
        assertThat(h2.connects).hasValue(2);
    }

    @Test
    void channel_peerPublishesAnotherDomainKey_handshakesAgainWithinTheHold() {
        peerChallenges(29, Duration.ofMinutes(10));
        refusal();
        peerKey.set(DomainSigningPrivateKey.generate(RandomSource.secure()).publicKey());

        DeliveryException e = refusal();

        assertThat(h2.connects).as("a new handshake, whatever it comes to").hasValue(2);
        assertThat(e).hasMessageNotContaining("out of bounds");
    }

    @Test
    void channel_peerConditionsUnknownNow_staysHeld() {
        peerChallenges(29, Duration.ofMinutes(10));
        refusal();
        discovery.answer(new DiscoveryResult.Temporary(DiscoveryResult.Cause.DNS_TIMEOUT, "timeout"));

        assertThat(refusal().reason()).contains(SempReason.CHALLENGE_INVALID);
        assertThat(h2.connects).hasValue(1);
    }

    @Test
    void refusedChallenge_whileHeld_isTheChallengeAsThePeerSignedIt() throws Exception {
        peerChallenges(29, Duration.ofMinutes(10));
        refusal();

        RefusedChallenge kept = client.refusedChallenge("B.Example.", clock.instant()).orElseThrow();

        JsonObject challenge = JsonParser.parseObject(kept.json().getBytes(StandardCharsets.UTF_8));
        assertThat(ServerSignature.verify(challenge, FakePeer.PEER_KEY.publicKey())).isTrue();
        assertThat(challenge.requireObject("parameters").requireLong("difficulty")).isEqualTo(29);
        assertThat(kept.difficulty()).hasValue(29);
        assertThat(client.refusedChallenge(FakePeer.DOMAIN, clock.instant().plus(HOLD))).isEmpty();
    }
}
