package sempgw.core.handshake;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import sempgw.core.crypto.SuiteId;
import sempgw.core.json.JsonArray;
import sempgw.core.json.JsonObject;

/**
 * What a party offers (initiator) or accepts (responder): suites, extension ids and size limits
 * (HANDSHAKE.md §2.2, §5.2). Written as {@code capabilities} with semp-go's field set:
 * {@code encryption_algorithms}, {@code extensions}, and {@code max_envelope_size} /
 * {@code max_batch_size} only when set (go's {@code omitempty}).
 *
 * @param suites suites in order of preference
 * @param extensions extension ids this party supports (EXTENSIONS.md §6)
 * @param maxEnvelopeSize the largest envelope this party accepts, in bytes
 * @param maxBatchSize the largest batch this party accepts
 */
public record Capabilities(List<SuiteId> suites, List<String> extensions, OptionalLong maxEnvelopeSize,
                           OptionalLong maxBatchSize) {

    /** The default envelope size limit (ENVELOPE.md §2.4.1: 25 MiB). */
    public static final long DEFAULT_MAX_ENVELOPE_SIZE = 26_214_400L;

    public Capabilities {
        suites = List.copyOf(suites);
        extensions = List.copyOf(extensions);
        Objects.requireNonNull(maxEnvelopeSize, "maxEnvelopeSize");
        Objects.requireNonNull(maxBatchSize, "maxBatchSize");
        if (suites.isEmpty()) {
            throw new IllegalArgumentException("at least one suite");
        }
    }

    /**
     * Both suites, PQ first (HANDSHAKE.md §6.4), no extensions, the default envelope limit. What an
     * initiator advertises, as semp-go clients do, whichever suite it runs.
     */
    public static Capabilities defaults() {
        return new Capabilities(List.of(SuiteId.PQ_KYBER768_X25519, SuiteId.X25519_CHACHA20_POLY1305), List.of(),
                OptionalLong.of(DEFAULT_MAX_ENVELOPE_SIZE), OptionalLong.empty());
    }

    /** Only {@code suites}, otherwise {@link #defaults()}: what a responder running them accepts. */
    public static Capabilities of(SuiteId... suites) {
        return new Capabilities(List.of(suites), List.of(), OptionalLong.of(DEFAULT_MAX_ENVELOPE_SIZE), OptionalLong.empty());
    }

    /** The {@code capabilities} object. */
    JsonObject toJson() {
        List<String> names = new ArrayList<>(suites.size());
        suites.forEach(s -> names.add(s.wireName()));
        JsonObject.Builder b = JsonObject.builder()
                .put("encryption_algorithms", JsonArray.ofStrings(names))
                .put("extensions", JsonArray.ofStrings(extensions));
        maxEnvelopeSize.ifPresent(v -> b.put("max_envelope_size", v));
        maxBatchSize.ifPresent(v -> b.put("max_batch_size", v));
        return b.build();
    }

    /** Whether {@code suite} is among ours. */
    boolean supports(SuiteId suite) {
        return suites.contains(suite);
    }
}
