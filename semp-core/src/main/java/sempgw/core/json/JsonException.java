package sempgw.core.json;

import java.util.Objects;

/**
 * Rejected JSON: a typed {@link #error()} plus the byte offset of the problem in the input (or -1
 * for tree lookups). The message names the offending field or position but never echoes string
 * content, which may be private mail data.
 */
public final class JsonException extends Exception {
    private final JsonError error;
    private final long offset;

    /** A parse failure at a byte offset of the input. */
    public JsonException(JsonError error, long offset, String message) {
        super(message + (offset >= 0 ? " at byte " + offset : ""));
        this.error = Objects.requireNonNull(error, "error");
        this.offset = offset;
    }

    /** A failure of a tree lookup or value conversion (no input offset). */
    public JsonException(JsonError error, String message) {
        this(error, -1, message);
    }

    /** Why the input or lookup was rejected. */
    public JsonError error() {
        return error;
    }

    /** The byte offset in the input, or -1 when the failure is not tied to input bytes. */
    public long offset() {
        return offset;
    }
}
