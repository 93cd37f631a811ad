package sempgw.core.json;

import java.util.Objects;

/** A JSON string. The value is any Java string; the canonical writer escapes it. */
public record JsonString(String value) implements JsonValue {

    /** The empty string, the value elided signature fields are set to (ENVELOPE.md §4.3). */
    public static final JsonString EMPTY = new JsonString("");

    public JsonString {
        Objects.requireNonNull(value, "value");
    }

    /** A JSON string holding {@code value}. */
    public static JsonString of(String value) {
        return value.isEmpty() ? EMPTY : new JsonString(value);
    }

    /** The length only: string values may be private mail content. */
    @Override
    public String toString() {
        return "JsonString[" + value.length() + " chars]";
    }
}
