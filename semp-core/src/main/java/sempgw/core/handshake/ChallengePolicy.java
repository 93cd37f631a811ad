package sempgw.core.handshake;

import java.util.Optional;

/**
 * Whether a responder demands proof of work before spending anything on an {@code init}
 * (HANDSHAKE.md §2.2a; REPUTATION.md §8.3 decides when).
 */
@FunctionalInterface
public interface ChallengePolicy {

    /** The challenge to issue for {@code init}, or empty to proceed without one. */
    Optional<PowDemand> demand(InitSummary init);

    /** Never challenge. */
    static ChallengePolicy never() {
        return init -> Optional.empty();
    }

    /** Always challenge with {@code demand}. */
    static ChallengePolicy always(PowDemand demand) {
        Optional<PowDemand> d = Optional.of(demand);
        return init -> d;
    }
}
