package sempgw.semp.egress.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sempgw.core.SempReason;
import sempgw.core.crypto.HmacSha256;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SignatureContext;
import sempgw.core.crypto.SuiteId;
import sempgw.core.delivery.Acknowledgment;
import sempgw.core.delivery.AcknowledgmentCodec;
import sempgw.core.delivery.DeliveryReceipt;
import sempgw.core.envelope.Envelope;
import sempgw.core.envelope.EnvelopeCodec;
import sempgw.core.envelope.ReceivedEnvelope;
import sempgw.core.handshake.Admission;
import sempgw.core.handshake.Capabilities;
import sempgw.core.handshake.CollisionArbiter;
import sempgw.core.handshake.DomainKeyLookup;
import sempgw.core.handshake.DomainProofVerifier;
import sempgw.core.handshake.FederationPolicy;
import sempgw.core.handshake.LocalDomain;
import sempgw.core.handshake.PowDemand;
import sempgw.core.handshake.Responder;
import sempgw.core.handshake.ResponderGuards;
import sempgw.core.handshake.SeenNonces;
import sempgw.core.handshake.Step;
import sempgw.core.handshake.UsedChallenges;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.core.session.Session;
import sempgw.semp.egress.federation.FederationClient;
import sempgw.semp.egress.federation.FederationSettings;
import sempgw.semp.egress.federation.FederationTransport;
import sempgw.semp.egress.federation.TransportConnection;
import sempgw.semp.egress.peers.PeerFixtures;
import sempgw.semp.egress.testing.MutableClock;
import sempgw.store.queue.DeliveryResult;
import sempgw.store.queue.QueueEntry;
import sempgw.store.queue.Recipient;

/**
 * The agent over the real federation client: a real handshake with semp-core's {@link Responder}
 * on the far side of an in-memory transport, whose receiving end checks each envelope's seal
 * signature and its session MAC under the negotiated session's {@code K_env_mac}, and answers
 * with a receipt signed by its domain key.
 */
final class SempDeliveryOverFederationTest {
    private static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");
    private static final String PEER = TestEnvelopes.PEER_DOMAIN;
    private static final String LOCAL = TestEnvelopes.SENDER_DOMAIN;
    private static final DomainSigningPrivateKey OUR_KEY = DomainSigningPrivateKey.generate(RandomSource.secure());
    private static final DomainSigningPrivateKey PEER_KEY = DomainSigningPrivateKey.generate(RandomSource.secure());

    private final MutableClock clock = new MutableClock(NOW);
    private final ReceivingServer server = new ReceivingServer(clock);
    private final FederationClient client = new FederationClient(
            FederationSettings.defaults(new LocalDomain(LOCAL, "srv-sender", OUR_KEY)),
            new PeerFixtures.FixedDiscovery(PeerFixtures.semp(PEER, Map.of("h2", "https://semp.peer.example/v1/federate"),
                    "https://semp.peer.example/.well-known/semp/domain-keys", List.of("x25519-chacha20-poly1305"), Duration.ofHours(1))),
            PeerFixtures.keys(PEER, PEER_KEY.publicKey()), List.of(server), RandomSource.secure());
    private final SempDeliveryAgent agent = new SempDeliveryAgent(client, PeerFixtures.keys(PEER, PEER_KEY.publicKey()), OUR_KEY, SempDeliverySettings.defaults(),
            clock, RandomSource.secure());
    private final List<Recipient> recipients = TestEnvelopes.recipients("alice");
    private final QueueEntry entry = TestEnvelopes.entry(recipients, NOW);
    private final Envelope envelope = TestEnvelopes.composed(NOW, NOW.plus(Duration.ofHours(1)), 3000);

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void deliver_overARealHandshake_isDeliveredWithAVerifiedReceiptAndReusesTheSession() {
        List<DeliveryResult> first = agent.deliver(entry, recipients, TestEnvelopes.content(envelope));
        List<DeliveryResult> second = agent.deliver(entry, recipients, TestEnvelopes.content(envelope));

        String expected = "semp; delivered, receipt signed by key " + PEER_KEY.keyId().hex() + " at 2026-11-26T01:00:00Z";
        assertThat(first).containsExactly(new DeliveryResult.Delivered(expected));
        assertThat(second).containsExactly(new DeliveryResult.Delivered(expected));
        assertThat(server.handshakes).hasValue(1);
        assertThat(server.accepted).hasSize(2);
    }

