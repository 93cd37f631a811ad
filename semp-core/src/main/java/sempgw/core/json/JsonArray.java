package sempgw.core.json;

import java.util.ArrayList;
import java.util.List;

/** An immutable JSON array. */
public final class JsonArray implements JsonValue {

    /** The empty array, which Go emits for empty slices (never {@code null}). */
    public static final JsonArray EMPTY = new JsonArray(List.of());

    private final List<JsonValue> elements;

    private JsonArray(List<JsonValue> elements) {
        this.elements = elements;
    }

    /** An array of {@code elements}, copied. */
    public static JsonArray of(List<? extends JsonValue> elements) {
        return elements.isEmpty() ? EMPTY : new JsonArray(List.copyOf(elements));
    }

    /** An array of {@code elements}. */
    public static JsonArray of(JsonValue... elements) {
        return of(List.of(elements));
    }

    /** An array of JSON strings. */
    public static JsonArray ofStrings(List<String> values) {
        List<JsonValue> out = new ArrayList<>(values.size());
        for (String v : values) {
            out.add(JsonString.of(v));
        }
        return of(out);
    }

    /** The elements, unmodifiable. */
    public List<JsonValue> elements() {
        return elements;
    }

    /** The number of elements. */
    public int size() {
        return elements.size();
    }

    /** The element at {@code index}. */
    public JsonValue get(int index) {
        return elements.get(index);
    }

    /**
     * The elements as strings.
     *
     * @throws JsonException {@link JsonError#WRONG_TYPE} if an element is not a string
     */
    public List<String> requireStrings() throws JsonException {
        List<String> out = new ArrayList<>(elements.size());
        for (JsonValue v : elements) {
            if (!(v instanceof JsonString(String s))) {
                throw new JsonException(JsonError.WRONG_TYPE, "array element is " + v.typeName() + ", not string");
            }
            out.add(s);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonArray a && a.elements.equals(elements);
    }

    @Override
    public int hashCode() {
        return elements.hashCode();
    }

    @Override
    public String toString() {
        return "JsonArray[" + elements.size() + " elements]";
    }

    static JsonArray wrap(List<JsonValue> owned) {
        return owned.isEmpty() ? EMPTY : new JsonArray(java.util.Collections.unmodifiableList(owned));
    }
}
