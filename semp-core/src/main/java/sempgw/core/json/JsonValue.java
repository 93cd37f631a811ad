package sempgw.core.json;

/**
 * An immutable JSON value. Switch over it exhaustively with record patterns:
 * <pre>{@code
 * switch (v) {
 *     case JsonObject o -> ...; case JsonArray a -> ...; case JsonString s -> ...;
 *     case JsonNumber n -> ...; case JsonBool b -> ...; case JsonNull n -> ...;
 * }
 * }</pre>
 */
public sealed interface JsonValue permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBool, JsonNull {

    /** A short name of this value's JSON type, for error messages ("object", "string", ...). */
    default String typeName() {
        return switch (this) {
            case JsonObject o -> "object";
            case JsonArray a -> "array";
            case JsonString s -> "string";
            case JsonNumber n -> "number";
            case JsonBool b -> "boolean";
            case JsonNull n -> "null";
        };
    }
}
