package sempgw.semp.egress.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import sempgw.core.SempReason;
import sempgw.core.crypto.RandomSource;
import sempgw.core.handshake.Admission;
import sempgw.core.handshake.DomainKeyLookup;
import sempgw.core.handshake.LocalDomain;
import sempgw.core.keys.DomainSigningPublicKey;
import sempgw.core.keys.KeyId;
import sempgw.semp.egress.discovery.DiscoveryResult;
import sempgw.semp.egress.discovery.SempConfiguration;
import sempgw.semp.egress.peers.PeerDiscovery;
import sempgw.semp.egress.peers.PeerFixtures;
import sempgw.semp.egress.peers.PeerKeys;
import sempgw.semp.egress.testing.MutableClock;

/**
 * Which failed session setups are terminal ({@link DeliveryException#terminal()}): the peer's
 * non-recoverable refusals and a configuration that rules a session out; everything we decide
 * ourselves, and every recoverable code, is not (ERRORS.md §1-§2).
 */
final class FederationClientRefusalTest {

    private static final String H2_URL = "https://semp.b.example/v1/federate";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
    private final AtomicBoolean peerKeyKnown = new AtomicBoolean(true);
    private final PeerFixtures.FixedDiscovery discovery = new PeerFixtures.FixedDiscovery(semp(List.of(), List.of()));
    private final FakePeer peer = FakePeer.standard(clock::instant);
    private final InMemoryTransport h2 = new InMemoryTransport("h2", peer);
    private FederationClient client;

    private final PeerKeys keys = new PeerKeys() {
        @Override
        public Optional<DomainSigningPublicKey> find(String domain, Optional<KeyId> keyId) {
            return peerKeyKnown.get() ? DomainKeyLookup.of(FakePeer.DOMAIN, FakePeer.PEER_KEY.publicKey()).find(domain, keyId)
                    : Optional.empty();
        }

        @Override
        public void invalidate(String domain) {
        }
    };

    private static DiscoveryResult.Semp semp(List<String> suites, List<SempConfiguration.Extension> extensions) {
        return PeerFixtures.semp(FakePeer.DOMAIN, Map.of("h2", H2_URL), "https://semp.b.example/.well-known/semp/domain-keys",
                suites.isEmpty() ? List.of("x25519-chacha20-poly1305") : suites, Duration.ofHours(1), extensions);
    }

    private FederationClient client() {
        client = new FederationClient(FederationSettings.defaults(new LocalDomain(FakePeer.LOCAL, "srv-a", FakePeer.OUR_KEY)),
                discovery, keys, List.of(h2), RandomSource.secure());
        return client;
    }

    private DeliveryException refusal() {
        return refusal(client, clock.instant());
    }

