package sempgw.semp.ingress.federation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SessionKeys;
import sempgw.core.crypto.SuiteId;
import sempgw.core.handshake.DomainKeyLookup;
import sempgw.core.handshake.DomainProof;
import sempgw.core.handshake.DomainProofVerifier;
import sempgw.core.handshake.Initiator;
import sempgw.core.handshake.LocalDomain;
import sempgw.core.handshake.Step;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonParser;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.core.keys.DomainSigningPublicKey;
import sempgw.core.session.Session;
import sempgw.semp.ingress.Conversation;
import sempgw.semp.ingress.receive.PeerSessionRef;
import sempgw.semp.ingress.receive.ReceiveOutcome;

/** Keys, configurations, a recording receive pipeline and a handshake driver for in-process tests. */
final class FederationFixture {
    static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    static final DomainSigningPrivateKey US = DomainSigningPrivateKey.generate(seeded(21));
    static final DomainSigningPrivateKey A = DomainSigningPrivateKey.generate(seeded(22));
    static final DomainSigningPrivateKey C = DomainSigningPrivateKey.generate(seeded(23));
    static final LocalDomain LOCAL = new LocalDomain("b.example", "srv-b", US);
    static final Map<String, DomainSigningPublicKey> PEERS = Map.of("a.example", A.publicKey(), "c.example", C.publicKey());

    private FederationFixture() {
    }

    static RandomSource seeded(long seed) {
        Random r = new Random(seed);
        return r::nextBytes;
    }

    /** The published keys of a.example and c.example. */
    static DomainKeyLookup peerKeys() {
        return (domain, keyId) -> Optional.ofNullable(PEERS.get(domain)).filter(k -> keyId.map(k.keyId()::equals).orElse(true));
    }

    /** The receive pipeline's stand-in: records each call and answers with {@code outcome}. */
    static final class RecordingReceiver implements EnvelopeReceiver {
        final List<PeerSessionRef> refs = new ArrayList<>();
        ReceiveOutcome outcome = new ReceiveOutcome.Reply("ack".getBytes(StandardCharsets.UTF_8));

        @Override
        public ReceiveOutcome receive(byte[] envelopeWire, PeerSessionRef session, Instant now) {
            refs.add(session);
            return outcome;
        }
    }

    static FederationConfig config(EnvelopeReceiver receiver) {
        return FederationConfig.of(LOCAL, peerKeys(), DomainProofVerifier.signedWithHttpsPublishedKey(), RandomSource.secure(), receiver);
    }

    static FederationService service(FederationConfig config) {
        return new FederationService(config, new SessionTable(config.limits(), Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    static Initiator initiator(String domain, DomainSigningPrivateKey key, SuiteId suite, Instant now) {
        return Initiator.create(Initiator.Config.of(suite, new LocalDomain(domain, "srv." + domain, key), "b.example",
                DomainKeyLookup.of("b.example", US.publicKey()), new DomainProof("test-trust", domain)), RandomSource.secure(), now);
    }

    /**
     * Runs {@code initiator} against {@code conversation} at {@code now} until the initiator ends;
     * empty when the responder stayed silent.
     */
    static Optional<Step> drive(Initiator initiator, Conversation conversation, Instant now) {
        return drive(initiator, initiator.begin().message(), conversation, now);
    }

    static Optional<Step> drive(Initiator initiator, byte[] first, Conversation conversation, Instant now) {
        byte[] message = first;
        for (int i = 0; i < 10; i++) {
            Optional<byte[]> reply = conversation.onMessage(message, now);
            if (reply.isEmpty()) {
                return Optional.empty();
            }
            Step step = initiator.onMessage(reply.get(), now);
            if (!(step instanceof Step.Send s)) {
                return Optional.of(step);
            }
            message = s.message();
        }
        throw new AssertionError("handshake did not end");
    }

    /** The session an initiator established. */
    static Session established(Optional<Step> end) {
        if (end.orElseThrow() instanceof Step.Established e) {
            return e.session();
        }
        throw new AssertionError("not established: " + end.get());
    }

    /** The {@code reason_code} of a {@code rejected} reply. */
    static String reasonOf(byte[] rejected) throws JsonException {
        JsonObject m = JsonParser.parseObject(rejected);
        if (!"rejected".equals(m.requireString("step"))) {
            throw new AssertionError("not a rejection: step " + m.requireString("step"));
        }
        return m.requireString("reason_code");
    }

    /** A minimal {@code SEMP_ENVELOPE} naming {@code sessionId}; the pipeline double does not read it. */
    static byte[] envelope(String sessionId, String fromDomain) {
        return ("{\"type\":\"SEMP_ENVELOPE\",\"version\":\"1.0.0\",\"postmark\":{\"id\":\"01J0000000000000000000000\",\"session_id\":\""
                + sessionId + "\",\"from_domain\":\"" + fromDomain + "\",\"to_domain\":\"b.example\"},\"seal\":{}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A session with random keys, for table tests. */
    static Session session(String id, String peer, Instant now, Duration ttl) {
        RandomSource r = RandomSource.secure();
        SessionKeys keys = new SessionKeys(SecretBytes.random(32, r), SecretBytes.random(32, r), SecretBytes.random(32, r),
                SecretBytes.random(32, r), SecretBytes.random(32, r));
        return Session.establish(Session.Kind.FEDERATION, Session.Side.RESPONDER, id, peer, SuiteId.X25519_CHACHA20_POLY1305, keys,
                now, ttl, Session.Terms.NONE);
    }
}
