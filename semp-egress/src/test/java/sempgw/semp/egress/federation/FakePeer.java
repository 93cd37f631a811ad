package sempgw.semp.egress.federation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;
import sempgw.core.handshake.Admission;
import sempgw.core.handshake.Capabilities;
import sempgw.core.handshake.ChallengePolicy;
import sempgw.core.handshake.CollisionArbiter;
import sempgw.core.handshake.DomainKeyLookup;
import sempgw.core.handshake.DomainProofVerifier;
import sempgw.core.handshake.FederationPolicy;
import sempgw.core.handshake.LocalDomain;
import sempgw.core.handshake.Responder;
import sempgw.core.handshake.ResponderGuards;
import sempgw.core.handshake.SeenNonces;
import sempgw.core.handshake.Step;
import sempgw.core.handshake.UsedChallenges;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonParser;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.core.session.RekeyResponder;
import sempgw.core.session.RekeyStep;
import sempgw.core.session.Session;
import sempgw.semp.egress.peers.PeerFixtures;

/**
 * The far side of a federation conversation in tests: semp-core's {@link Responder} for the
 * handshake, then {@link RekeyResponder} for rekeys, and an acknowledgment-shaped echo for any
 * other message ({@code {"type":"SEMP_SUBMISSION","session_id":...,"n":...}}: a defined type, which
 * our WebSocket client takes for the reply, CONFORMANCE.md §9.1.4).
 */
final class FakePeer {

    static final String DOMAIN = "b.example";
    static final String LOCAL = "a.example";
    static final DomainSigningPrivateKey PEER_KEY = DomainSigningPrivateKey.generate(PeerFixtures.seeded(31));
    static final DomainSigningPrivateKey OUR_KEY = DomainSigningPrivateKey.generate(PeerFixtures.seeded(32));

    final AtomicInteger handshakes = new AtomicInteger();
    final AtomicInteger challenges = new AtomicInteger();
    final AtomicInteger rekeys = new AtomicInteger();
    final AtomicInteger rekeyAttempts = new AtomicInteger();
    /** Added to the clock when judging a rekey: far enough ahead, the peer refuses it as expired. */
    volatile Duration rekeySkew = Duration.ZERO;
    final AtomicInteger messages = new AtomicInteger();
    /** The responder's admission gate (HANDSHAKE.md §4.2 block lists, capacity); admits all by default. */
    volatile Admission admission = Admission.admitAll();
    /** What the peer makes of its challenge before sending it: a misbehaving peer re-issues it out of bounds. */
    volatile UnaryOperator<byte[]> challengeSent = UnaryOperator.identity();
    /** The last handshake message the peer received, e.g. the initiator's abort (HANDSHAKE.md §2.2a.6). */
    volatile byte[] lastHandshakeMessage;
    private final Responder.Config config;
    private final Supplier<Instant> clock;
    private final RandomSource random = RandomSource.secure();

    FakePeer(Supplier<Instant> clock, Capabilities accepted, ChallengePolicy challenges, DomainProofVerifier proofs, Duration ttl) {
        this.clock = clock;
        ResponderGuards guards = ResponderGuards.of(new SeenNonces(Duration.ofHours(1), 10_000), new UsedChallenges(10_000))
                .withChallenges(challenges).withAdmission(init -> admission.admit(init));
        this.config = new Responder.Config(new LocalDomain(DOMAIN, "srv-b", PEER_KEY), accepted, guards,
                DomainKeyLookup.of(LOCAL, OUR_KEY.publicKey()), proofs, new FederationPolicy("7d", "allowed", false), ttl,
                CollisionArbiter.none());
    }

    static FakePeer standard(Supplier<Instant> clock) {
        return new FakePeer(clock, Capabilities.of(SuiteId.PQ_KYBER768_X25519, SuiteId.X25519_CHACHA20_POLY1305), ChallengePolicy.never(),
                DomainProofVerifier.signedWithHttpsPublishedKey(), Duration.ofHours(1));
    }

    /** A new conversation, as for a new transport connection. */
    Conversation open() {
        return new Conversation();
    }

    /** One connection's state. */
    final class Conversation {
        private Responder responder;
        private Session session;
        private boolean sawChallenge;

        synchronized Optional<byte[]> onMessage(byte[] message) {
            Instant now = clock.get();
            if (session == null) {
                if (responder == null) {
                    responder = Responder.create(config, random, now);
                }
                lastHandshakeMessage = message;
                Step step = responder.onMessage(message, now);
                return switch (step) {
                    case Step.Send s -> {
                        if (!sawChallenge && PeerFixtures.isChallenge(s.message())) {
                            sawChallenge = true;
                            challenges.incrementAndGet();
                            yield Optional.of(challengeSent.apply(s.message()));
                        }
                        yield Optional.of(s.message());
                    }
                    case Step.Established e -> {
                        session = e.session();
                        handshakes.incrementAndGet();
                        yield e.message();
                    }
                    case Step.Rejected r -> {
                        responder = null;
                        yield r.message();
                    }
                };
            }
            if (isRekey(message)) {
                rekeyAttempts.incrementAndGet();
                RekeyStep step = RekeyResponder.handle(session, message, now.plus(rekeySkew), random);
                if (step instanceof RekeyStep.Rekeyed) {
                    rekeys.incrementAndGet();
                }
                return switch (step) {
                    case RekeyStep.Rekeyed r -> r.message();
                    case RekeyStep.Refused r -> r.message();
                    case RekeyStep.Send s -> Optional.of(s.message());
                };
            }
            int n = messages.incrementAndGet();
            return Optional.of(("{\"n\":" + n + ",\"session_id\":\"" + session.id() + "\",\"type\":\"SEMP_SUBMISSION\"}").getBytes(StandardCharsets.UTF_8));
        }

        synchronized Optional<Session> session() {
            return Optional.ofNullable(session);
        }

        private static boolean isRekey(byte[] message) {
            try {
                JsonObject o = JsonParser.parseObject(message);
                return "SEMP_REKEY".equals(o.optionalString("type").orElse(""));
            } catch (Exception e) {
                return false;
            }
        }
    }
}
