package sempgw.core.handshake;

import java.time.Duration;
import java.util.Objects;

/**
 * The server-wide protections every responder handshake shares. Build it once per listener.
 *
 * @param admission block list and capacity gate (HANDSHAKE.md §4.2; SESSION.md §2.5.3)
 * @param nonces replay table for init nonces (HANDSHAKE.md §6.2)
 * @param challenges when to demand proof of work (HANDSHAKE.md §2.2a)
 * @param usedChallenges single use of challenge ids (HANDSHAKE.md §2.2b.2)
 * @param timeout how long a handshake may take from its first message (HANDSHAKE.md §6.6:
 *     30 s recommended)
 */
public record ResponderGuards(Admission admission, NonceLedger nonces, ChallengePolicy challenges,
                              ChallengeLedger usedChallenges, Duration timeout) {
    /** The recommended handshake timeout (HANDSHAKE.md §6.6). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public ResponderGuards {
        Objects.requireNonNull(admission, "admission");
        Objects.requireNonNull(nonces, "nonces");
        Objects.requireNonNull(challenges, "challenges");
        Objects.requireNonNull(usedChallenges, "usedChallenges");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** Admit all, no challenges, 30 s timeout, with the given server-wide tables. */
    public static ResponderGuards of(NonceLedger nonces, ChallengeLedger usedChallenges) {
        return new ResponderGuards(Admission.admitAll(), nonces, ChallengePolicy.never(), usedChallenges, DEFAULT_TIMEOUT);
    }

    /** These guards with another challenge policy. */
    public ResponderGuards withChallenges(ChallengePolicy policy) {
        return new ResponderGuards(admission, nonces, policy, usedChallenges, timeout);
    }

    /** These guards with another admission gate. */
    public ResponderGuards withAdmission(Admission gate) {
        return new ResponderGuards(gate, nonces, challenges, usedChallenges, timeout);
    }
}
