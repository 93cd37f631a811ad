package sempgw.core.json;

/**
 * A strict, bounded JSON parser (RFC 8259) producing an immutable {@link JsonValue} tree.
 *
 * <p>Every failure is a {@link JsonException} with a {@link JsonError}; no unchecked exception
 * escapes for any input, and work is linear in the input length. Recursion is bounded by
 * {@link Options#maxDepth()}.
 *
 * <pre>{@code
 * JsonObject msg = JsonParser.parseObject(wireBytes, JsonParser.Options.wire());
 * }</pre>
 */
public final class JsonParser {

    /** What to do with input Go would accept but strict JSON does not. */
    public enum Compat {
        /** Reject invalid UTF-8, lone surrogate escapes and duplicate keys: for the wire. */
        STRICT,
        /**
         * Reproduce Go {@code encoding/json}: invalid UTF-8 bytes and lone surrogates become
         * U+FFFD, and the last of duplicate keys wins. Only for checking semp-go vectors; never
         * for peer input.
         */
        GO_LENIENT
    }

    /**
     * Parser limits. Every limit is enforced while reading, before any allocation it bounds.
     *
     * @param maxBytes largest accepted input
     * @param maxDepth deepest nesting of objects and arrays (the top-level value is depth 1), at most 512
     * @param maxStringBytes longest string or key, counted in input bytes between the quotes
     * @param maxNumberLength longest number literal
     * @param maxContainerSize most members of one object or elements of one array
     * @param compat strict or Go-compatible handling of invalid text and duplicate keys
     */
    public record Options(int maxBytes, int maxDepth, int maxStringBytes, int maxNumberLength,
                          int maxContainerSize, Compat compat) {

        /** Envelope size ceiling (ENVELOPE.md §2.4.1 default max_envelope_size 26214400) plus headroom. */
        public static final int DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

        public Options {
            if (maxBytes < 0 || maxDepth < 1 || maxDepth > 512 || maxStringBytes < 0
                    || maxNumberLength < 1 || maxContainerSize < 0) {
                throw new IllegalArgumentException("invalid JSON parser limits");
            }
            java.util.Objects.requireNonNull(compat, "compat");
        }

        /**
         * Limits for peer messages: 32 MiB input, depth 64, strings up to the input size,
         * numbers up to 64 characters, 100000 members per container, {@link Compat#STRICT}.
         */
        public static Options wire() {
            return new Options(DEFAULT_MAX_BYTES, 64, DEFAULT_MAX_BYTES, 64, 100_000, Compat.STRICT);
        }

        /** The {@link #wire()} limits with Go-compatible text handling, for semp-go vectors. */
        public static Options goLenient() {
            return wire().withCompat(Compat.GO_LENIENT);
        }

        /** These limits with another input ceiling; strings that could fill the old input may fill the new one. */
        public Options withMaxBytes(int max) {
            int strings = maxStringBytes >= maxBytes ? max : Math.min(maxStringBytes, max);
            return new Options(max, maxDepth, strings, maxNumberLength, maxContainerSize, compat);
        }

        /** These limits with another nesting ceiling. */
        public Options withMaxDepth(int max) {
            return new Options(maxBytes, max, maxStringBytes, maxNumberLength, maxContainerSize, compat);
        }

        /** These limits with another compatibility mode. */
        public Options withCompat(Compat c) {
            return new Options(maxBytes, maxDepth, maxStringBytes, maxNumberLength, maxContainerSize, c);
        }
    }

    private JsonParser() {
    }

    /** Parses one JSON document with the {@link Options#wire()} limits. */
    public static JsonValue parse(byte[] input) throws JsonException {
        return parse(input, Options.wire());
    }

    /** Parses one JSON document. */
    public static JsonValue parse(byte[] input, Options options) throws JsonException {
        return new JsonReader(input, options).readDocument();
    }

    /**
     * Parses one JSON document whose top-level value must be an object, as every SEMP message is
     * (TRANSPORT.md §7.5).
     *
     * @throws JsonException {@link JsonError#WRONG_TYPE} when the document is not an object
     */
    public static JsonObject parseObject(byte[] input, Options options) throws JsonException {
        JsonValue v = parse(input, options);
        if (v instanceof JsonObject o) {
            return o;
        }
        throw new JsonException(JsonError.WRONG_TYPE, 0, "top-level value is " + v.typeName() + ", not object");
    }

    /** {@link #parseObject(byte[], Options)} with the {@link Options#wire()} limits. */
    public static JsonObject parseObject(byte[] input) throws JsonException {
        return parseObject(input, Options.wire());
    }
}
