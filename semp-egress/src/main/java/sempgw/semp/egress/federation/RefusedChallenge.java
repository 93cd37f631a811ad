package sempgw.semp.egress.federation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import sempgw.core.SempTimestamps;
import sempgw.core.crypto.ProofOfWork;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonParser;

/**
 * A peer's signed {@code challenge} that semp-core refused with {@code challenge_invalid}
 * (HANDSHAKE.md §2.2a.2: difficulty above 28, {@code expires} below the floor for its difficulty,
 * or a type or algorithm we do not run). Only the first makes the peer misbehaving
 * ({@link #aboveCap()}). Kept in canonical form, which is what its {@code server_signature}
 * covers, so it stays self-authenticating evidence for a {@code protocol_abuse} report (§2.2a.6,
 * REPUTATION.md §8.3.3). Holds no message content and no secret; canonical JSON is one line, safe
 * to log.
 *
 * @param json       the challenge in canonical JSON, signature included
 * @param difficulty its {@code parameters.difficulty}, when it is a {@code proof_of_work} challenge
 *                   over {@code sha256} with an integer one (the checks semp-core makes before the cap)
 * @param expires    its {@code expires}, when that is a timestamp
 */
record RefusedChallenge(String json, OptionalLong difficulty, Optional<Instant> expires) {

    private static final String PROOF_OF_WORK = "proof_of_work";
    private static final String SHA256 = "sha256";

    RefusedChallenge {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(difficulty, "difficulty");
        Objects.requireNonNull(expires, "expires");
    }

    /** The refused message as the peer sent it; one semp-core could not parse is kept with its control characters masked. */
    static RefusedChallenge of(byte[] message) {
        JsonObject m;
        try {
            m = JsonParser.parseObject(message);
        } catch (JsonException e) {
            String raw = new String(message, StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", "?");
            return new RefusedChallenge(raw, OptionalLong.empty(), Optional.empty());
        }
        return new RefusedChallenge(new String(CanonicalJson.encode(m), StandardCharsets.UTF_8), difficulty(m), expires(m));
    }

    /**
     * True when semp-core refused it for a difficulty above the cap of 28, the one refusal after
     * which a federation peer "MUST treat the issuing server as misbehaving" (HANDSHAKE.md
     * §2.2a.2). An expiry below the floor (which a conformant peer's challenge can fall under by
     * latency or clock skew, CONFORMANCE.md §9.3.3) or a type we do not run (§2.2a.5) is not.
     */
    boolean aboveCap() {
        return difficulty.isPresent() && difficulty.getAsLong() > ProofOfWork.MAX_DIFFICULTY;
    }

    /** For the log: {@code difficulty 29, expires 2026-05-01T10:05:00Z}, leaving out what the challenge lacks. */
    String describe() {
        String d = difficulty.isPresent() ? "difficulty " + difficulty.getAsLong() : "no difficulty";
        return expires.map(e -> d + ", expires " + SempTimestamps.format(e)).orElse(d);
    }

    private static OptionalLong difficulty(JsonObject m) {
        try {
            Optional<JsonObject> p = m.optionalObject("parameters");
            if (!PROOF_OF_WORK.equals(m.optionalString("challenge_type").orElse(null)) || p.isEmpty()
                    || !SHA256.equals(p.get().optionalString("algorithm").orElse(null))) {
                return OptionalLong.empty();
            }
            return p.get().has("difficulty") ? OptionalLong.of(p.get().requireLong("difficulty")) : OptionalLong.empty();
        } catch (JsonException e) {
            return OptionalLong.empty();
        }
    }

    private static Optional<Instant> expires(JsonObject m) {
        try {
            return m.optionalString("expires").flatMap(SempTimestamps::parse);
        } catch (JsonException e) {
            return Optional.empty();
        }
    }
}
