package sempgw.core.handshake;

import java.time.Instant;

/**
 * Single use of challenge ids across the whole server (HANDSHAKE.md §2.2b.2: "The server MUST
 * record used challenge_id values"). Implementations may forget an id once {@code expires} plus
 * the clock-skew tolerance has passed. {@link UsedChallenges} is an in-memory one.
 */
@FunctionalInterface
public interface ChallengeLedger {

    /** Records {@code challengeId} as used; false when it was used before. */
    boolean consume(String challengeId, Instant expires, Instant now);
}
