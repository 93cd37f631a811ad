package sempgw.core.handshake;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import sempgw.core.SempException;
import sempgw.core.SempReason;
import sempgw.core.SempTimestamps;
import sempgw.core.crypto.ProofOfWork;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;
import sempgw.core.keys.DomainSigningPublicKey;

/**
 * The initiator's handling of a {@code challenge} (HANDSHAKE.md §2.2a), in order:
 * <ol>
 *   <li>verify {@code server_signature} before any work; a bad one is a rejection
 *   ({@code auth_failed}, §2.2a.1);</li>
 *   <li>{@code challenge_type} must be {@code proof_of_work} and {@code algorithm} {@code sha256},
 *   else abort with {@code challenge_invalid} (§2.2a.1, §2.2a.2);</li>
 *   <li>difficulty above 28, a prefix under 16 bytes, or {@code expires} closer than the floor
 *   for the difficulty (measured against our clock at receipt): abort with
 *   {@code challenge_invalid} and do not solve (§2.2a.2);</li>
 *   <li>solve by counting 8-byte nonces, as semp-go does, within a fixed budget.</li>
 * </ol>
 * Solving is CPU work (about 2^difficulty hashes, seconds at 24 and up): call the state machine
 * from a worker thread, not an event loop.
 */
final class ChallengeAnswer {
    /** Attempts before giving up; 2^34 fails at difficulty 28 with probability e^-64. */
    static final long BUDGET = 1L << 34;

    private ChallengeAnswer() {
    }

    static JsonObject answer(JsonObject challenge, Optional<DomainSigningPublicKey> key, Instant now, String party)
            throws SempException, JsonException {
        if (key.isEmpty() || !ServerSignature.verify(challenge, key.get())) {
            throw new SempException(SempReason.AUTH_FAILED, "challenge signature does not verify");
        }
        if (!PowChallenge.TYPE.equals(challenge.requireString("challenge_type"))) {
            throw invalid("unknown challenge_type");
        }
        String id = challenge.requireString("challenge_id");
        JsonObject p = challenge.requireObject("parameters");
        if (!PowChallenge.ALGORITHM.equals(p.requireString("algorithm"))) {
            throw invalid("unknown proof-of-work algorithm");
        }
        long difficulty = p.requireLong("difficulty");
        if (difficulty < 0 || difficulty > ProofOfWork.MAX_DIFFICULTY) {
            throw invalid("difficulty " + difficulty + " exceeds protocol cap of 28");
        }
        byte[] prefix = Wire.base64(p.requireString("prefix"), "challenge prefix");
        if (prefix.length < PowChallenge.PREFIX_BYTES) {
            throw invalid("challenge prefix shorter than 16 bytes");
        }
        Instant expires = SempTimestamps.parse(challenge.requireString("expires"))
                .orElseThrow(() -> invalid("challenge expires is not a timestamp"));
        Duration floor = PowDemand.floor((int) difficulty);
        if (Duration.between(now, expires).compareTo(floor) < 0) {
            throw invalid("challenge expires in less than " + floor.toSeconds() + " s for difficulty " + difficulty);
        }
        byte[] nonce = ProofOfWork.solve(prefix, id, (int) difficulty, BUDGET)
                .orElseThrow(() -> new SempException(SempReason.CHALLENGE_FAILED, "no solution within the attempt budget"));
        return PowChallenge.response(party, id, prefix, nonce);
    }

    private static SempException invalid(String detail) {
        return new SempException(SempReason.CHALLENGE_INVALID, detail);
    }
}