    /** Why a call for the fake peer's domain failed; a session established fails the test. */
    static DeliveryException refusal(FederationClient client, Instant now) {
        try {
            client.channel(FakePeer.DOMAIN, now);
        } catch (DeliveryException e) {
            return e;
        }
        throw new AssertionError("the session was established");
    }

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    @ParameterizedTest
    @EnumSource(value = SempReason.class, names = {"BLOCKED", "POLICY_FORBIDDEN"})
    void channel_peerRefusesWithANonRecoverableCode_terminalWithThatCode(SempReason code) {
        peer.admission = init -> new Admission.Refuse(code);
        client();

        DeliveryException e = refusal();

        assertThat(e.reason()).contains(code);
        assertThat(e.terminal()).isTrue();
        assertThat(h2.connections.getFirst().isOpen()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = SempReason.class, names = {"SERVER_AT_CAPACITY", "RATE_LIMITED"})
    void channel_peerRefusesWithARecoverableCode_notTerminal(SempReason code) {
        peer.admission = init -> new Admission.Refuse(code);
        client();

        DeliveryException e = refusal();

        assertThat(e.reason()).contains(code);
        assertThat(e.terminal()).isFalse();
    }

    @Test
    void channel_heldAfterARefusal_repeatsItsCodeAndTerminality() {
        peer.admission = init -> new Admission.Refuse(SempReason.BLOCKED);
        client();
        refusal();
        clock.advance(Duration.ofSeconds(10));

        DeliveryException held = refusal();

        assertThat(held).hasMessageContaining("failed recently");
        assertThat(held.reason()).contains(SempReason.BLOCKED);
        assertThat(held.terminal()).isTrue();
        assertThat(h2.connects).hasValue(1);
    }

    @Test
    void channel_peerKeyNotFoundOnOurSide_authFailedButNotTerminal() {
        peerKeyKnown.set(false);
        client();

        DeliveryException e = refusal();

        assertThat(e.reason()).contains(SempReason.AUTH_FAILED);
        assertThat(e.terminal()).as("a failed key fetch or a stale key is retried after invalidation").isFalse();
    }

    @Test
    void channel_noSuiteInCommon_terminalPolicyForbiddenWithoutConnecting() {
        discovery.answer(semp(List.of("future-suite"), List.of()));
        client();

        DeliveryException e = refusal();

        assertThat(e.reason()).contains(SempReason.POLICY_FORBIDDEN);
        assertThat(e.terminal()).isTrue();
        assertThat(e).hasMessageContaining("shares no suite");
        assertThat(h2.connects).hasValue(0);
        assertThat(discovery.invalidated()).as("believed only after a fresh document (DISCOVERY.md §3.5.3)").containsExactly(FakePeer.DOMAIN);
        assertThat(discovery.lookups()).isEqualTo(2);
    }

    @Test
    void channel_cachedDocumentWithoutACommonSuite_freshOneWithIt_sessionEstablished() throws Exception {
        DiscoveryResult stale = semp(List.of("future-suite"), List.of());
        DiscoveryResult fresh = semp(List.of(), List.of());
        AtomicReference<DiscoveryResult> current = new AtomicReference<>(stale);
        client = new FederationClient(FederationSettings.defaults(new LocalDomain(FakePeer.LOCAL, "srv-a", FakePeer.OUR_KEY)),
                new PeerDiscovery() {
                    @Override
                    public DiscoveryResult discover(String domain) {
                        return current.get();
                    }

                    @Override
                    public void invalidate(String domain) {
                        current.set(fresh);
                    }
                }, keys, List.of(h2), RandomSource.secure());

        assertThat(client.channel(FakePeer.DOMAIN, clock.instant()).sessionId()).isNotEmpty();
        assertThat(h2.connects).hasValue(1);
    }

    @Test
    void channel_requiredExtensionWeLack_terminalExtensionUnsupportedWithoutConnecting() {
        discovery.answer(semp(List.of(), List.of(new SempConfiguration.Extension("x.example/escrow", true))));
        client();

        DeliveryException e = refusal();

        assertThat(e.reason()).contains(SempReason.EXTENSION_UNSUPPORTED);
        assertThat(e.terminal()).isTrue();
        assertThat(e).hasMessageContaining("x.example/escrow");
        assertThat(h2.connects).hasValue(0);
    }

    @Test
    void channel_optionalExtensionWeLack_establishes() throws Exception {
        discovery.answer(semp(List.of(), List.of(new SempConfiguration.Extension("x.example/escrow", false))));

        assertThat(client().channel(FakePeer.DOMAIN, clock.instant()).sessionId()).isNotEmpty();
    }

    @Test
    void channel_discoveryOrTransportFailure_notTerminalAndWithoutCode() {
        discovery.answer(new DiscoveryResult.Temporary(DiscoveryResult.Cause.DNS_TIMEOUT, "timeout"));
        client();

        DeliveryException e = refusal();

        assertThat(e.reason()).isEmpty();
        assertThat(e.terminal()).isFalse();
    }

    @Test
    void channel_transportThrowsUnchecked_connectionClosedAndTheExceptionPropagates() {
        h2.explode.set(true);
        client();

        assertThatThrownBy(() -> client.channel(FakePeer.DOMAIN, clock.instant())).isInstanceOf(IllegalStateException.class);
        assertThat(h2.connections).singleElement().satisfies(c -> assertThat(c.isOpen()).isFalse());
    }
}