    @Test
    void deliver_peerBlocksUsAtTheHandshake_isFailedBlockedAndNotRetriedDuringTheHold() {
        server.admission = init -> new Admission.Refuse(SempReason.BLOCKED);

        List<DeliveryResult> first = agent.deliver(entry, recipients, TestEnvelopes.content(envelope));
        List<DeliveryResult> second = agent.deliver(entry, recipients, TestEnvelopes.content(envelope));

        assertThat(first).singleElement().isInstanceOfSatisfying(DeliveryResult.Failed.class,
                f -> assertThat(f.reply()).startsWith("blocked: handshake with " + PEER + " ended with blocked"));
        assertThat(second).singleElement().isInstanceOfSatisfying(DeliveryResult.Failed.class,
                f -> assertThat(f.reply()).startsWith("blocked: session setup with " + PEER + " failed recently"));
        assertThat(server.connects).hasValue(1);
        assertThat(server.accepted).isEmpty();
    }

    @Test
    void deliver_peerChallengesAboveTheCap_failsChallengeInvalidAndNoHandshakeUnderTheSameConditionsUntilTheHoldEnds() {
        Envelope lasting = TestEnvelopes.composed(NOW, NOW.plus(Duration.ofHours(3)), 3000);
        server.challengeDifficulty = OptionalLong.of(29);
        List<DeliveryResult> first;
        List<DeliveryResult> second;
        List<String> warnings;
        try (LogCapture log = new LogCapture(FederationClient.class)) {
            first = agent.deliver(entry, recipients, TestEnvelopes.content(lasting));
            clock.advance(FederationSettings.DEFAULT_MISBEHAVING_HOLD.minusMinutes(1));
            second = agent.deliver(entry, recipients, TestEnvelopes.content(lasting));
            warnings = log.lines(Level.WARN);
        }

        assertThat(first).singleElement().isInstanceOfSatisfying(DeliveryResult.Failed.class, f -> {
            assertThat(f.reason()).map(DeliveryResult.Reason::code).contains("challenge_invalid");
            assertThat(f.reply()).startsWith("challenge_invalid: handshake with " + PEER + " ended with challenge_invalid");
        });
        assertThat(second).singleElement().isInstanceOfSatisfying(DeliveryResult.Failed.class,
                f -> assertThat(f.reply()).startsWith("challenge_invalid: " + PEER + " issued a challenge out of bounds (difficulty 29"));
        assertThat(server.challenges).as("no second handshake within the hold").hasValue(1);
        assertThat(warnings).as("logged once").singleElement().asString()
                .startsWith("federation " + PEER + ": handshake with " + PEER + " ended with challenge_invalid")
                .contains("(the challenge: difficulty 29, expires ", "the peer is misbehaving");

        server.challengeDifficulty = OptionalLong.empty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(agent.deliver(entry, recipients, TestEnvelopes.content(lasting))).singleElement().isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(server.connects).as("a handshake once the hold ended").hasValue(2);
    }

    @Test
    void deliver_peerAtCapacity_isDeferredUnderItsCode() {
        server.admission = init -> new Admission.Refuse(SempReason.SERVER_AT_CAPACITY);

        assertThat(agent.deliver(entry, recipients, TestEnvelopes.content(envelope))).singleElement()
                .isInstanceOfSatisfying(DeliveryResult.Deferred.class, d -> assertThat(d.reply()).startsWith("semp; server_at_capacity: "));
    }

    @Test
    void deliver_peerForgotTheSession_noSessionThenANewHandshakeAndTheSameEnvelopeResealed() {
        agent.deliver(entry, recipients, TestEnvelopes.content(envelope));
        server.forgetSessions();

        List<DeliveryResult> refused = agent.deliver(entry, recipients, TestEnvelopes.content(envelope));
        List<DeliveryResult> retried = agent.deliver(entry, recipients, TestEnvelopes.content(envelope));

        assertThat(refused).containsExactly(new DeliveryResult.Deferred("semp; no_session: unknown session",
                new DeliveryResult.Reason("no_session", "unknown session")));
        assertThat(retried).singleElement().isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(server.handshakes).hasValue(2);
        Envelope before = server.accepted.get(0).envelope();
        Envelope after = server.accepted.get(1).envelope();
        assertThat(after.postmark().sessionId()).isNotEqualTo(before.postmark().sessionId());
        assertThat(after.postmark().id()).isEqualTo(before.postmark().id());
        assertThat(after.brief()).isEqualTo(before.brief());
        assertThat(after.enclosure()).isEqualTo(before.enclosure());
    }

