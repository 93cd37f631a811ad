package sempgw.core.handshake;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.core.keys.IdentityPrivateKey;

/** Keys, configurations and a driver for Java-to-Java handshakes in tests. */
final class Fixtures {
    static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    static final DomainSigningPrivateKey EXAMPLE = DomainSigningPrivateKey.generate(seeded(1));
    static final DomainSigningPrivateKey A = DomainSigningPrivateKey.generate(seeded(2));
    static final DomainSigningPrivateKey B = DomainSigningPrivateKey.generate(seeded(3));
    static final IdentityPrivateKey ALICE = IdentityPrivateKey.generate(seeded(4));
    static final FederationPolicy POLICY = new FederationPolicy("7d", "allowed", false);

    private Fixtures() {
    }

    /** A deterministic, non-cryptographic random source for tests. */
    static RandomSource seeded(long seed) {
        Random r = new Random(seed);
        return r::nextBytes;
    }

    static ResponderGuards guards() {
        return ResponderGuards.of(new SeenNonces(Duration.ofHours(1), 10_000), new UsedChallenges(10_000));
    }

    static ServerHandshake.Config server(ResponderGuards guards) {
        return new ServerHandshake.Config(new LocalDomain("example.com", "srv-1", EXAMPLE),
                Capabilities.of(SuiteId.PQ_KYBER768_X25519, SuiteId.X25519_CHACHA20_POLY1305), guards,
                (address, keyId) -> address.equals("alice@example.com") && keyId.equals(ALICE.keyId())
                        ? Optional.of(ALICE.publicKey()) : Optional.empty(),
                (address, now) -> new ClientAuthorizer.Granted(Duration.ofMinutes(5), List.of("send", "receive")));
    }

    static ClientHandshake.Config client(SuiteId suite) {
        return ClientHandshake.Config.of(suite, "alice@example.com", ALICE, "example.com",
                DomainKeyLookup.of("example.com", EXAMPLE.publicKey()));
    }

    static Responder.Config responder(ResponderGuards guards) {
        return new Responder.Config(new LocalDomain("b.example", "srv-b", B),
                Capabilities.of(SuiteId.PQ_KYBER768_X25519, SuiteId.X25519_CHACHA20_POLY1305), guards,
                DomainKeyLookup.of("a.example", A.publicKey()), DomainProofVerifier.signedWithHttpsPublishedKey(), POLICY,
                Duration.ofHours(1), CollisionArbiter.none());
    }

    static Initiator.Config initiator(SuiteId suite) {
        return Initiator.Config.of(suite, new LocalDomain("a.example", "srv-a", A), "b.example",
                DomainKeyLookup.of("b.example", B.publicKey()), new DomainProof("test-trust", "a.example"));
    }

    /** The result of driving two state machines against each other. */
    record Outcome(Step initiatorEnd, Step responderEnd, int messages) {
    }

    /** One side of a conversation: a message in, a step out. */
    @FunctionalInterface
    interface Party {
        Step onMessage(byte[] message, Instant now);
    }

    /**
     * Passes messages between the two parties, starting with {@code first} from the initiator,
     * until one side ends (established or rejected) and its last message, if any, was delivered.
     */
    static Outcome run(byte[] first, Party initiator, Party responder, Instant now) {
        byte[] message = first;
        boolean toResponder = true;
        Step initiatorEnd = null;
        Step responderEnd = null;
        int count = 1;
        while (message != null && count < 20) {
            Step step = (toResponder ? responder : initiator).onMessage(message, now);
            message = switch (step) {
                case Step.Send s -> s.message();
                case Step.Established e -> e.message().orElse(null);
                case Step.Rejected r -> r.message().orElse(null);
            };
            if (!(step instanceof Step.Send)) {
                if (toResponder) {
                    responderEnd = step;
                } else {
                    initiatorEnd = step;
                }
            }
            if (message != null) {
                count++;
            }
            if (initiatorEnd != null && responderEnd != null) {
                break;
            }
            toResponder = !toResponder;
            if (message == null) {
                break;
            }
        }
        return new Outcome(initiatorEnd, responderEnd, count);
    }
}
