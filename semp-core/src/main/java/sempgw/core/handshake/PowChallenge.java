package sempgw.core.handshake;

import java.time.Instant;
import java.util.HexFormat;
import sempgw.core.SempException;
import sempgw.core.SempReason;
import sempgw.core.SempTimestamps;
import sempgw.core.crypto.ProofOfWork;
import sempgw.core.crypto.RandomSource;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.core.session.SessionIds;

/**
 * The responder's half of the {@code proof_of_work} round (HANDSHAKE.md §2.2a, §2.2b): the
 * signed {@code challenge} (semp-go's field set, no {@code extensions}) and the check of the
 * {@code challenge_response}.
 *
 * @param id {@code challenge_id}, a ULID
 * @param prefix 16 random bytes (the spec's minimum)
 * @param difficulty leading zero bits required
 * @param expires the deadline for the solution
 */
record PowChallenge(String id, byte[] prefix, int difficulty, Instant expires) {
    static final String TYPE = "proof_of_work";
    static final String ALGORITHM = "sha256";
    static final int PREFIX_BYTES = 16;

    static PowChallenge issue(PowDemand demand, Instant now, RandomSource random) {
        String id = SessionIds.newUlid(now, random);
        return new PowChallenge(id, random.bytes(PREFIX_BYTES), demand.difficulty(), now.plus(demand.lifetime()));
    }

    /** The signed {@code challenge} message. */
    JsonObject message(DomainSigningPrivateKey key) {
        JsonObject unsigned = Wire.header("challenge", Wire.SERVER)
                .put("challenge_id", id)
                .put("challenge_type", TYPE)
                .put("parameters", JsonObject.builder()
                        .put("algorithm", ALGORITHM)
                        .put("prefix", Wire.base64(prefix))
                        .put("difficulty", difficulty)
                        .build())
                .put("expires", SempTimestamps.format(expires))
                .build();
        return ServerSignature.sign(unsigned, key);
    }

    /**
     * Verification steps 1-4 of HANDSHAKE.md §2.2b.2 (VECTORS.md §4.1); any failure is
     * {@code challenge_failed}. Single use across connections is the {@link ChallengeLedger}'s.
     */
    void check(JsonObject response, Instant now, ChallengeLedger ledger) throws SempException, JsonException {
        if (!id.equals(response.requireString("challenge_id")) || !TYPE.equals(response.requireString("challenge_type"))) {
            throw failed("solution names another challenge");
        }
        if (!now.isBefore(expires)) {
            throw failed("challenge expired");
        }
        JsonObject solution = response.requireObject("solution");
        byte[] nonce;
        try {
            nonce = Wire.base64(solution.requireString("nonce"), "solution nonce");
        } catch (SempException e) {
            throw failed(e.getMessage());
        }
        if (nonce.length > 1024 || !ProofOfWork.verify(prefix, id, nonce, solution.requireString("hash"), difficulty)) {
            throw failed("wrong proof of work");
        }
        if (!ledger.consume(id, expires, now)) {
            throw failed("challenge already used");
        }
    }

    /** A {@code challenge_response} with {@code nonce} and its hash (HANDSHAKE.md §2.2b). */
    static JsonObject response(String party, String challengeId, byte[] prefix, byte[] nonce) {
        return Wire.header("challenge_response", party)
                .put("challenge_id", challengeId)
                .put("challenge_type", TYPE)
                .put("solution", JsonObject.builder()
                        .put("nonce", Wire.base64(nonce))
                        .put("hash", HexFormat.of().formatHex(ProofOfWork.hash(prefix, challengeId, nonce)))
                        .build())
                .build();
    }

    private static SempException failed(String detail) {
        return new SempException(SempReason.CHALLENGE_FAILED, detail);
    }
}
