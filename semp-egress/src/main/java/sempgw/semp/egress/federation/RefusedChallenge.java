package sempgw.semp.egress.federation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import sempgw.core.SempTimestamps;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonParser;

/**
 * A peer's signed {@code challenge} that semp-core refused with {@code challenge_invalid}
 * (HANDSHAKE.md §2.2a.2: difficulty above 28, {@code expires} below the floor for its difficulty,
 * or a type or algorithm we do not run). Kept in canonical form, which is what its
 * {@code server_signature} covers, so it stays self-authenticating evidence for a
 * {@code protocol_abuse} report (§2.2a.6, REPUTATION.md §8.3.3). Holds no message content and no
 * secret; canonical JSON is one line, safe to log.
 *
 * @param json       the challenge in canonical JSON, signature included
 * @param difficulty its {@code parameters.difficulty}, when it has an integer one
 * @param expires    its {@code expires}, when that is a timestamp
 */
record RefusedChallenge(String json, OptionalLong difficulty, Optional<Instant> expires) {

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

    /** For the log: {@code difficulty 29, expires 2026-05-01T10:05:00Z}, leaving out what the challenge lacks. */
    String describe() {
        String d = difficulty.isPresent() ? "difficulty " + difficulty.getAsLong() : "no difficulty";
        return expires.map(e -> d + ", expires " + SempTimestamps.format(e)).orElse(d);
    }

    private static OptionalLong difficulty(JsonObject m) {
        try {
            Optional<JsonObject> p = m.optionalObject("parameters");
            return p.isPresent() && p.get().has("difficulty") ? OptionalLong.of(p.get().requireLong("difficulty")) : OptionalLong.empty();
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
