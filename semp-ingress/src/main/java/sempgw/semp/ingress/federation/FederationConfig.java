package sempgw.semp.ingress.federation;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;
import sempgw.core.handshake.Capabilities;
import sempgw.core.handshake.DomainKeyLookup;
import sempgw.core.handshake.DomainProofVerifier;
import sempgw.core.handshake.FederationPolicy;
import sempgw.core.handshake.LocalDomain;
import sempgw.core.handshake.PowDemand;

/**
 * Everything the federation responder is configured with (STYLE.md item 15: parsed once,
 * immutable). The responder needs only the domain signing key (in {@code local}); the domain
 * decryption keys open briefs and belong to the receive pipeline.
 *
 * @param local our domain, {@code server_id} and domain signing key
 * @param accepted suites and limits we accept (both suites, PQ preferred, HANDSHAKE.md §6.4)
 * @param policy the {@code federation_policy} we state in message 2 (HANDSHAKE.md §5.5)
 * @param sessionTtl the TTL we grant (default one hour, as semp-go); also the nonce replay window
 *     (HANDSHAKE.md §6.2)
 * @param peerKeys initiating domains' published signing keys (HANDSHAKE.md §5.3), injected
 * @param proofs domain-ownership verification before message 2 (CONFORMANCE.md §4.8), injected;
 *     there is no accept-everything default
 * @param proofOfWork the challenge demanded from a peer that holds no live session with us, or
 *     empty for none (the default: HANDSHAKE.md §2.2a makes the challenge conditional on
 *     operator policy and reputation, REPUTATION.md §8.3, which the gateway does not track;
 *     difficulty 20 is the spec's suggestion for unknown senders)
 * @param blockList domain and server entries (DELIVERY.md §6.1); replaceable at run time
 * @param limits caps and windows
 * @param random randomness for nonces, keys, ids and challenges
 * @param receiver the receive pipeline
 */
public record FederationConfig(LocalDomain local, Capabilities accepted, FederationPolicy policy, Duration sessionTtl,
                               DomainKeyLookup peerKeys, DomainProofVerifier proofs, Optional<PowDemand> proofOfWork,
                               BlockList blockList, FederationLimits limits, RandomSource random, EnvelopeReceiver receiver) {

    /** What we state in message 2: envelopes kept at most 7 days, user discovery allowed, no relaying. */
    public static final FederationPolicy DEFAULT_POLICY = new FederationPolicy("7d", "allowed", false);

    /** The TTL granted by default (semp-go's federation default). */
    public static final Duration DEFAULT_SESSION_TTL = Duration.ofHours(1);

    public FederationConfig {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(accepted, "accepted");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(peerKeys, "peerKeys");
        Objects.requireNonNull(proofs, "proofs: a DomainProofVerifier is required (CONFORMANCE.md §4.8)");
        Objects.requireNonNull(proofOfWork, "proofOfWork");
        Objects.requireNonNull(blockList, "blockList");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(receiver, "receiver");
        if (sessionTtl.toSeconds() < 60 || sessionTtl.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("session TTL must be 1 min to 1 day");
        }
    }

    /** Both suites, the default policy, TTL and limits, no proof of work, no block entries. */
    public static FederationConfig of(LocalDomain local, DomainKeyLookup peerKeys, DomainProofVerifier proofs,
                                      RandomSource random, EnvelopeReceiver receiver) {
        return new FederationConfig(local, Capabilities.of(SuiteId.PQ_KYBER768_X25519, SuiteId.X25519_CHACHA20_POLY1305),
                DEFAULT_POLICY, DEFAULT_SESSION_TTL, peerKeys, proofs, Optional.empty(), BlockList.EMPTY,
                FederationLimits.DEFAULTS, random, receiver);
    }

    /** This configuration with other block entries. */
    public FederationConfig withBlockList(BlockList list) {
        return new FederationConfig(local, accepted, policy, sessionTtl, peerKeys, proofs, proofOfWork, list, limits, random, receiver);
    }

    /** This configuration with other limits. */
    public FederationConfig withLimits(FederationLimits l) {
        return new FederationConfig(local, accepted, policy, sessionTtl, peerKeys, proofs, proofOfWork, blockList, l, random, receiver);
    }

    /** This configuration demanding proof of work of {@code difficulty} (0 to 28) from peers without a live session. */
    public FederationConfig withProofOfWork(int difficulty) {
        return new FederationConfig(local, accepted, policy, sessionTtl, peerKeys, proofs, Optional.of(PowDemand.of(difficulty)),
                blockList, limits, random, receiver);
    }
}
