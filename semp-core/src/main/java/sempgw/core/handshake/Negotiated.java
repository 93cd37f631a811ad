package sempgw.core.handshake;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import sempgw.core.SempException;
import sempgw.core.SempReason;
import sempgw.core.crypto.SuiteId;
import sempgw.core.json.JsonArray;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;

/**
 * The session parameters a responder chose (HANDSHAKE.md §2.3 {@code negotiated}): the suite,
 * the extensions both sides support (in the initiator's order), and the smaller of the size
 * limits either side stated (§2.3.1: "the minimum of both servers' advertised limits").
 */
public record Negotiated(SuiteId suite, List<String> extensions, OptionalLong maxEnvelopeSize, OptionalLong maxBatchSize) {

    public Negotiated {
        Objects.requireNonNull(suite, "suite");
        extensions = List.copyOf(extensions);
        Objects.requireNonNull(maxEnvelopeSize, "maxEnvelopeSize");
        Objects.requireNonNull(maxBatchSize, "maxBatchSize");
    }

    /**
     * The responder's choice. The suite is the one of the initiator's ephemeral key: it is the
     * only suite the responder can encapsulate to (SPEC-DIGEST-WIRE §1.1). It must be among the
     * initiator's offered {@code encryption_algorithms} and among ours, else the handshake is
     * refused with {@code policy_forbidden}.
     */
    static Negotiated choose(SuiteId initiatorKeySuite, JsonObject offered, Capabilities ours) throws SempException, JsonException {
        List<String> algorithms = offered.requireArray("encryption_algorithms").requireStrings();
        if (!algorithms.contains(initiatorKeySuite.wireName()) || !ours.supports(initiatorKeySuite)) {
            throw new SempException(SempReason.POLICY_FORBIDDEN, "no mutually supported suite for the offered ephemeral key");
        }
        List<String> theirs = offered.optionalArray("extensions").orElse(JsonArray.EMPTY).requireStrings();
        List<String> common = new ArrayList<>();
        for (String e : theirs) {
            if (ours.extensions().contains(e) && !common.contains(e)) {
                common.add(e);
            }
        }
        return new Negotiated(initiatorKeySuite, common, min(limit(offered, "max_envelope_size"), ours.maxEnvelopeSize()),
                min(limit(offered, "max_batch_size"), ours.maxBatchSize()));
    }

    /** The {@code negotiated} object; size limits only when set (semp-go's omitempty). */
    JsonObject toJson() {
        JsonObject.Builder b = JsonObject.builder()
                .put("encryption_algorithm", suite.wireName())
                .put("extensions", JsonArray.ofStrings(extensions));
        maxEnvelopeSize.ifPresent(v -> b.put("max_envelope_size", v));
        maxBatchSize.ifPresent(v -> b.put("max_batch_size", v));
        return b.build();
    }

    /**
     * Reads a received {@code negotiated}, which must name {@code expected}, the suite of our own
     * ephemeral key.
     */
    static Negotiated read(JsonObject n, SuiteId expected) throws SempException, JsonException {
        if (!expected.wireName().equals(n.requireString("encryption_algorithm"))) {
            throw new SempException(SempReason.HANDSHAKE_INVALID, "responder negotiated another suite than our key's");
        }
        return new Negotiated(expected, n.optionalArray("extensions").orElse(JsonArray.EMPTY).requireStrings(),
                limit(n, "max_envelope_size"), limit(n, "max_batch_size"));
    }

    private static OptionalLong limit(JsonObject o, String key) throws JsonException {
        if (!o.has(key) || o.getOrNull(key) == sempgw.core.json.JsonNull.INSTANCE) {
            return OptionalLong.empty();
        }
        long v = o.requireLong(key);
        return v > 0 ? OptionalLong.of(v) : OptionalLong.empty();
    }

    private static OptionalLong min(OptionalLong a, OptionalLong b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : OptionalLong.of(Math.min(a.getAsLong(), b.getAsLong()));
    }
}
