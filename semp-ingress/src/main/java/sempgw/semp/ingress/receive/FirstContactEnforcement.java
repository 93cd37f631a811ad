package sempgw.semp.ingress.receive;

import java.time.Duration;
import java.util.Objects;
import sempgw.core.crypto.ProofOfWork;

/**
 * How the pipeline enforces the operator's first-contact policy (DELIVERY.md §6.4), the same for
 * every address (KEY.md §3.2, §3.2.4). It must match the {@code first_contact_policy} the key
 * documents publish ({@code sempgw.semp.ingress.documents.FirstContactPolicy}): the gateway builds
 * both from one setting, since a recipient server must not announce a challenge it does not
 * verify, nor enforce one it never announced (KEY.md §3.2.2, §3.2.3).
 *
 * @param mode {@code open} or {@code challenge} (KEY.md §3.2.1)
 * @param difficulty {@code proof_of_work} leading zero bits, 0 to 28 (HANDSHAKE.md §2.2a.2);
 *     default 20, never varied by recipient (§2.2a.3)
 * @param challengeLifetime from issue to {@code expires}; at least the floor for the difficulty
 *     (30 s up to 20, 60 s up to 24, 120 s up to 28; HANDSHAKE.md §2.2a.2); default 30 minutes
 */
public record FirstContactEnforcement(Mode mode, int difficulty, Duration challengeLifetime) {
    /** Default difficulty, as the reference servers use. */
    public static final int DEFAULT_DIFFICULTY = 20;

    /** KEY.md §3.2.1. */
    public enum Mode { OPEN, CHALLENGE }

    public FirstContactEnforcement {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(challengeLifetime, "challengeLifetime");
        if (difficulty < 0 || difficulty > ProofOfWork.MAX_DIFFICULTY) {
            throw new IllegalArgumentException("difficulty must be 0 to 28 (HANDSHAKE.md §2.2a.2)");
        }
        if (challengeLifetime.compareTo(floor(difficulty)) < 0) {
            throw new IllegalArgumentException("challenge lifetime below the HANDSHAKE.md §2.2a.2 floor " + floor(difficulty));
        }
    }

    /** {@code open}: no first-contact friction. */
    public static FirstContactEnforcement open() {
        return new FirstContactEnforcement(Mode.OPEN, DEFAULT_DIFFICULTY, Duration.ofMinutes(30));
    }

    /** {@code challenge} with {@code proof_of_work} at {@code difficulty}, 30-minute challenges. */
    public static FirstContactEnforcement challenge(int difficulty) {
        return new FirstContactEnforcement(Mode.CHALLENGE, difficulty, Duration.ofMinutes(30));
    }

    /** The minimum {@code expires} distance for {@code difficulty} (HANDSHAKE.md §2.2a.2). */
    static Duration floor(int difficulty) {
        return Duration.ofSeconds(difficulty <= 20 ? 30 : difficulty <= 24 ? 60 : 120);
    }
}
