package sempgw.core.json;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A JSON number kept as its verbatim text, so canonicalization reproduces exactly what was
 * received (SPEC-DIGEST-WIRE §2.2 step 4). Conversions are explicit and checked.
 */
public record JsonNumber(String text) implements JsonValue {

    /**
     * @throws IllegalArgumentException when {@code text} is not an RFC 8259 §6 number; use the
     *     parser for untrusted text
     */
    public JsonNumber {
        Objects.requireNonNull(text, "text");
        if (NumberGrammar.scan(text) != text.length()) {
            throw new IllegalArgumentException("not a JSON number");
        }
    }

    /** The number {@code value} in plain decimal, as Go writes integers. */
    public static JsonNumber of(long value) {
        return new JsonNumber(Long.toString(value));
    }

    /** True when the text has no fraction and no exponent. */
    public boolean isInteger() {
        return text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
    }

    /**
     * The value as a {@code long}.
     *
     * @throws JsonException {@link JsonError#INVALID_VALUE} if the text has a fraction or an
     *     exponent, or does not fit in a {@code long}
     */
    public long longValue() throws JsonException {
        if (!isInteger()) {
            throw new JsonException(JsonError.INVALID_VALUE, "number is not an integer");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new JsonException(JsonError.INVALID_VALUE, "integer out of range");
        }
    }

    /**
     * The exact value as a {@link BigDecimal}.
     *
     * @throws JsonException {@link JsonError#INVALID_VALUE} when the exponent is beyond
     *     {@code BigDecimal}'s range
     */
    public BigDecimal bigDecimalValue() throws JsonException {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new JsonException(JsonError.INVALID_VALUE, "number out of range");
        }
    }
}
