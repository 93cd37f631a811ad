package sempgw.core.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;
import sempgw.core.handshake.Admission;
import sempgw.core.handshake.Capabilities;
import sempgw.core.handshake.ChallengePolicy;
import sempgw.core.handshake.ClientAuthorizer;
import sempgw.core.handshake.ClientHandshake;
import sempgw.core.handshake.CollisionArbiter;
import sempgw.core.handshake.DomainKeyLookup;
import sempgw.core.handshake.DomainProof;
import sempgw.core.handshake.DomainProofVerifier;
import sempgw.core.handshake.FederationPolicy;
import sempgw.core.handshake.Initiator;
import sempgw.core.handshake.LocalDomain;
import sempgw.core.handshake.NonceLedger;
import sempgw.core.handshake.Responder;
import sempgw.core.handshake.ResponderGuards;
import sempgw.core.handshake.ServerHandshake;
import sempgw.core.handshake.Step;
import sempgw.core.handshake.UsedChallenges;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.core.keys.IdentityPrivateKey;
import sempgw.core.session.Session;

/**
 * Complete handshakes, both sides in one thread, as semp-go's PERF-ANCHORS figures ("client
 * handshake, both sides, in memory": 1,136/s baseline, 936/s PQ; federation: 824/s, 725/s).
 * Everything a real exchange does is included: key generation, encapsulation, five signatures
 * and verifications, the identity proof, and canonical encoding and parsing of every message.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HandshakeBenchmark {
    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    @Param({"x25519-chacha20-poly1305", "pq-kyber768-x25519"})
    public String suite;

    private SuiteId id;
    private ServerHandshake.Config server;
    private ClientHandshake.Config client;
    private Responder.Config responder;
    private Initiator.Config initiator;
    private final RandomSource random = RandomSource.secure();

    @Setup
    public void setUp() {
        id = SuiteId.parse(suite).orElseThrow();
        DomainSigningPrivateKey example = DomainSigningPrivateKey.generate(random);
        DomainSigningPrivateKey a = DomainSigningPrivateKey.generate(random);
        DomainSigningPrivateKey b = DomainSigningPrivateKey.generate(random);
        IdentityPrivateKey alice = IdentityPrivateKey.generate(random);
        NonceLedger forgetful = new NonceLedger() {
            @Override
            public boolean seen(byte[] nonce, Instant now) {
                return false;
            }

            @Override
            public Recorded record(byte[] nonce, Instant now) {
                return Recorded.FIRST_USE;
            }
        };
        ResponderGuards guards = new ResponderGuards(Admission.admitAll(), forgetful, ChallengePolicy.never(),
                new UsedChallenges(16), ResponderGuards.DEFAULT_TIMEOUT);
        server = new ServerHandshake.Config(new LocalDomain("example.com", "srv", example), Capabilities.of(id), guards,
                (address, keyId) -> Optional.of(alice.publicKey()),
                (address, now) -> new ClientAuthorizer.Granted(Duration.ofMinutes(5), List.of("send", "receive")));
        client = ClientHandshake.Config.of(id, "alice@example.com", alice, "example.com", DomainKeyLookup.of("example.com", example.publicKey()));
        responder = new Responder.Config(new LocalDomain("b.example", "srv-b", b), Capabilities.of(id), guards,
                DomainKeyLookup.of("a.example", a.publicKey()), DomainProofVerifier.signedWithHttpsPublishedKey(),
                new FederationPolicy("7d", "allowed", false), Duration.ofHours(1), CollisionArbiter.none());
        initiator = Initiator.Config.of(id, new LocalDomain("a.example", "srv-a", a), "b.example",
                DomainKeyLookup.of("b.example", b.publicKey()), new DomainProof("test-trust", "a.example"));
    }

    @Benchmark
    public Session clientHandshake() {
        ServerHandshake s = ServerHandshake.create(server, random, NOW);
        ClientHandshake c = ClientHandshake.create(client, random, NOW);
        byte[] response = send(s.onMessage(c.begin().message(), NOW));
        byte[] confirm = send(c.onMessage(response, NOW));
        Step.Established accepted = (Step.Established) s.onMessage(confirm, NOW);
        Session mine = ((Step.Established) c.onMessage(accepted.message().orElseThrow(), NOW)).session();
        accepted.session().destroy();
        mine.destroy();
        return mine;
    }

    @Benchmark
    public Session federationHandshake() {
        Responder r = Responder.create(responder, random, NOW);
        Initiator i = Initiator.create(initiator, random, NOW);
        byte[] response = send(r.onMessage(i.begin().message(), NOW));
        byte[] confirm = send(i.onMessage(response, NOW));
        Step.Established accepted = (Step.Established) r.onMessage(confirm, NOW);
        Session mine = ((Step.Established) i.onMessage(accepted.message().orElseThrow(), NOW)).session();
        accepted.session().destroy();
        mine.destroy();
        return mine;
    }

    /**
     * The anchor run beside the handshakes: only the public-key operations a client handshake
     * needs (one KEM key generation, encapsulation and decapsulation; four Ed25519 signatures and
     * four verifications over message-sized input). Handshake / anchor is the share of time spent
     * outside the primitives.
     */
    @Benchmark
    public boolean clientHandshakePrimitives() throws Exception {
        return primitives(4);
    }

    /** The same anchor for a federation handshake: six signatures and six verifications. */
    @Benchmark
    public boolean federationHandshakePrimitives() throws Exception {
        return primitives(6);
    }

    private boolean primitives(int signatures) throws Exception {
        var kem = sempgw.core.crypto.CryptoSuite.of(id).kem();
        var key = kem.generate(random);
        var e = kem.encapsulate(key.publicKey(), random);
        boolean ok = key.decapsulate(e.ciphertext()).equalsSecret(e.sharedSecret());
        for (int n = 0; n < signatures; n++) {
            byte[] sig = signer.sign(sempgw.core.crypto.SignatureContext.HANDSHAKE, message);
            ok &= signer.publicKey().verify(sempgw.core.crypto.SignatureContext.HANDSHAKE, message, sig);
        }
        return ok;
    }

    private final DomainSigningPrivateKey signer = DomainSigningPrivateKey.generate(RandomSource.secure());
    private final byte[] message = new byte[600];

    private static byte[] send(Step s) {
        if (s instanceof Step.Send send) {
            return send.message();
        }
        throw new IllegalStateException("handshake failed: " + s);
    }
}
