package sempgw.core.json;

/** The JSON literals {@code true} and {@code false}. */
public enum JsonBool implements JsonValue {
    TRUE, FALSE;

    /** The constant for {@code value}. */
    public static JsonBool of(boolean value) {
        return value ? TRUE : FALSE;
    }

    /** This literal as a Java boolean. */
    public boolean value() {
        return this == TRUE;
    }
}
