package sempgw.core.handshake;

import java.time.Duration;
import sempgw.core.crypto.ProofOfWork;

/**
 * A proof-of-work challenge a responder decided to issue (HANDSHAKE.md §2.2a.2): its difficulty
 * and how long the initiator has to solve it. Construction enforces the protocol bounds, so a
 * server cannot issue a challenge a conformant initiator must refuse: difficulty 0 to 28, and a
 * lifetime at least the floor for the difficulty (30 s up to 20, 60 s up to 24, 120 s up to 28).
 *
 * @param difficulty leading zero bits required
 * @param lifetime time from issue to {@code expires}
 */
public record PowDemand(int difficulty, Duration lifetime) {

    public PowDemand {
        if (difficulty < 0 || difficulty > ProofOfWork.MAX_DIFFICULTY) {
            throw new IllegalArgumentException("difficulty must be 0 to 28 (HANDSHAKE.md §2.2a.2)");
        }
        if (lifetime.compareTo(floor(difficulty)) < 0) {
            throw new IllegalArgumentException("challenge lifetime below the floor for difficulty " + difficulty);
        }
    }

    /** The minimum {@code expires - issue time} for {@code difficulty} (HANDSHAKE.md §2.2a.2 table). */
    public static Duration floor(int difficulty) {
        if (difficulty <= 20) {
            return Duration.ofSeconds(30);
        }
        return difficulty <= 24 ? Duration.ofSeconds(60) : Duration.ofSeconds(120);
    }

    /** A challenge of {@code difficulty} with semp-go's five-minute lifetime. */
    public static PowDemand of(int difficulty) {
        return new PowDemand(difficulty, Duration.ofMinutes(5));
    }
}
