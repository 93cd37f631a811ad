package sempgw.core.json;

/** The JSON literal {@code null}. */
public enum JsonNull implements JsonValue {
    INSTANCE
}