    /**
     * The receiving gateway: handshake by semp-core's responder, then seal and MAC checks and a
     * receipt. With {@link #challengeDifficulty} set it challenges every handshake and re-issues
     * the challenge with that difficulty, as a misbehaving peer would above 28.
     */
    private static final class ReceivingServer implements FederationTransport {
        final AtomicInteger handshakes = new AtomicInteger();
        final AtomicInteger connects = new AtomicInteger();
        final AtomicInteger challenges = new AtomicInteger();
        final List<ReceivedEnvelope> accepted = new ArrayList<>();
        volatile Admission admission = Admission.admitAll();
        volatile OptionalLong challengeDifficulty = OptionalLong.empty();
        private final Clock clock;
        private final List<Session> sessions = new ArrayList<>();
        private final Responder.Config config = new Responder.Config(new LocalDomain(PEER, "srv-peer", PEER_KEY),
                Capabilities.of(SuiteId.X25519_CHACHA20_POLY1305),
                ResponderGuards.of(new SeenNonces(Duration.ofHours(1), 1000), new UsedChallenges(1000))
                        .withChallenges(init -> challengeDifficulty.isPresent() ? Optional.of(PowDemand.of(8)) : Optional.empty())
                        .withAdmission(init -> admission.admit(init)),
                DomainKeyLookup.of(LOCAL, OUR_KEY.publicKey()), DomainProofVerifier.signedWithHttpsPublishedKey(),
                new FederationPolicy("7d", "allowed", false), Duration.ofHours(1), CollisionArbiter.none());

        ReceivingServer(Clock clock) {
            this.clock = clock;
        }

        @Override
        public String id() {
            return "h2";
        }

        private byte[] challenge(byte[] issued) {
            challenges.incrementAndGet();
            OptionalLong d = challengeDifficulty;
            return d.isPresent() ? PeerFixtures.reissuedChallenge(issued, d.getAsLong(), clock.instant().plus(Duration.ofMinutes(10)), PEER_KEY)
                    : issued;
        }

        @Override
        public synchronized TransportConnection connect(URI endpoint) {
            connects.incrementAndGet();
            return new Conversation();
        }

        synchronized void forgetSessions() {
            sessions.clear();
        }

        private synchronized Optional<byte[]> receive(byte[] wire) throws Exception {
            ReceivedEnvelope env = EnvelopeCodec.decode(wire, 26_214_400);
            String id = env.envelope().postmark().id();
            byte[] canonical = env.canonicalBytes();
            if (!OUR_KEY.publicKey().verify(SignatureContext.ENVELOPE, canonical, Base64.getDecoder().decode(env.envelope().seal().signature()))) {
                return reply(new Acknowledgment.Rejected(id, SempReason.SEAL_INVALID, "bad signature"));
            }
            String sessionId = env.envelope().postmark().sessionId();
            Optional<SecretBytes> mac = sessions.stream().map(s -> s.envelopeMacKey(sessionId, clock.instant()))
                    .flatMap(Optional::stream).findFirst();
            if (mac.isEmpty()) {
                return reply(new Acknowledgment.Rejected(id, SempReason.NO_SESSION, "unknown session"));
            }
            if (!HmacSha256.INSTANCE.verify(mac.get(), canonical, Base64.getDecoder().decode(env.envelope().seal().sessionMac()))) {
                return reply(new Acknowledgment.Rejected(id, SempReason.SESSION_MAC_INVALID, "bad mac"));
            }
            accepted.add(env);
            return reply(new Acknowledgment.Delivered(id, DeliveryReceipt.issue(canonical, PEER, clock.instant(), PEER_KEY)));
        }

        private Optional<byte[]> reply(Acknowledgment ack) {
            return Optional.of(AcknowledgmentCodec.encode(ack, clock.instant()));
        }

        /** One connection: the handshake first, then envelopes. */
        private final class Conversation implements TransportConnection {
            private Responder responder;
            private boolean established;
            private boolean open = true;

            @Override
            public synchronized Optional<byte[]> exchange(byte[] message, Duration timeout) {
                try {
                    if (established) {
                        return receive(message);
                    }
                    if (responder == null) {
                        responder = Responder.create(config, RandomSource.secure(), clock.instant());
                    }
                    return switch (responder.onMessage(message, clock.instant())) {
                        case Step.Send s -> Optional.of(PeerFixtures.isChallenge(s.message()) ? challenge(s.message()) : s.message());
                        case Step.Established e -> {
                            established = true;
                            handshakes.incrementAndGet();
                            synchronized (ReceivingServer.this) {
                                sessions.add(e.session());
                            }
                            yield e.message();
                        }
                        case Step.Rejected r -> r.message();
                    };
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public synchronized boolean isOpen() {
                return open;
            }

            @Override
            public synchronized void close() {
                open = false;
            }
        }
    }
}
