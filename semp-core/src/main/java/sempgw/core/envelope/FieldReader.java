package sempgw.core.envelope;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import sempgw.core.json.JsonArray;
import sempgw.core.json.JsonNull;
import sempgw.core.json.JsonNumber;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonString;
import sempgw.core.json.JsonValue;

/**
 * Typed reads from one JSON object of a SEMP message, each failure an
 * {@link EnvelopeFormatException} naming the member's dotted path. {@code null} counts as absent
 * for optional members, as Go's decoder treats it.
 *
 * <pre>{@code
 * FieldReader r = FieldReader.of(postmarkObject, "postmark");
 * String id = r.string("id");
 * }</pre>
 */
public final class FieldReader {
    private final JsonObject object;
    private final String path;

    private FieldReader(JsonObject object, String path) {
        this.object = object;
        this.path = path;
    }

    /** A reader over {@code object}, whose path in the message is {@code path} ("" for the root). */
    public static FieldReader of(JsonObject object, String path) {
        return new FieldReader(object, path);
    }

    /** The dotted path of member {@code key}. */
    public String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** A reader over the required object member {@code key}. */
    public FieldReader child(String key) throws EnvelopeFormatException {
        return new FieldReader(object(key), path(key));
    }

    /** The required string member {@code key} (may be empty). */
    public String string(String key) throws EnvelopeFormatException {
        return require(key, JsonString.class).value();
    }

    /** The string member {@code key}, "" when absent or null. */
    public String stringOrEmpty(String key) throws EnvelopeFormatException {
        JsonString s = optional(key, JsonString.class);
        return s == null ? "" : s.value();
    }

    /** The string member {@code key}; empty when absent, null or "" (Go's omitempty). */
    public Optional<String> optionalString(String key) throws EnvelopeFormatException {
        String s = stringOrEmpty(key);
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /** The array-of-strings member {@code key}; empty when absent or null. */
    public List<String> strings(String key) throws EnvelopeFormatException {
        JsonArray a = optional(key, JsonArray.class);
        if (a == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(a.size());
        for (JsonValue v : a.elements()) {
            if (!(v instanceof JsonString(String s))) {
                throw new EnvelopeFormatException(FormatError.WRONG_TYPE, path(key), "element is " + v.typeName() + ", not string");
            }
            out.add(s);
        }
        return List.copyOf(out);
    }

    /** The required object member {@code key}. */
    public JsonObject object(String key) throws EnvelopeFormatException {
        return require(key, JsonObject.class);
    }

    /** The object member {@code key}; {@link JsonObject#EMPTY} when absent or null. */
    public JsonObject objectOrEmpty(String key) throws EnvelopeFormatException {
        JsonObject o = optional(key, JsonObject.class);
        return o == null ? JsonObject.EMPTY : o;
    }

    /** The object member {@code key}; empty when absent or null. */
    public Optional<JsonObject> optionalObject(String key) throws EnvelopeFormatException {
        return Optional.ofNullable(optional(key, JsonObject.class));
    }

    /** The array member {@code key}; empty when absent or null. */
    public Optional<JsonArray> optionalArray(String key) throws EnvelopeFormatException {
        return Optional.ofNullable(optional(key, JsonArray.class));
    }

    /** The object member {@code key} whose values are all strings; empty map when absent or null. */
    public Map<String, String> stringMap(String key) throws EnvelopeFormatException {
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : objectOrEmpty(key).members().entrySet()) {
            if (!(e.getValue() instanceof JsonString(String s))) {
                throw new EnvelopeFormatException(FormatError.WRONG_TYPE, path(key), "value is " + e.getValue().typeName() + ", not string");
            }
            out.put(e.getKey(), s);
        }
        return Collections.unmodifiableMap(out);
    }

    /** The required non-negative integer member {@code key}. */
    public long nonNegativeLong(String key) throws EnvelopeFormatException {
        return toNonNegativeLong(key, require(key, JsonNumber.class));
    }

    /** The non-negative integer member {@code key}, empty when absent or null. */
    public OptionalLong optionalNonNegativeLong(String key) throws EnvelopeFormatException {
        JsonNumber n = optional(key, JsonNumber.class);
        return n == null ? OptionalLong.empty() : OptionalLong.of(toNonNegativeLong(key, n));
    }

    /** The required RFC 3339 timestamp member {@code key}, any offset. */
    public Instant timestamp(String key) throws EnvelopeFormatException {
        return Rfc3339.parse(string(key))
                .orElseThrow(() -> new EnvelopeFormatException(FormatError.INVALID_VALUE, path(key), "not an RFC 3339 timestamp"));
    }

    /** The required RFC 3339 timestamp member {@code key} in UTC ({@code Z} or a zero offset). */
    public Instant utcTimestamp(String key) throws EnvelopeFormatException {
        return Rfc3339.parseUtc(string(key))
                .orElseThrow(() -> new EnvelopeFormatException(FormatError.INVALID_VALUE, path(key), "not an RFC 3339 UTC timestamp"));
    }

    private long toNonNegativeLong(String key, JsonNumber n) throws EnvelopeFormatException {
        if (!n.isInteger() || n.text().startsWith("-") || n.text().length() > 18) {
            throw new EnvelopeFormatException(FormatError.INVALID_VALUE, path(key), "not a non-negative integer below 10^18");
        }
        return Long.parseLong(n.text());
    }

    private <T extends JsonValue> T require(String key, Class<T> type) throws EnvelopeFormatException {
        JsonValue v = object.getOrNull(key);
        if (v == null) {
            throw new EnvelopeFormatException(FormatError.MISSING_FIELD, path(key), "missing");
        }
        return cast(key, v, type);
    }

    private <T extends JsonValue> T optional(String key, Class<T> type) throws EnvelopeFormatException {
        JsonValue v = object.getOrNull(key);
        return v == null || v == JsonNull.INSTANCE ? null : cast(key, v, type);
    }

    private <T extends JsonValue> T cast(String key, JsonValue v, Class<T> type) throws EnvelopeFormatException {
        if (!type.isInstance(v)) {
            throw new EnvelopeFormatException(FormatError.WRONG_TYPE, path(key), "is " + v.typeName());
        }
        return type.cast(v);
    }
}
