package sempgw.core.json;

/** Why JSON input was rejected or a tree lookup failed. */
public enum JsonError {
    /** The input ended inside a value. */
    TRUNCATED,
    /** A byte that cannot start or continue a value here (RFC 8259 §2). */
    UNEXPECTED_CHARACTER,
    /** Bytes after the top-level value. */
    TRAILING_DATA,
    /** Invalid UTF-8: overlong form, surrogate code point, bad continuation byte (RFC 3629 §3). */
    INVALID_UTF8,
    /** A {@code \\u} escape naming one half of a surrogate pair without the other. */
    LONE_SURROGATE,
    /** A malformed escape sequence inside a string. */
    INVALID_ESCAPE,
    /** A raw control character (below U+0020) inside a string (RFC 8259 §7). */
    CONTROL_CHARACTER,
    /** A number that does not follow the RFC 8259 §6 grammar. */
    INVALID_NUMBER,
    /** The same key twice in one object. */
    DUPLICATE_KEY,
    /** Input longer than {@link JsonParser.Options#maxBytes()}. */
    INPUT_TOO_LARGE,
    /** Nesting deeper than {@link JsonParser.Options#maxDepth()}. */
    TOO_DEEP,
    /** A string longer than {@link JsonParser.Options#maxStringBytes()}. */
    STRING_TOO_LONG,
    /** A number longer than {@link JsonParser.Options#maxNumberLength()}. */
    NUMBER_TOO_LONG,
    /** More members or elements than {@link JsonParser.Options#maxContainerSize()}. */
    TOO_MANY_ELEMENTS,
    /** A required member is absent (tree lookups). */
    MISSING_FIELD,
    /** A member has another JSON type than required (tree lookups). */
    WRONG_TYPE,
    /** A value has the right type but an unusable content (e.g. a fraction where an integer is due). */
    INVALID_VALUE
}
