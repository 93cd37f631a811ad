package sempgw.core.json;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable JSON object with unique keys in insertion order. Typed accessors throw a checked
 * {@link JsonException} naming the field, so protocol code can map a malformed message to its
 * reason code in one place.
 */
public final class JsonObject implements JsonValue {

    /** The empty object {@code {}}. */
    public static final JsonObject EMPTY = new JsonObject(Map.of());

    private final Map<String, JsonValue> members;
    private volatile String[] sortedKeys;

    private JsonObject(Map<String, JsonValue> members) {
        this.members = members;
    }

    /** A builder for a new object. */
    public static Builder builder() {
        return new Builder(new LinkedHashMap<>());
    }

    /** An object with the given members (in the map's iteration order), copied. */
    public static JsonObject of(Map<String, ? extends JsonValue> members) {
        Builder b = builder();
        members.forEach(b::put);
        return b.build();
    }

    static JsonObject wrap(LinkedHashMap<String, JsonValue> owned) {
        return owned.isEmpty() ? EMPTY : new JsonObject(Collections.unmodifiableMap(owned));
    }

    /** The members in insertion order, unmodifiable. */
    public Map<String, JsonValue> members() {
        return members;
    }

    /** The keys in insertion order. */
    public Set<String> keys() {
        return members.keySet();
    }

    /** The number of members. */
    public int size() {
        return members.size();
    }

    /** True when the object has no members. */
    public boolean isEmpty() {
        return members.isEmpty();
    }

    /** True when a member named {@code key} exists (whatever its value, including null). */
    public boolean has(String key) {
        return members.containsKey(key);
    }

    /** The member named {@code key}, if present. */
    public Optional<JsonValue> find(String key) {
        return Optional.ofNullable(members.get(key));
    }

    /** The member named {@code key}, or {@code null} when absent. */
    public JsonValue getOrNull(String key) {
        return members.get(key);
    }

    /** The string member {@code key}. @throws JsonException MISSING_FIELD or WRONG_TYPE */
    public String requireString(String key) throws JsonException {
        return require(key, JsonString.class).value();
    }

    /** The object member {@code key}. @throws JsonException MISSING_FIELD or WRONG_TYPE */
    public JsonObject requireObject(String key) throws JsonException {
        return require(key, JsonObject.class);
    }

    /** The array member {@code key}. @throws JsonException MISSING_FIELD or WRONG_TYPE */
    public JsonArray requireArray(String key) throws JsonException {
        return require(key, JsonArray.class);
    }

    /** The number member {@code key}. @throws JsonException MISSING_FIELD or WRONG_TYPE */
    public JsonNumber requireNumber(String key) throws JsonException {
        return require(key, JsonNumber.class);
    }

    /** The integer member {@code key}. @throws JsonException MISSING_FIELD, WRONG_TYPE or INVALID_VALUE */
    public long requireLong(String key) throws JsonException {
        return require(key, JsonNumber.class).longValue();
    }

    /** The boolean member {@code key}. @throws JsonException MISSING_FIELD or WRONG_TYPE */
    public boolean requireBoolean(String key) throws JsonException {
        return require(key, JsonBool.class).value();
    }

    /**
     * The string member {@code key}, empty when absent or {@code null}.
     *
     * @throws JsonException WRONG_TYPE when present with another type
     */
    public Optional<String> optionalString(String key) throws JsonException {
        JsonString s = optional(key, JsonString.class);
        return s == null ? Optional.empty() : Optional.of(s.value());
    }

    /**
     * The object member {@code key}, empty when absent or {@code null}.
     *
     * @throws JsonException WRONG_TYPE when present with another type
     */
    public Optional<JsonObject> optionalObject(String key) throws JsonException {
        return Optional.ofNullable(optional(key, JsonObject.class));
    }

    /**
     * The array member {@code key}, empty when absent or {@code null}.
     *
     * @throws JsonException WRONG_TYPE when present with another type
     */
    public Optional<JsonArray> optionalArray(String key) throws JsonException {
        return Optional.ofNullable(optional(key, JsonArray.class));
    }

    /** A copy with {@code key} set to {@code value}: replaced in place, or appended when new. */
    public JsonObject with(String key, JsonValue value) {
        LinkedHashMap<String, JsonValue> copy = new LinkedHashMap<>(members);
        copy.put(key, java.util.Objects.requireNonNull(value, "value"));
        return wrap(copy);
    }

    /** A copy without {@code key}; this object itself when there is no such member. */
    public JsonObject without(String key) {
        if (!members.containsKey(key)) {
            return this;
        }
        LinkedHashMap<String, JsonValue> copy = new LinkedHashMap<>(members);
        copy.remove(key);
        return wrap(copy);
    }

    /** A builder pre-filled with this object's members. */
    public Builder toBuilder() {
        return new Builder(new LinkedHashMap<>(members));
    }

    /** The keys sorted by UTF-8 byte order, cached (ENVELOPE.md §4.3). */
    String[] sortedKeys() {
        String[] s = sortedKeys;
        if (s == null) {
            s = members.keySet().toArray(new String[0]);
            Arrays.sort(s, Utf8Order.COMPARATOR);
            sortedKeys = s;
        }
        return s;
    }

    private <T extends JsonValue> T require(String key, Class<T> type) throws JsonException {
        JsonValue v = members.get(key);
        if (v == null) {
            throw new JsonException(JsonError.MISSING_FIELD, "missing field \"" + key + "\"");
        }
        if (!type.isInstance(v)) {
            throw new JsonException(JsonError.WRONG_TYPE, "field \"" + key + "\" is " + v.typeName());
        }
        return type.cast(v);
    }

    private <T extends JsonValue> T optional(String key, Class<T> type) throws JsonException {
        JsonValue v = members.get(key);
        if (v == null || v == JsonNull.INSTANCE) {
            return null;
        }
        if (!type.isInstance(v)) {
            throw new JsonException(JsonError.WRONG_TYPE, "field \"" + key + "\" is " + v.typeName());
        }
        return type.cast(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonObject other && other.members.equals(members);
    }

    @Override
    public int hashCode() {
        return members.hashCode();
    }

    /** Lists the keys only: values may be private mail data or key material. */
    @Override
    public String toString() {
        return "JsonObject" + members.keySet();
    }

    /** Builds an object; members keep the order they were first put in. */
    public static final class Builder {
        private LinkedHashMap<String, JsonValue> members;

        private Builder(LinkedHashMap<String, JsonValue> members) {
            this.members = members;
        }

        /** Adds a member, or replaces the value of one put earlier (keeping its position). */
        public Builder put(String key, JsonValue value) {
            members.put(java.util.Objects.requireNonNull(key, "key"), java.util.Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Adds a string member. */
        public Builder put(String key, String value) {
            return put(key, JsonString.of(value));
        }

        /** Adds an integer member. */
        public Builder put(String key, long value) {
            return put(key, JsonNumber.of(value));
        }

        /** Adds a boolean member. */
        public Builder put(String key, boolean value) {
            return put(key, JsonBool.of(value));
        }

        /** Removes a member if present. */
        public Builder remove(String key) {
            members.remove(key);
            return this;
        }

        /** The object; the builder must not be used afterwards. */
        public JsonObject build() {
            LinkedHashMap<String, JsonValue> m = members;
            members = null;
            return wrap(m);
        }
    }
}
