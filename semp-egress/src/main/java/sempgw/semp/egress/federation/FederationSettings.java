package sempgw.semp.egress.federation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import sempgw.core.crypto.SuiteId;
import sempgw.core.handshake.CollisionArbiter;
import sempgw.core.handshake.DomainProof;
import sempgw.core.handshake.FederationPolicy;
import sempgw.core.handshake.LocalDomain;
import sempgw.semp.egress.peers.SempVerifyRecord;

/**
 * How this gateway initiates federation, with defaults.
 *
 * @param local            our domain, {@code server_id} and domain signing key (HANDSHAKE.md §5.2)
 * @param domainProof      our {@code domain_proof} (HANDSHAKE.md §5.4; default: {@code dns-txt}
 *                         naming our server id, see {@link SempVerifyRecord})
 * @param suites           suites we run, strongest first (default both; HANDSHAKE.md §6.4)
 * @param preferWebSocket  use {@code ws} when advertised, else {@code h2} (default true;
 *                         TRANSPORT.md §5.3 ranks ws above h2)
 * @param connectTimeout   per transport before falling back (default 10 s; TRANSPORT.md §5.4)
 * @param handshakeTimeout the whole handshake or rekey (default 30 s; HANDSHAKE.md §6.6)
 * @param maxSessionTtl    the longest session TTL accepted from a peer (default 1 day)
 * @param maxReplyBytes    the largest reply read from a peer (default 1 MiB)
 * @param maxEnvelopeSize  our {@code max_envelope_size} capability (default 25 MiB, ENVELOPE.md §2.4.1)
 * @param policy           our judgement of a peer's {@code federation_policy} (default: accept)
 * @param collisions       shared with our responder (SESSION.md §2.5.2; default: none)
 * @param failureHold      after a failed session setup, further calls for that peer fail at once
 *                         for this long instead of each waiting on its own attempt (default 30 s;
 *                         zero disables; Postfix's dead-destination idea)
 * @param maxConcurrentEnvelopes envelopes in flight at once on one h2 session (default
 *                         {@value #DEFAULT_MAX_CONCURRENT_ENVELOPES}; TRANSPORT.md §4.3.2, §8.3);
 *                         WebSocket always sends one at a time
 * @param misbehavingHold  after a peer issued a challenge above the difficulty cap (HANDSHAKE.md §2.2a.2),
 *                         how long calls for it fail at once with {@code challenge_invalid}
 *                         without a handshake, unless its configuration revision or domain key
 *                         changes first ({@link PeerConditions}; default
 *                         {@link #DEFAULT_MISBEHAVING_HOLD}; positive)
 */
public record FederationSettings(LocalDomain local, DomainProof domainProof, List<SuiteId> suites, boolean preferWebSocket,
                                 Duration connectTimeout, Duration handshakeTimeout, Duration maxSessionTtl,
                                 int maxReplyBytes, long maxEnvelopeSize, FederationPolicy.Acceptor policy,
                                 CollisionArbiter collisions, Duration failureHold, int maxConcurrentEnvelopes,
                                 Duration misbehavingHold) {

    /** The default {@link #maxConcurrentEnvelopes()}. */
    public static final int DEFAULT_MAX_CONCURRENT_ENVELOPES = 16;
    /**
     * The default {@link #misbehavingHold()}: long enough that a peer which keeps issuing such
     * challenges sees at most one handshake an hour from us, short enough that mail to a peer
     * that fixed its policy without republishing anything fails for at most an hour.
     */
    public static final Duration DEFAULT_MISBEHAVING_HOLD = Duration.ofHours(1);

    public FederationSettings {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(domainProof, "domainProof");
        suites = List.copyOf(suites);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        Objects.requireNonNull(maxSessionTtl, "maxSessionTtl");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(collisions, "collisions");
        Objects.requireNonNull(failureHold, "failureHold");
        Objects.requireNonNull(misbehavingHold, "misbehavingHold");
        if (suites.isEmpty() || !positive(connectTimeout) || !positive(handshakeTimeout) || !positive(maxSessionTtl)
                || maxReplyBytes <= 0 || maxEnvelopeSize <= 0 || failureHold.isNegative() || maxConcurrentEnvelopes <= 0
                || !positive(misbehavingHold)) {
            throw new IllegalArgumentException("invalid federation settings");
        }
    }

    /** The defaults for {@code local}. */
    public static FederationSettings defaults(LocalDomain local) {
        return new FederationSettings(local, SempVerifyRecord.proof(local), List.of(SuiteId.PQ_KYBER768_X25519,
                SuiteId.X25519_CHACHA20_POLY1305), true, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofDays(1),
                1 << 20, 26_214_400L, FederationPolicy.Acceptor.acceptAny(), CollisionArbiter.none(), Duration.ofSeconds(30),
                DEFAULT_MAX_CONCURRENT_ENVELOPES, DEFAULT_MISBEHAVING_HOLD);
    }

    public FederationSettings withSuites(List<SuiteId> s) {
        return new FederationSettings(local, domainProof, s, preferWebSocket, connectTimeout, handshakeTimeout, maxSessionTtl,
                maxReplyBytes, maxEnvelopeSize, policy, collisions, failureHold, maxConcurrentEnvelopes, misbehavingHold);
    }

    public FederationSettings withPreferWebSocket(boolean ws) {
        return new FederationSettings(local, domainProof, suites, ws, connectTimeout, handshakeTimeout, maxSessionTtl,
                maxReplyBytes, maxEnvelopeSize, policy, collisions, failureHold, maxConcurrentEnvelopes, misbehavingHold);
    }

    public FederationSettings withHandshakeTimeout(Duration d) {
        return new FederationSettings(local, domainProof, suites, preferWebSocket, connectTimeout, d, maxSessionTtl,
                maxReplyBytes, maxEnvelopeSize, policy, collisions, failureHold, maxConcurrentEnvelopes, misbehavingHold);
    }

    public FederationSettings withCollisions(CollisionArbiter c) {
        return new FederationSettings(local, domainProof, suites, preferWebSocket, connectTimeout, handshakeTimeout, maxSessionTtl,
                maxReplyBytes, maxEnvelopeSize, policy, c, failureHold, maxConcurrentEnvelopes, misbehavingHold);
    }

    public FederationSettings withFailureHold(Duration d) {
        return new FederationSettings(local, domainProof, suites, preferWebSocket, connectTimeout, handshakeTimeout, maxSessionTtl,
                maxReplyBytes, maxEnvelopeSize, policy, collisions, d, maxConcurrentEnvelopes, misbehavingHold);
    }

    /** Our {@code max_envelope_size} capability, offered in the handshake ({@code semp.max_envelope_size}). */
    public FederationSettings withMaxEnvelopeSize(long bytes) {
        return new FederationSettings(local, domainProof, suites, preferWebSocket, connectTimeout, handshakeTimeout, maxSessionTtl,
                maxReplyBytes, bytes, policy, collisions, failureHold, maxConcurrentEnvelopes, misbehavingHold);
    }

    public FederationSettings withMaxConcurrentEnvelopes(int n) {
        return new FederationSettings(local, domainProof, suites, preferWebSocket, connectTimeout, handshakeTimeout, maxSessionTtl,
                maxReplyBytes, maxEnvelopeSize, policy, collisions, failureHold, n, misbehavingHold);
    }

    public FederationSettings withMisbehavingHold(Duration d) {
        return new FederationSettings(local, domainProof, suites, preferWebSocket, connectTimeout, handshakeTimeout, maxSessionTtl,
                maxReplyBytes, maxEnvelopeSize, policy, collisions, failureHold, maxConcurrentEnvelopes, d);
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }
}
